import type { Evidence } from '../analysis/analysisTypes';

/**
 * Confidence formulas (documented in docs/routing.md).
 *
 * Evidence strength: s = Σ weights of the evidence behind a decision; strength(s) = 1 − e^(−1.6·s),
 * so one strong mention gives 0.80, two give 0.96, a lone weak (0.5) mention 0.55.
 *
 * Rule-derived steps (a default persona, or a layer included by complexity alone) inherit the
 * complexity confidence scaled by 0.85: they are only as sure as the class that implied them.
 *
 * Complexity confidence: c = 0.5 + 0.5·(1 − e^(−0.8·support)) − 0.12·conflict, clamped to
 * [0.3, 0.98]: more independent evidence for the deciding rule raises it, cues that point to
 * another class lower it.
 *
 * Plan confidence: the geometric mean of the step confidences times √c.
 */
export function evidenceStrength(evidence: readonly Evidence[]): number {
  let s = 0;
  for (const e of evidence) s += e.weight;
  return round(1 - Math.exp(-1.6 * s));
}

/** Complexity confidence from the counts of supporting and conflicting evidence. */
export function complexityConfidence(support: number, conflict: number): number {
  const c = 0.5 + 0.5 * (1 - Math.exp(-0.8 * support)) - 0.12 * conflict;
  return round(Math.min(0.98, Math.max(0.3, c)));
}

/** Confidence of a step implied by a structural rule rather than by its own evidence. */
export function ruleConfidence(complexityConf: number): number {
  return round(0.85 * complexityConf);
}

/** Plan-level confidence and its explanation. */
export function planConfidence(steps: readonly number[], complexityConf: number): { value: number; why: string } {
  let logSum = 0;
  for (const s of steps) logSum += Math.log(Math.max(1e-6, s));
  const gm = steps.length > 0 ? Math.exp(logSum / steps.length) : 1;
  const value = round(gm * Math.sqrt(complexityConf));
  return {
    value,
    why: `geometric mean of ${steps.length} step confidences (${round(gm)}) × √(complexity confidence ${complexityConf}) = ${value}`,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
