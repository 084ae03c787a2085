import { AREA_IDS, CONCERN_IDS, type Analysis, type AreaId, type ConcernId, type Evidence } from '../analysis/analysisTypes';
import { decideCascade } from './cascade';
import { classifyComplexity } from './complexity';
import { complexityConfidence, stepsConfidence } from './confidence';
import { selectPersonas } from './personaSelection';
import type { Corrections, RoutingDecision } from './routingTypes';

const NONE: readonly never[] = [];
const CORRECTION_EVIDENCE = (what: string): Evidence => ({ phrase: '', start: 0, end: 0, rule: `correction:${what}`, weight: 1 });

function inAreaOrder(areas: readonly { area: AreaId }[]): boolean {
  for (let k = 1; k < areas.length; k++) if (AREA_IDS.indexOf(areas[k - 1]!.area) > AREA_IDS.indexOf(areas[k]!.area)) return false;
  return true;
}

function inConcernOrder(concerns: readonly { concern: ConcernId }[]): boolean {
  for (let k = 1; k < concerns.length; k++) if (CONCERN_IDS.indexOf(concerns[k - 1]!.concern) > CONCERN_IDS.indexOf(concerns[k]!.concern)) return false;
  return true;
}

/** The areas after corrections, in AREA_IDS order (a new list). */
function correctedAreas(analysis: Analysis, c: Corrections | undefined): { area: AreaId; evidence: readonly Evidence[] }[] {
  const removeA: readonly AreaId[] = c?.removeAreas ?? NONE;
  const areas: { area: AreaId; evidence: readonly Evidence[] }[] = [];
  for (const a of analysis.areas) if (!removeA.includes(a.area)) areas.push({ area: a.area, evidence: a.evidence });
  for (const a of c?.addAreas ?? []) if (!areas.some((x) => x.area === a) && !removeA.includes(a)) areas.push({ area: a, evidence: [CORRECTION_EVIDENCE(`add-area:${a}`)] });
  // The analyzer lists areas in AREA_IDS order already; sort only what corrections (or a hand-made
  // analysis) left out of order.
  if (!inAreaOrder(areas)) areas.sort((x, y) => AREA_IDS.indexOf(x.area) - AREA_IDS.indexOf(y.area));
  return areas;
}

/** The concerns after corrections, in CONCERN_IDS order (a new list). */
function correctedConcerns(analysis: Analysis, c: Corrections | undefined): { concern: ConcernId; evidence: readonly Evidence[] }[] {
  const removeC: readonly ConcernId[] = c?.removeConcerns ?? NONE;
  const concerns: { concern: ConcernId; evidence: readonly Evidence[] }[] = [];
  for (const x of analysis.concerns) if (!removeC.includes(x.concern)) concerns.push({ concern: x.concern, evidence: x.evidence });
  for (const k of c?.addConcerns ?? []) if (!concerns.some((x) => x.concern === k) && !removeC.includes(k)) concerns.push({ concern: k, evidence: [CORRECTION_EVIDENCE(`add-concern:${k}`)] });
  concerns.sort((x, y) => CONCERN_IDS.indexOf(x.concern) - CONCERN_IDS.indexOf(y.concern));
  return concerns;
}

/**
 * Routes an analysis by the contract (ROUTING §4–§6): complexity, the five layer decisions and the
 * personas in delegation order, each with its reason and confidence. Corrections are applied to the
 * findings first, so a corrected analysis re-routes by the same rules.
 */
export function routeAnalysis(analysis: Analysis, corrections?: Corrections): RoutingDecision {
  const c = corrections;
  // Without corrections the findings are used as they are (plain loops: this runs per plan).
  // Uncorrected findings already in contract order are read as they are (no copy per plan: only
  // `area`/`concern` and `evidence` are read below, and nothing here mutates them).
  const areas = !c?.removeAreas?.length && !c?.addAreas?.length && inAreaOrder(analysis.areas) ? analysis.areas : correctedAreas(analysis, c);
  const concerns = !c?.removeConcerns?.length && !c?.addConcerns?.length && inConcernOrder(analysis.concerns) ? analysis.concerns : correctedConcerns(analysis, c);

  // A strategy task whose areas were all removed becomes strategy-only; one given areas keeps them.
  let strategyKind = analysis.strategy.kind;
  if (strategyKind === 'strategy' && areas.length === 0) strategyKind = 'strategy-only';
  if (strategyKind === 'strategy-only' && (c?.addAreas?.length ?? 0) > 0) strategyKind = 'strategy';
  // A copy only when the corrections changed the strategy kind.
  const effective: Analysis = strategyKind === analysis.strategy.kind ? analysis : { ...analysis, strategy: { ...analysis.strategy, kind: strategyKind } };

  // A literal and push rather than `map` (one elements kind for the functions that read it; see
  // ServerAssigner.compute).
  const areaIds: AreaId[] = [];
  for (const a of areas) areaIds.push(a.area);
  const cx = classifyComplexity(effective, areaIds);
  const complexity = c?.complexity ?? cx.complexity;
  const complexityReasons = c?.complexity && c.complexity !== cx.complexity ? [`complexity forced to ${c.complexity} by the user (computed: ${cx.complexity})`, ...cx.reasons] : cx.reasons;
  const oneAreaScope = cx.areaCount <= 1 && (cx.complexity === 'low' || cx.complexity === 'medium');
  const cConf = c?.complexity ? 1 : complexityConfidence(cx.support, cx.conflict, oneAreaScope);
  const live = c?.liveOps ?? analysis.liveOps.live;
  // L4 targets (§6): the analyzer's targets, re-checked against the corrected areas.
  const security = areaIds.includes('security');
  let liveTargets = analysis.liveOps.targets;
  // Filtered only when there is something to drop (the list is read, never kept).
  if (!security && liveTargets.includes('security')) liveTargets = liveTargets.filter((t) => t !== 'security');
  if (security && !liveTargets.includes('security')) liveTargets = [...liveTargets, 'security'];

  const layers = decideCascade({ complexity, areas: areaIds, strategyKind, live });
  const personas = selectPersonas({ analysis: effective, areas, concerns, complexity, complexityConf: cConf, layers, live, liveTargets });
  const pc = stepsConfidence(personas, cConf);
  // Two plain literals rather than a conditional spread (a slow-path object with a map of its own).
  const decision: RoutingDecision = c
    ? { complexity, complexityReasons, layers, personas, confidence: pc.value, confidenceWhy: pc.why, corrections: c }
    : { complexity, complexityReasons, layers, personas, confidence: pc.value, confidenceWhy: pc.why };
  return decision;
}
