/**
 * The learned complexity check: a multinomial logistic model over a task's word stems and stem pairs,
 * the analyzer's findings and the §4 rule's own decision. `scripts/trainComplexityModel.ts` fits it on
 * labelled real tasks and writes `generated/complexityModel.ts`; nothing is fitted at run time.
 *
 * Why it exists: read rules stopped moving unseen texts (docs/routing.md, twelfth pass), while the
 * labels of ~3,600 real tasks say, in aggregate, where the rule's low/medium line sits wrong — most
 * often on wordings no single rule names. Leave-one-set-out cross-validation measures it (the script
 * prints the figures).
 */
import { AREA_IDS, COMPLEXITY_LEVELS, CONCERN_IDS, SCOPE_SIGNALS, type Analysis, type Complexity } from '../analysis/analysisTypes';
import { NOT_CONTENT, NOT_LOOKED_UP, scratchTokensOf, type WordForm } from '../analysis/tokenize';
import { COMPLEXITY_MODEL_DATA } from './generated/complexityModel';
import { complexityFeatures, isContentWord } from './complexityFeatures';
import type { ComplexityResult } from './complexity';

/** A multinomial logistic model: biases and per-feature weights, one per complexity class. */
export interface ComplexityModel {
  /** Per class, in {@link COMPLEXITY_LEVELS} order. */
  readonly bias: readonly number[];
  /** Weights per feature, one per class in {@link COMPLEXITY_LEVELS} order. */
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

/** The shipped model (empty when the generated file holds no weights: then the rule alone decides). */
export const SHIPPED_COMPLEXITY_MODEL: ComplexityModel = {
  bias: COMPLEXITY_MODEL_DATA.bias,
  weights: new Map(COMPLEXITY_MODEL_DATA.weights.map(([f, ...w]) => [f, w])),
};

/** What the model says about one task. */
export interface LearnedComplexity {
  /** Probability of each class, in {@link COMPLEXITY_LEVELS} order. */
  readonly p: readonly number[];
  /** The task's distinct weighted features, as rows of the model's compiled layout (what {@link strongestFeatures} names). */
  readonly rows: readonly number[];
}

const K = COMPLEXITY_LEVELS.length;

/** A model laid out for lookups: the K weights of feature row r at w[r·K … r·K + K − 1], and its name. */
interface Compiled {
  readonly index: ReadonlyMap<string, number>;
  readonly names: readonly string[];
  readonly w: Float64Array;
}
const COMPILED = new WeakMap<ComplexityModel, Compiled>();
function compiled(model: ComplexityModel): Compiled {
  let c = COMPILED.get(model);
  if (!c) {
    const names = [...model.weights.keys()];
    const w = new Float64Array(names.length * K);
    names.forEach((f, r) => model.weights.get(f)!.forEach((x, k) => (w[r * K + k] = x)));
    c = { index: new Map(names.map((f, r) => [f, r])), names, w };
    COMPILED.set(model, c);
  }
  return c;
}

/** Softmax of the bias plus the given rows' weights. */
function softmax(model: ComplexityModel, w: Float64Array, rows: readonly number[], n: number): number[] {
  const z = [model.bias[0]!, model.bias[1]!, model.bias[2]!, model.bias[3]!];
  for (let i = 0; i < n; i++) {
    const r = rows[i]! * K;
    z[0]! += w[r]!;
    z[1]! += w[r + 1]!;
    z[2]! += w[r + 2]!;
    z[3]! += w[r + 3]!;
  }
  const max = Math.max(z[0]!, z[1]!, z[2]!, z[3]!);
  let sum = 0;
  for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k]! - max); sum += z[k]!; }
  for (let k = 0; k < K; k++) z[k] = z[k]! / sum;
  return z;
}

/**
 * Class probabilities of a feature list under a model (each distinct feature counted once). `rows`, when
 * given, receives the compiled rows of the features the model weighs.
 */
export function classProbabilities(model: ComplexityModel, features: readonly string[], rows: number[] = []): number[] {
  const c = compiled(model);
  const seen = new Set<number>();
  for (const f of features) {
    const r = c.index.get(f);
    if (r === undefined || seen.has(r)) continue;
    seen.add(r);
    rows.push(r);
  }
  return softmax(model, c.w, rows, rows.length);
}

/** The model's view of a task, or undefined when no model is shipped. `rule` is the §4 rule's result for the same analysis. */
export function learnedComplexity(a: Analysis, rule: ComplexityResult, model: ComplexityModel = SHIPPED_COMPLEXITY_MODEL): LearnedComplexity | undefined {
  if (model.weights.size === 0) return undefined;
  if (model === SHIPPED_COMPLEXITY_MODEL) return shippedProbabilities(a, rule);
  const rows: number[] = [];
  const p = classProbabilities(model, complexityFeatures(a, rule), rows);
  return { p, rows };
}

