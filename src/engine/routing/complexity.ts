import { AUDIT_EVIDENCE_RULE, COMPLEXITY_LEVELS, TITLE_FIX_RULE, type Analysis, type AreaId, type Complexity, type Evidence, type ScopeSignalKind } from '../analysis/analysisTypes';
import { learnedComplexity, shippedComplexityModel, strongestFeatures, type ComplexityModel } from './complexityModel';

/** Options of the classifier. */
export interface ClassifyOptions {
  /**
   * The learned check's model: the shipped one by default; `null` leaves the check out (the rule alone,
   * as the training script reads it); the training script passes each fold's model.
   */
  readonly model?: ComplexityModel | null;
}

/** Which §4 rule gave a reason: one id per entry of {@link ComplexityResult.reasons}, in the same order. */
export type ComplexityRule =
  | 'migration'
  | 'multi-region'
  | 'four-areas'
  | 'certification'
  | 'whole-product'
  | 'production-rollout'
  | 'hard-constraints'
  | 'two-areas'
  | 'substantial-scope'
  | 'contained-change'
  | 'no-scope-sign'
  | 'learned-check';

/** The complexity class with its reasons and the evidence behind it (ROUTING §4). */
export interface ComplexityResult {
  readonly complexity: Complexity;
  readonly reasons: readonly string[];
  /** The rule behind each reason (a stable id the learned check reads, where the reason text may change). */
  readonly rules: readonly ComplexityRule[];
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

/**
 * The complexity class of an analysis: the §4 rule ({@link ruleComplexity}), then the learned check
 * (`complexityModel.ts`) on the one line the contract leaves to judgement, low against medium ("a
 * contained change" against "substantial scope"). High and extreme stay the rule's: they rest on
 * explicit §4 criteria, and the labelled data has few high texts to learn from. The check never puts a
 * task the rule counts two areas in below medium (§4: "two areas are never low"), and it overrides the
 * rule when it gives the other class more probability than the rule's (a margin was tried and lost in
 * leave-one-set-out CV; docs/routing.md).
 */
export function classifyComplexity(a: Analysis, areas: readonly AreaId[], opts: ClassifyOptions = {}): ComplexityResult {
  const rule = ruleComplexity(a, areas);
  if (opts.model === null || (rule.complexity !== 'low' && rule.complexity !== 'medium')) return rule;
  if (rule.complexity === 'medium' && rule.areaCount >= 2) return rule;
  const model = opts.model ?? shippedComplexityModel();
  const m = learnedComplexity(a, rule, model);
  if (!m) return rule;
  const other = rule.complexity === 'low' ? 'medium' : 'low';
  const pm = m.p[COMPLEXITY_LEVELS.indexOf(other)]!;
  const pr = m.p[COMPLEXITY_LEVELS.indexOf(rule.complexity)]!;
  const margin = pm - pr;
  if (margin <= 0) return rule;
  return {
    complexity: other,
    reasons: [`§4 learned check: ${other} rather than the rule's ${rule.complexity} (p ${pm.toFixed(2)} vs ${pr.toFixed(2)}; ${strongestFeatures(model, m.rows, other, rule.complexity).join(', ')})`, ...rule.reasons],
    rules: ['learned-check', ...rule.rules],
    areaCount: rule.areaCount,
    // The margin between the two classes is the support, a narrow one a conflict (the one-area formula).
    support: 1 + 3 * margin,
    conflict: margin < 0.2 ? 1 : 0,
  };
}

/** Applies the §4 table to an analysis. `areas` is the (possibly corrected) area list. */
export function ruleComplexity(a: Analysis, areas: readonly AreaId[]): ComplexityResult {
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
  const rules: ComplexityRule[] = [];

  // extreme: migration/re-platforming of an existing system, or building it across regions/clouds.
  if (migration && !strategy) {
    rules.push('migration');
    reasons.push(`§4 extreme: migration or re-platforming of an existing system (${quote(migration)})`);
    return { complexity: 'extreme', reasons, rules, areaCount: A, support: migration.length, conflict: contained?.length ?? 0 };
  }
  if (multi && !strategy) {
    rules.push('multi-region');
    reasons.push(`§4 extreme: the system itself runs across regions or clouds (${quote(multi)})`);
    return { complexity: 'extreme', reasons, rules, areaCount: A, support: multi.length, conflict: contained?.length ?? 0 };
  }
  let high = false;
  let support = 0;
  if (A >= 4) { high = true; support += A - 3; rules.push('four-areas'); reasons.push(`§4 high: ${A} distinct L2/L3 areas (A >= 4)`); }
  if (cert) { high = true; support += cert.length; rules.push('certification'); reasons.push(`§4 high: achieving a compliance certification (${quote(cert)})`); }
  if (whole && A >= 2) { high = true; support += whole.length; rules.push('whole-product'); reasons.push(`§4 high: building or deploying a whole product or platform with ${A} areas (${quote(whole)})`); }
  if (rollout && A >= 2) { high = true; support += rollout.length; rules.push('production-rollout'); reasons.push(`§4 high: running or rolling out a whole system in production with ${A} areas (${quote(rollout)})`); }
  if (high) {
    if (hard) {
      rules.push('hard-constraints');
      reasons.push(`§4 extreme: a high task with hard constraints (${quote(hard)})`);
      return { complexity: 'extreme', reasons, rules, areaCount: A, support: support + hard.length, conflict: 0 };
    }
    return { complexity: 'high', reasons, rules, areaCount: A, support, conflict: contained?.length ?? 0 };
  }
  if (A >= 2) {
    rules.push('two-areas');
    reasons.push(`§4 medium: ${A} distinct L2/L3 areas (${areas.join(', ')}); two areas are never low`);
    return { complexity: 'medium', reasons, rules, areaCount: A, support: A - 1, conflict: 0 };
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
    rules.push('substantial-scope');
    reasons.push(`§4 medium: one area with substantial scope (${quote(substEv)})`);
    return { complexity: 'medium', reasons, rules, areaCount: A, support: nSubst, conflict: nCont };
  }
  rules.push(nCont > 0 ? 'contained-change' : 'no-scope-sign');
  reasons.push(
    nCont > 0
      ? `§4 low: one area and a contained change (${quote(contained)})`
      : `§4 low: one area (${areas[0] ?? (a.strategy.kind === 'strategy-only' ? 'strategy-only' : 'generalist')}) and no sign of substantial scope`,
  );
  return { complexity: 'low', reasons, rules, areaCount: A, support: nCont, conflict: nSubst };
}
