import { AUDIT_EVIDENCE_RULE, TITLE_FIX_RULE, type Analysis, type AreaId, type Complexity, type Evidence, type ScopeSignalKind } from '../analysis/analysisTypes';
import { SCOPE_MODEL } from '../analysis/generated/scopeModel';
import { findingFeatures, isWordFeature } from '../analysis/scopeFeatures';
import { tokenizeScratch, type Token } from '../analysis/tokenize';

/** The shipped one-area scope model (weights as a Map, built once). */
const MODEL: ScopeWeights = { bias: SCOPE_MODEL.bias, weights: new Map(SCOPE_MODEL.weights) };

/** Options of the classifier; `scopeModel: false` forces the hand rule (used to compare them). */
export interface ClassifyOptions {
  readonly scopeModel?: boolean;
}

/** A scope model as used: bias and weight by feature name. */
export interface ScopeWeights {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

/**
 * Probability that a one-area task has substantial scope, and the features that pushed it up most.
 * `model` defaults to the shipped model (tests pass their own).
 */
export function scopeProbability(a: Analysis, model: ScopeWeights = MODEL): { p: number; top: string[] } {
  // The same sum as over scopeFeatures(a), in the same order, without building a feature string
  // per word: a word's model weight is memoised on its interned form, and only weighted words
  // (usually a handful) are named and de-duplicated.
  let z = model.bias;
  const contrib: [string, number][] = [];
  // The analyzer's scratch tokens: routing runs after the analysis, and nothing here outlives the
  // call (a one-area plan re-tokenised into fresh Token objects, ~1 per word, each time).
  const toks = tokenizeScratch(a.task);
  const seen: string[] = [];
  for (const t of toks) {
    const w = model === MODEL ? wordWeight(t) : isWordFeature(t) ? (model.weights.get(`w:${t.stem}`) ?? null) : null;
    if (w === null || seen.includes(t.stem)) continue;
    seen.push(t.stem);
    z += w;
    contrib.push([`w:${t.stem}`, w]);
  }
  for (const f of findingFeatures(a, toks.length)) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    z += w;
    contrib.push([f, w]);
  }
  contrib.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  return { p: 1 / (1 + Math.exp(-z)), top: contrib.slice(0, 4).map(([f, w]) => `${f} ${w >= 0 ? '+' : ''}${w.toFixed(2)}`) };
}

/** The shipped model's weight of a token's word feature, or null when it has none (memoised per word form). */
function wordWeight(t: Token): number | null {
  const f = t.form;
  if (f.scopeWeight === undefined) f.scopeWeight = isWordFeature(t) ? (MODEL.weights.get(`w:${t.stem}`) ?? null) : null;
  return f.scopeWeight;
}

/** The complexity class with its reasons and the evidence behind it (ROUTING §4). */
export interface ComplexityResult {
  readonly complexity: Complexity;
  readonly reasons: readonly string[];
  /** Distinct L2/L3 areas counted (strategy-only and generalist tasks count as one). */
  readonly areaCount: number;
  /** Evidence items supporting the class, and items pointing elsewhere (used by the confidence formula). */
  readonly support: number;
  readonly conflict: number;
}

function sig(a: Analysis, kind: ScopeSignalKind): readonly Evidence[] | undefined {
  // A loop rather than `find` with a closure over `kind`: eight lookups per plan.
  for (const s of a.signals) if (s.kind === kind) return s.evidence;
  return undefined;
}

/** The first three phrases, quoted and joined with ", " (no slice/map/join arrays). */
function quote(e: readonly Evidence[] | undefined): string {
  if (!e) return '';
  let out = '';
  for (let k = 0; k < e.length && k < 3; k++) out += k === 0 ? `"${e[k]!.phrase}"` : `, "${e[k]!.phrase}"`;
  return out;
}

