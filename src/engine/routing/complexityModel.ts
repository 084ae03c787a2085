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
import { scratchTokensOf, type WordForm, type WordWeights } from '../analysis/tokenize';
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
  /** The model's weight arrays of the distinct features the task has (what {@link strongestFeatures} names). */
  readonly weighted: readonly (readonly number[])[];
}

const K = COMPLEXITY_LEVELS.length;

/**
 * Class probabilities of a feature list under a model (each distinct feature counted once). `weighted`,
 * when given, receives the weight arrays of the features the model weighs.
 */
export function classProbabilities(model: ComplexityModel, features: readonly string[], weighted?: (readonly number[])[]): number[] {
  const z = [...model.bias];
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f)) continue;
    seen.add(f);
    const w = model.weights.get(f);
    if (!w) continue;
    for (let k = 0; k < K; k++) z[k]! += w[k]!;
    weighted?.push(w);
  }
  const max = Math.max(...z);
  let sum = 0;
  for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k]! - max); sum += z[k]!; }
  return z.map((x) => x / sum);
}

/** The model's view of a task, or undefined when no model is shipped. `rule` is the §4 rule's result for the same analysis. */
export function learnedComplexity(a: Analysis, rule: ComplexityResult, model: ComplexityModel = SHIPPED_COMPLEXITY_MODEL): LearnedComplexity | undefined {
  if (model.weights.size === 0) return undefined;
  const weighted: (readonly number[])[] = [];
  const p = model === SHIPPED_COMPLEXITY_MODEL ? shippedProbabilities(a, rule, weighted) : classProbabilities(model, complexityFeatures(a, rule), weighted);
  return { p, weighted };
}

