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
import { complexityModelData } from './generated/complexityModel';
import { complexityFeatures, isContentWord } from './complexityFeatures';
import type { ComplexityResult } from './complexity';

/** A multinomial logistic model: biases and per-feature weights, one per complexity class. */
export interface ComplexityModel {
  /** Per class, in {@link COMPLEXITY_LEVELS} order. */
  readonly bias: readonly number[];
  /** Weights per feature, one per class in {@link COMPLEXITY_LEVELS} order. */
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

let shipped: ComplexityModel | undefined;
/**
 * The shipped model (empty when the generated file holds no weights: then the rule alone decides). Built
 * on first use, not at load: its 4,000-odd weights cost start-up time a command that never plans need not pay.
 */
export function shippedComplexityModel(): ComplexityModel {
  if (shipped === undefined) {
    const data = complexityModelData();
    shipped = { bias: data.bias, weights: new Map(data.weights.map(([f, ...w]) => [f, w])) };
  }
  return shipped;
}

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
export function learnedComplexity(a: Analysis, rule: ComplexityResult, model: ComplexityModel = shippedComplexityModel()): LearnedComplexity | undefined {
  if (model.weights.size === 0) return undefined;
  if (model === shipped) return shippedProbabilities(a, rule, tables ?? (tables = shippedTables(model)));
  const rows: number[] = [];
  const p = classProbabilities(model, complexityFeatures(a, rule), rows);
  return { p, rows };
}

// The shipped model's fast path. Building ~30 feature strings per plan and hashing each for a map
// lookup cost more than the whole analysis, and a weight array per feature scattered the reads; instead
// the weights sit in one array, each word form carries its rows (looked up once per form, ever), pairs
// are found by the second stem in the first word's small map, and the other features are read through
// tables built once, on the first plan. The sum is the same as classProbabilities over
// complexityFeatures (test/unit/analysis/hotPath.test.ts checks it).

/** The shipped model's lookup tables: rows by feature kind (-1: the model does not weigh it). */
interface Tables {
  readonly model: ComplexityModel;
  readonly c: Compiled;
  readonly row: (f: string) => number;
  /** Rows of pair features by first stem, then second stem. */
  readonly pairs: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly rc: readonly number[];
  readonly rule: ReadonlyMap<string, number>;
  readonly na: readonly number[];
  readonly len: readonly number[];
  readonly sig: ReadonlyMap<string, number>;
  readonly sig2: ReadonlyMap<string, number>;
  readonly concern: ReadonlyMap<string, number>;
  readonly area: ReadonlyMap<string, number>;
  readonly strategy: ReadonlyMap<string, number>;
  readonly tech: number;
  readonly live: number;
  readonly band: { readonly short: number; readonly mid: number; readonly long: number };
  /** Per row, the call that last counted it (repeats are counted once, with no set per plan). */
  readonly stamp: Int32Array;
}
let tables: Tables | undefined;

function shippedTables(model: ComplexityModel): Tables {
  const c = compiled(model);
  const row = (f: string): number => c.index.get(f) ?? -1;
  const pairs = new Map<string, Map<string, number>>();
  c.names.forEach((f, r) => {
    if (!f.startsWith('b:')) return;
    const sp = f.indexOf(' ');
    const first = f.slice(2, sp);
    let m = pairs.get(first);
    if (!m) pairs.set(first, (m = new Map()));
    m.set(f.slice(sp + 1), r);
  });
  /** Rows of the features named by a prefix and each of some ids, by id. */
  const byId = (prefix: string, ids: readonly string[]): Map<string, number> => new Map(ids.map((id) => [id, row(prefix + id)]));
  return {
    model,
    c,
    row,
    pairs,
    rc: COMPLEXITY_LEVELS.map((x) => row(`rc:${x}`)),
    rule: byId('rule:', c.names.filter((f) => f.startsWith('rule:')).map((f) => f.slice(5))),
    na: [0, 1, 2, 3, 4].map((n) => row(`na:${n}`)),
    len: [0, 1, 2, 3, 4, 5, 6].map((n) => row(`len:${n}`)),
    sig: byId('f:sig:', SCOPE_SIGNALS),
    sig2: new Map(SCOPE_SIGNALS.map((k) => [k, row(`f:sig:${k}:2+`)])),
    concern: byId('f:concern:', CONCERN_IDS),
    area: byId('f:area:', AREA_IDS),
    strategy: byId('f:strategy:', ['none', 'strategy', 'strategy-only']),
    tech: row('f:tech:catalogue'),
    live: row('f:live'),
    band: { short: row('f:len:short'), mid: row('f:len:mid'), long: row('f:len:long') },
    stamp: new Int32Array(c.names.length),
  };
}

// The rows of the task being read: a scratch list, and the number of the current call for the stamps.
const HITS: number[] = [];
let nHits = 0;
let call = 0;
function hit(stamp: Int32Array, r: number | undefined): void {
  if (r === undefined || r < 0 || stamp[r] === call) return;
  stamp[r] = call;
  HITS[nHits++] = r;
}

/** Looks a word form's rows up in the shipped model, once per form. */
function formRows(T: Tables, f: WordForm): void {
  if (f.cxWord !== NOT_LOOKED_UP) return;
  const content = isContentWord(f.stem, f.lower);
  f.cxWord = content ? T.row(`w:${f.stem}`) : NOT_CONTENT;
  f.cxFirst = T.row(`first:${f.stem}`);
  f.cxPairs = (content && T.pairs.get(f.stem)) || null;
}

function shippedProbabilities(a: Analysis, rule: ComplexityResult, T: Tables): LearnedComplexity {
  const st = T.stamp;
  if (++call === 0x7fffffff) { st.fill(0); call = 1; }
  nHits = 0;
  hit(st, T.rc[COMPLEXITY_LEVELS.indexOf(rule.complexity)]);
  for (const r of rule.rules) hit(st, T.rule.get(r));
  for (const sg of a.signals) {
    hit(st, T.sig.get(sg.kind));
    let w = 0;
    for (const e of sg.evidence) w += e.weight;
    if (w >= 2) hit(st, T.sig2.get(sg.kind));
  }
  for (const c of a.concerns) hit(st, T.concern.get(c.concern));
  let tech = false;
  for (const x of a.areas) {
    hit(st, T.area.get(x.area));
    if (!tech) for (const e of x.evidence) if (e.rule.startsWith('lexicon:')) { tech = true; break; }
  }
  if (tech) hit(st, T.tech);
  hit(st, T.strategy.get(a.strategy.kind));
  if (a.liveOps.live) hit(st, T.live);
  const toks = scratchTokensOf(a.task);
  const n = toks.length;
  hit(st, n <= 6 ? T.band.short : n <= 15 ? T.band.mid : T.band.long);
  let prev: ReadonlyMap<string, number> | null = null;
  for (const t of toks) {
    const f = t.form;
    formRows(T, f);
    if (f.cxWord === NOT_CONTENT) continue;
    hit(st, f.cxWord);
    if (prev !== null) hit(st, prev.get(f.stem));
    prev = f.cxPairs;
  }
  if (n > 0) {
    formRows(T, toks[0]!.form);
    hit(st, toks[0]!.form.cxFirst);
  }
  hit(st, T.na[Math.min(rule.areaCount, 4)]);
  hit(st, T.len[Math.min(Math.floor(n / 4), 6)]);
  return { p: softmax(T.model, T.c.w, HITS, nHits), rows: HITS.slice(0, nHits) };
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
