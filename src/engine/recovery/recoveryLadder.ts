import type { PersonaId } from '../catalog/personas';
import type { LayerId } from '../catalog/layers';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { StepFailure } from './failure';

/**
 * The recovery ladder (issue 4 §4), as small composable rungs. Given a failed step attempt and
 * its history, each rung either proposes an action or passes; the first proposal wins; when every
 * rung passes, the failure escalates. Rungs are pure, so the ladder is unit-testable without an
 * executor.
 */

/** What the executor should do about a failure. */
export type RecoveryAction =
  /** (1) Same persona again after a backoff delay. */
  | { readonly kind: 'retry'; readonly delayMs: number; readonly why: string }
  /** (2a) Re-delegate the step to another persona of the same layer. */
  | { readonly kind: 'redelegate'; readonly persona: PersonaId; readonly why: string }
  /** (2b) Back to the layer above: the upstream persona re-plans with the failure's context. */
  | { readonly kind: 'replan'; readonly upstreamStepId: string; readonly why: string }
  /** (3) To L0 system-overseer, then the user. */
  | { readonly kind: 'escalate'; readonly why: string };

/** What the ladder knows about the failing step. */
export interface FailureContext {
  readonly stepId: string;
  readonly layer: LayerId;
  readonly persona: PersonaId;
  readonly failure: StepFailure;
  /** Attempts made by the current persona so far (including the failed one). */
  readonly attemptsByPersona: number;
  /** Personas that already tried the step. */
  readonly triedPersonas: readonly PersonaId[];
  /** Re-plans already done for the step. */
  readonly replans: number;
  /** Other personas of the same layer in the plan (candidates for re-delegation). */
  readonly sameLayerPersonas: readonly PersonaId[];
  /** Steps the failing step depends on. */
  readonly upstreamStepIds: readonly string[];
}

/** A rung: proposes an action or passes (undefined). */
export type RecoveryRung = (ctx: FailureContext) => RecoveryAction | undefined;

/** (1) Retry transient failures with backoff, up to `maxAttempts` attempts per persona. */
export function retryTransient(opts: { maxAttempts?: number; backoff?: BackoffPolicy; random?: () => number } = {}): RecoveryRung {
  const max = opts.maxAttempts ?? 3;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  return (ctx) => {
    if (ctx.failure.kind !== 'transient' || ctx.attemptsByPersona >= max) return undefined;
    return { kind: 'retry', delayMs: backoffDelay(backoff, ctx.attemptsByPersona, opts.random), why: `transient failure, retry ${ctx.attemptsByPersona} of ${max - 1}` };
  };
}

/** Failures a different persona or a re-plan cannot fix: go straight to escalation. */
function escalatesDirectly(f: StepFailure): boolean {
  return f.kind === 'loop' || f.kind === 'stall';
}

/**
 * (2a) Re-delegate to another persona of the same layer that has not tried yet. `fallbacks`
 * adds candidates outside the plan (default: backend-developer, the L3 generalist).
 */
export function redelegateSameLayer(opts: { fallbacks?: Partial<Record<LayerId, readonly PersonaId[]>> } = {}): RecoveryRung {
  const fallbacks = opts.fallbacks ?? { L3: ['backend-developer'] };
  return (ctx) => {
    if (escalatesDirectly(ctx.failure)) return undefined;
    const candidates = [...ctx.sameLayerPersonas, ...(fallbacks[ctx.layer] ?? [])];
    const next = candidates.find((p) => !ctx.triedPersonas.includes(p));
    return next ? { kind: 'redelegate', persona: next, why: `${ctx.persona} could not finish (${ctx.failure.message}); re-delegating to ${next}` } : undefined;
  };
}

/** (2b) Send the problem back to the layer above, at most `maxReplans` times per step. */
export function replanUpstream(opts: { maxReplans?: number } = {}): RecoveryRung {
  const max = opts.maxReplans ?? 1;
  return (ctx) => {
    if (escalatesDirectly(ctx.failure) || ctx.replans >= max) return undefined;
    const up = ctx.upstreamStepIds[0];
    return up ? { kind: 'replan', upstreamStepId: up, why: `every ${ctx.layer} persona failed; asking ${up} to re-plan` } : undefined;
  };
}

/** A ladder: the rungs in order; escalation when all pass. */
export class RecoveryLadder {
  constructor(private readonly rungs: readonly RecoveryRung[]) {}

  /** The standard ladder: retry → re-delegate → re-plan → escalate. */
  static standard(opts: { maxAttempts?: number; backoff?: BackoffPolicy; maxReplans?: number; redelegate?: boolean; random?: () => number } = {}): RecoveryLadder {
    const rungs: RecoveryRung[] = [retryTransient(opts)];
    if (opts.redelegate !== false) rungs.push(redelegateSameLayer());
    rungs.push(replanUpstream(opts));
    return new RecoveryLadder(rungs);
  }

  /** Decides what to do about a failure. */
  decide(ctx: FailureContext): RecoveryAction {
    for (const rung of this.rungs) {
      const action = rung(ctx);
      if (action) return action;
    }
    return { kind: 'escalate', why: `recovery exhausted for ${ctx.stepId} (${ctx.failure.kind}: ${ctx.failure.message})` };
  }
}