// The shipped model's fast path. Building ~30 feature strings per plan and hashing each for a map
// lookup cost more than the whole analysis; instead each word form carries its weights (looked up once
// per form, ever), pairs are found by the second stem in the first word's small map, and the other
// features are read through tables keyed by strings that already exist. The sum is the same as
// classProbabilities over complexityFeatures (test/unit/analysis/hotPath.test.ts checks it).
const W = SHIPPED_COMPLEXITY_MODEL.weights;
const PAIRS = new Map<string, Map<string, readonly number[]>>();
for (const [f, w] of W) {
  if (!f.startsWith('b:')) continue;
  const sp = f.indexOf(' ');
  const first = f.slice(2, sp);
  let m = PAIRS.get(first);
  if (!m) PAIRS.set(first, (m = new Map()));
  m.set(f.slice(sp + 1), w);
}
/** Weights of the features named by a prefix and each of some ids (rule ids, finding names …), by id. */
const byId = (prefix: string, ids: Iterable<string>): Map<string, readonly number[]> => {
  const out = new Map<string, readonly number[]>();
  for (const id of ids) {
    const w = W.get(prefix + id);
    if (w) out.set(id, w);
  }
  return out;
};
const withPrefix = (prefix: string): string[] => [...W.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
const RC = COMPLEXITY_LEVELS.map((c) => W.get(`rc:${c}`));
const RULE = byId('rule:', withPrefix('rule:'));
const NA = [0, 1, 2, 3, 4].map((n) => W.get(`na:${n}`));
const LEN = [0, 1, 2, 3, 4, 5, 6].map((n) => W.get(`len:${n}`));
const SIG = byId('f:sig:', SCOPE_SIGNALS);
const SIG2 = new Map(SCOPE_SIGNALS.map((k) => [k, W.get(`f:sig:${k}:2+`)]));
const CONCERN = byId('f:concern:', CONCERN_IDS);
const AREA = byId('f:area:', AREA_IDS);
const STRATEGY = byId('f:strategy:', ['none', 'strategy', 'strategy-only']);
const TECH = W.get('f:tech:catalogue');
const LIVE = W.get('f:live');
const BAND = { short: W.get('f:len:short'), mid: W.get('f:len:mid'), long: W.get('f:len:long') };

/** A word form's weights in the shipped model (memoised on the form). */
function formWeights(f: WordForm): WordWeights {
  if (f.complexityWeights === undefined) {
    const content = isContentWord(f.stem, f.lower);
    f.complexityWeights = { content, word: content ? W.get(`w:${f.stem}`) : undefined, first: W.get(`first:${f.stem}`), pairs: content ? PAIRS.get(f.stem) : undefined };
  }
  return f.complexityWeights;
}

function shippedProbabilities(a: Analysis, rule: ComplexityResult, weighted: (readonly number[])[]): number[] {
  const z = [...SHIPPED_COMPLEXITY_MODEL.bias];
  const add = (w: readonly number[] | undefined): void => {
    if (!w) return;
    for (let k = 0; k < K; k++) z[k]! += w[k]!;
    weighted.push(w);
  };
  add(RC[COMPLEXITY_LEVELS.indexOf(rule.complexity)]);
  // Rule ids, signals, concerns and areas are each distinct within one result, as features are counted once.
  for (const r of rule.rules) add(RULE.get(r));
  for (const sg of a.signals) {
    add(SIG.get(sg.kind));
    let w = 0;
    for (const e of sg.evidence) w += e.weight;
    if (w >= 2) add(SIG2.get(sg.kind));
  }
  for (const c of a.concerns) add(CONCERN.get(c.concern));
  let tech = false;
  for (const x of a.areas) {
    add(AREA.get(x.area));
    if (!tech) for (const e of x.evidence) if (e.rule.startsWith('lexicon:')) { tech = true; break; }
  }
  if (tech) add(TECH);
  add(STRATEGY.get(a.strategy.kind));
  if (a.liveOps.live) add(LIVE);
  const toks = scratchTokensOf(a.task);
  const n = toks.length;
  add(n <= 6 ? BAND.short : n <= 15 ? BAND.mid : BAND.long);
  // Content words and pairs, each distinct one once: only weighted ones need remembering.
  const seenWords: string[] = [];
  const seenPairs: (readonly number[])[] = [];
  let prev: WordWeights | undefined;
  for (const t of toks) {
    const fw = formWeights(t.form);
    if (!fw.content) continue;
    const stem = t.form.stem;
    if (fw.word && !seenWords.includes(stem)) {
      seenWords.push(stem);
      add(fw.word);
    }
    const pw = prev?.pairs?.get(stem);
    // One weight array per distinct pair feature, so identity tells repeats apart.
    if (pw && !seenPairs.includes(pw)) {
      seenPairs.push(pw);
      add(pw);
    }
    prev = fw;
  }
  if (n > 0) add(formWeights(toks[0]!.form).first);
  add(NA[Math.min(rule.areaCount, 4)]);
  add(LEN[Math.min(Math.floor(n / 4), 6)]);
  let max = z[0]!;
  for (let k = 1; k < K; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k]! - max); sum += z[k]!; }
  for (let k = 0; k < K; k++) z[k] = z[k]! / sum;
  return z;
}

// Feature names by weight array (each feature has its own array), built per model when first needed.
const NAMES = new WeakMap<ComplexityModel, Map<readonly number[], string>>();
function nameOf(model: ComplexityModel, w: readonly number[]): string {
  let names = NAMES.get(model);
  if (!names) {
    names = new Map();
    for (const [f, x] of model.weights) names.set(x, f);
    NAMES.set(model, names);
  }
  return names.get(w) ?? '?';
}

/**
 * Up to `n` of a task's features that most favour class `target` over class `against`, as "feature +weight"
 * (the evidence of an override). `weighted` is {@link LearnedComplexity.weighted} under the same model.
 */
export function strongestFeatures(model: ComplexityModel, weighted: readonly (readonly number[])[], target: Complexity, against: Complexity, n = 4): string[] {
  const t = COMPLEXITY_LEVELS.indexOf(target);
  const o = COMPLEXITY_LEVELS.indexOf(against);
  const contrib: [readonly number[], number][] = weighted.map((w) => [w, w[t]! - w[o]!]);
  contrib.sort((x, y) => y[1] - x[1]);
  return contrib.slice(0, n).filter(([, d]) => d > 0).map(([w, d]) => `${nameOf(model, w)} +${d.toFixed(2)}`);
}
