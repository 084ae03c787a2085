import type { PlanStep } from '../plan/planSchema';
import type { StepFailure } from '../recovery/failure';
import type { StepResult } from '../agents/agent';
import type { SessionSnapshot, StepRecord, UserAnswer } from '../session/sessionModel';

/*
 * Consultations are steps added to a session at run time for a failing step: the upstream
 * persona re-plans (ladder rung 2), or the L0 overseer decides on an escalation (rung 3). They
 * run inline for their owner step; these pure functions build them and read their answers.
 */

/**
 * The re-plan consultation for `forStep`: the upstream step `up` runs again (as `base`, its plan
 * step) with the failure and history, id `<upstream>~replan-<forStep>-<n>`.
 */
export function replanStep(m: SessionSnapshot, up: StepRecord, base: PlanStep, forStep: string, failure: StepFailure, history: readonly string[]): PlanStep {
  const n = m.stepOrder.filter((id) => m.steps[id]?.origin?.forStep === forStep).length + 1;
  return {
    ...base,
    id: `${up.id}~replan-${forStep}-${n}`,
    dependsOn: [],
    handoff: {
      ...base.handoff,
      objective: `Re-plan for ${forStep}: it failed with "${failure.message}". Adjust the hand-off for the layer below.`,
      constraints: [...base.handoff.constraints, ...history.map((h) => `history: ${h}`)],
      artifacts: up.output ? [{ fromStep: up.id, kind: 'previous-result', summary: up.output.summary }] : [],
    },
  };
}

/** The overseer's consultation on step `stepId`'s escalation, id `<overseer>~escalation-<stepId>-<n>`. */
export function overseerStep(m: SessionSnapshot, overseer: PlanStep, stepId: string, failure: StepFailure, history: readonly string[]): PlanStep {
  const n = m.stepOrder.filter((id) => id.startsWith(`${overseer.id}~escalation-${stepId}-`)).length + 1;
  return {
    ...overseer,
    id: `${overseer.id}~escalation-${stepId}-${n}`,
    dependsOn: [],
    handoff: {
      objective: `Step ${stepId} failed and recovery is exhausted: ${failure.message}. Decide: retry, skip or abort (return data.decision), or explain for the user.`,
      requirements: [],
      constraints: [...history],
      acceptanceCriteria: [],
      artifacts: [],
    },
  };
}

/**
 * The overseer's decision: `data.decision` = `retry` / `skip` / `abort` decides for the user;
 * anything else is a note shown to the user in the escalation wait.
 */
export function overseerDecision(result: Extract<StepResult, { kind: 'done' }>): { kind: 'decided'; answer: UserAnswer } | { kind: 'note'; note: string } {
  const d = (result.data as { decision?: unknown } | undefined)?.decision;
  if (d === 'retry') return { kind: 'decided', answer: { kind: 'retry' } };
  if (d === 'skip' || d === 'abort') return { kind: 'decided', answer: { kind: d, note: `decided by system-overseer: ${result.summary}` } };
  return { kind: 'note', note: result.summary };
}
