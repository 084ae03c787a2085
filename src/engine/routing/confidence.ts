import type { Evidence } from '../analysis/analysisTypes';
import { saturation } from '../analysis/saturation';

/**
 * Confidence formulas (documented in docs/routing.md).
 *
 * Evidence strength: s = Σ weights of the evidence behind a decision; strength(s) = 1 − e^(−1.6·s),
 * so one strong mention gives 0.80, two give 0.96, a lone weak (0.5) mention 0.55.
 *
 * Rule-derived steps (a default persona, or a layer included by complexity alone) inherit the
 * complexity confidence scaled by 0.85: they are only as sure as the class that implied them.
 *
 * Complexity confidence c: see complexityConfidence (area-count/signal rules start at 0.7, the
 * one-area scope judgement at 0.45; margins of evidence raise it, conflicting cues lower it).
 *
 * Plan confidence: the product of the step confidences (every decision must be right).
 */
export function evidenceStrength(evidence: readonly Evidence[]): number {
  let s = 0;
  for (const e of evidence) s += e.weight;
  return round(saturation(s));
}

/**
 * Complexity confidence from the evidence behind the deciding §4 rule. A class decided by the area
 * count or by an explicit signal (migration, certification…) starts from 0.7; the one-area
 * "substantial vs contained" judgement — where most misclassifications happen — starts from 0.45 and
 * rises with the margin between the two kinds of cues.
 */
export function complexityConfidence(support: number, conflict: number, oneAreaScope = false): number {
  const c = oneAreaScope
    ? 0.45 + 0.4 * (1 - Math.exp(-0.8 * Math.max(0, support - conflict)))
    : 0.7 + 0.28 * (1 - Math.exp(-0.8 * support)) - 0.1 * conflict;
  return round(Math.min(0.98, Math.max(0.3, c)));
}

/** Confidence of a step implied by a structural rule rather than by its own evidence. */
export function ruleConfidence(complexityConf: number): number {
  return round(0.85 * complexityConf);
}

/**
 * Plan-level confidence: the plan is right only if every step is right, so (treating steps as
 * independent) it is the product of the step confidences. The complexity class enters through the
 * steps it implies (rule-derived steps carry 0.85·c). Checked on the dev half rules were written on:
 * the product ranks fully-right plans above wrong ones (AUC 0.56) where a geometric mean did not
 * (0.45), and multiplying by c lowered it (0.49) — see docs/routing.md.
 */
export function planConfidence(steps: readonly number[], complexityConf: number): { value: number; why: string } {
  let prod = 1;
  for (const s of steps) prod *= Math.max(1e-6, s);
  return productConfidence(prod, steps.length, complexityConf);
}

/** {@link planConfidence} of steps given as decisions (routing's path: no array of numbers per plan). */
export function stepsConfidence(steps: readonly { readonly confidence: number }[], complexityConf: number): { value: number; why: string } {
  let prod = 1;
  for (const s of steps) prod *= Math.max(1e-6, s.confidence);
  return productConfidence(prod, steps.length, complexityConf);
}

function productConfidence(prod: number, nSteps: number, complexityConf: number): { value: number; why: string } {
  const value = round(prod);
  return {
    value,
    why: `product of ${nSteps} step confidences = ${value} (complexity confidence ${complexityConf}, carried by the rule-derived steps)`,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