/** Applies the §4 table to an analysis. `areas` is the (possibly corrected) area list. */
export function classifyComplexity(a: Analysis, areas: readonly AreaId[], opts: ClassifyOptions = {}): ComplexityResult {
  const A = areas.length === 0 ? 1 : areas.length;
  const strategy = a.strategy.kind !== 'none';
  const migration = sig(a, 'migration');
  const multi = sig(a, 'multi-region');
  const hard = sig(a, 'hard-constraint');
  const cert = sig(a, 'certification');
  const whole = sig(a, 'whole-system');
  const rollout = sig(a, 'production-rollout');
  const subst = sig(a, 'substantial');
  const contained = sig(a, 'contained');
  const reasons: string[] = [];

  // extreme: migration/re-platforming of an existing system, or building it across regions/clouds.
  if (migration && !strategy) {
    reasons.push(`§4 extreme: migration or re-platforming of an existing system (${quote(migration)})`);
    return { complexity: 'extreme', reasons, areaCount: A, support: migration.length, conflict: contained?.length ?? 0 };
  }
  if (multi && !strategy) {
    reasons.push(`§4 extreme: the system itself runs across regions or clouds (${quote(multi)})`);
    return { complexity: 'extreme', reasons, areaCount: A, support: multi.length, conflict: contained?.length ?? 0 };
  }
  let high = false;
  let support = 0;
  if (A >= 4) { high = true; support += A - 3; reasons.push(`§4 high: ${A} distinct L2/L3 areas (A >= 4)`); }
  if (cert) { high = true; support += cert.length; reasons.push(`§4 high: achieving a compliance certification (${quote(cert)})`); }
  if (whole && A >= 2) { high = true; support += whole.length; reasons.push(`§4 high: building or deploying a whole product or platform with ${A} areas (${quote(whole)})`); }
  if (rollout && A >= 2) { high = true; support += rollout.length; reasons.push(`§4 high: running or rolling out a whole system in production with ${A} areas (${quote(rollout)})`); }
  if (high) {
    if (hard) {
      reasons.push(`§4 extreme: a high task with hard constraints (${quote(hard)})`);
      return { complexity: 'extreme', reasons, areaCount: A, support: support + hard.length, conflict: 0 };
    }
    return { complexity: 'high', reasons, areaCount: A, support, conflict: contained?.length ?? 0 };
  }
  if (A >= 2) {
    reasons.push(`§4 medium: ${A} distinct L2/L3 areas (${areas.join(', ')}); two areas are never low`);
    return { complexity: 'medium', reasons, areaCount: A, support: A - 1, conflict: 0 };
  }
  // One area, not a plan: the fitted scope model decides substantial vs contained when one is shipped
  // (k-fold CV showed it beats the hand rule; see docs/routing.md), with its top features as evidence.
  if (!strategy && MODEL.weights.size > 0 && opts.scopeModel !== false) {
    const { p, top } = scopeProbability(a);
    const medium = p >= 0.5;
    reasons.push(`§4 ${medium ? 'medium: one area with substantial scope' : 'low: one area, contained change'} (scope model p=${p.toFixed(2)}; ${top.join(', ')})`);
    const margin = Math.abs(p - 0.5) * 2;
    return { complexity: medium ? 'medium' : 'low', reasons, areaCount: A, support: 1 + 3 * margin, conflict: margin < 0.2 ? 1 : 0 };
  }
  // One area: substantial scope makes it medium unless the text reads as a contained fix.
  // A plan or spike is rated by what it delivers (§4): only a plan for a migration, rewrite or
  // replacement carries substantial scope; research, decisions and audits stay low.
  // (So does the evidence a compliance audit asks for, which the analyzer marks.)
  const substEv = strategy ? (subst ?? []).filter((e) => e.rule === AUDIT_EVIDENCE_RULE || /migrat|mov(e|ing)\b|rewrit|replac|re-?platform|\bport\b|convert|design|monolith|extract|event-driven|re-?architect/i.test(e.phrase)) : (subst ?? []);
  let nSubst = 0;
  for (const e of substEv) nSubst += e.weight;
  nSubst = nSubst >= 1 ? nSubst : 0;
  // A title that opens with "Fix" is a fix first, whatever else it names (the analyzer marks that cue).
  let nCont = contained?.length ?? 0;
  if (contained) for (const e of contained) if (e.rule.startsWith(TITLE_FIX_RULE)) nCont++;
  if (nSubst > 0 && nSubst >= nCont) {
    reasons.push(`§4 medium: one area with substantial scope (${quote(substEv)})`);
    return { complexity: 'medium', reasons, areaCount: A, support: nSubst, conflict: nCont };
  }
  reasons.push(
    nCont > 0
      ? `§4 low: one area and a contained change (${quote(contained)})`
      : `§4 low: one area (${areas[0] ?? (a.strategy.kind === 'strategy-only' ? 'strategy-only' : 'generalist')}) and no sign of substantial scope`,
  );
  return { complexity: 'low', reasons, areaCount: A, support: nCont, conflict: nSubst };
}