// The shipped model's fast path. Building ~30 feature strings per plan and hashing each for a map
// lookup cost more than the whole analysis, and a weight array per feature scattered the reads; instead
// the weights sit in one array, each word form carries its rows (looked up once per form, ever), pairs
// are found by the second stem in the first word's small map, and the other features are read through
// tables built at load. The sum is the same as classProbabilities over complexityFeatures
// (test/unit/analysis/hotPath.test.ts checks it).
const S = compiled(SHIPPED_COMPLEXITY_MODEL);
const row = (f: string): number => S.index.get(f) ?? -1;
const PAIRS = new Map<string, Map<string, number>>();
S.names.forEach((f, r) => {
  if (!f.startsWith('b:')) return;
  const sp = f.indexOf(' ');
  const first = f.slice(2, sp);
  let m = PAIRS.get(first);
  if (!m) PAIRS.set(first, (m = new Map()));
  m.set(f.slice(sp + 1), r);
});
/** Rows of the features named by a prefix and each of some ids, by id. */
const byId = (prefix: string, ids: readonly string[]): Map<string, number> => new Map(ids.map((id) => [id, row(prefix + id)]));
const RC = COMPLEXITY_LEVELS.map((c) => row(`rc:${c}`));
const RULE = byId('rule:', S.names.filter((f) => f.startsWith('rule:')).map((f) => f.slice(5)));
const NA = [0, 1, 2, 3, 4].map((n) => row(`na:${n}`));
const LEN = [0, 1, 2, 3, 4, 5, 6].map((n) => row(`len:${n}`));
const SIG = byId('f:sig:', SCOPE_SIGNALS);
const SIG2 = new Map(SCOPE_SIGNALS.map((k) => [k, row(`f:sig:${k}:2+`)]));
const CONCERN = byId('f:concern:', CONCERN_IDS);
const AREA = byId('f:area:', AREA_IDS);
const STRATEGY = byId('f:strategy:', ['none', 'strategy', 'strategy-only']);
const TECH = row('f:tech:catalogue');
const LIVE = row('f:live');
const BAND = { short: row('f:len:short'), mid: row('f:len:mid'), long: row('f:len:long') };

// The rows of the task being read: a scratch list, and a stamp per row that marks it seen in this call
// (no set per plan, and linear in the text however long it is).
const HITS: number[] = [];
let nHits = 0;
const STAMP = new Int32Array(S.names.length);
let stamp = 0;
function hit(r: number | undefined): void {
  if (r === undefined || r < 0 || STAMP[r] === stamp) return;
  STAMP[r] = stamp;
  HITS[nHits++] = r;
}

/** Looks a word form's rows up in the shipped model, once per form. */
function formRows(f: WordForm): void {
  if (f.cxWord !== NOT_LOOKED_UP) return;
  const content = isContentWord(f.stem, f.lower);
  f.cxWord = content ? row(`w:${f.stem}`) : NOT_CONTENT;
  f.cxFirst = row(`first:${f.stem}`);
  f.cxPairs = (content && PAIRS.get(f.stem)) || null;
}

function shippedProbabilities(a: Analysis, rule: ComplexityResult): LearnedComplexity {
  if (++stamp === 0x7fffffff) { STAMP.fill(0); stamp = 1; }
  nHits = 0;
  hit(RC[COMPLEXITY_LEVELS.indexOf(rule.complexity)]);
  for (const r of rule.rules) hit(RULE.get(r));
  for (const sg of a.signals) {
    hit(SIG.get(sg.kind));
    let w = 0;
    for (const e of sg.evidence) w += e.weight;
    if (w >= 2) hit(SIG2.get(sg.kind));
  }
  for (const c of a.concerns) hit(CONCERN.get(c.concern));
  let tech = false;
  for (const x of a.areas) {
    hit(AREA.get(x.area));
    if (!tech) for (const e of x.evidence) if (e.rule.startsWith('lexicon:')) { tech = true; break; }
  }
  if (tech) hit(TECH);
  hit(STRATEGY.get(a.strategy.kind));
  if (a.liveOps.live) hit(LIVE);
  const toks = scratchTokensOf(a.task);
  const n = toks.length;
  hit(n <= 6 ? BAND.short : n <= 15 ? BAND.mid : BAND.long);
  let prev: ReadonlyMap<string, number> | null = null;
  for (const t of toks) {
    const f = t.form;
    formRows(f);
    if (f.cxWord === NOT_CONTENT) continue;
    hit(f.cxWord);
    if (prev !== null) hit(prev.get(f.stem));
    prev = f.cxPairs;
  }
  if (n > 0) {
    formRows(toks[0]!.form);
    hit(toks[0]!.form.cxFirst);
  }
  hit(NA[Math.min(rule.areaCount, 4)]);
  hit(LEN[Math.min(Math.floor(n / 4), 6)]);
  return { p: softmax(SHIPPED_COMPLEXITY_MODEL, S.w, HITS, nHits), rows: HITS.slice(0, nHits) };
}

/**
 * Up to `n` of a task's features that most favour class `target` over class `against`, as "feature +weight"
 * (the evidence of an override). `rows` is {@link LearnedComplexity.rows} under the same model.
 */
export function strongestFeatures(model: ComplexityModel, rows: readonly number[], target: Complexity, against: Complexity, n = 4): string[] {
  const c = compiled(model);
  const t = COMPLEXITY_LEVELS.indexOf(target);
  const o = COMPLEXITY_LEVELS.indexOf(against);
  const contrib: [number, number][] = rows.map((r) => [r, c.w[r * K + t]! - c.w[r * K + o]!]);
  contrib.sort((x, y) => y[1] - x[1]);
  return contrib.slice(0, n).filter(([, d]) => d > 0).map(([r, d]) => `${c.names[r]} +${d.toFixed(2)}`);
}
