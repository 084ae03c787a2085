import { ToolGatewayError } from '../tools/toolGateway';

/** What went wrong in a step attempt, as the recovery ladder sees it. */
export type StepFailure =
  /** A retry may succeed (server restarting, timeout, open circuit). */
  | { readonly kind: 'transient'; readonly message: string; readonly server?: string }
  /** Retrying the same thing will not help. */
  | { readonly kind: 'permanent'; readonly message: string; readonly server?: string }
  /** The same call with the same arguments repeated. */
  | { readonly kind: 'loop'; readonly message: string }
  /** No progress for too long. */
  | { readonly kind: 'stall'; readonly message: string };

/** Thrown by the step's tool invoker when a call repeats too often. */
export class LoopDetectedError extends Error {
  constructor(readonly server: string, readonly tool: string, readonly count: number) {
    super(`loop detected: ${server}/${tool} called ${count} times with the same arguments`);
    this.name = 'LoopDetectedError';
  }
}

/** Abort reason when the stall watchdog fires. */
export class StallDetectedError extends Error {
  constructor(readonly stepId: string, readonly idleMs: number) {
    super(`stall detected: step ${stepId} made no progress for ${Math.round(idleMs)} ms`);
    this.name = 'StallDetectedError';
  }
}

/** Classifies an error thrown by an agent or the gateway. */
export function classifyError(e: unknown): StepFailure {
  if (e instanceof LoopDetectedError) return { kind: 'loop', message: e.message };
  if (e instanceof StallDetectedError) return { kind: 'stall', message: e.message };
  if (e instanceof ToolGatewayError) return { kind: e.transient ? 'transient' : 'permanent', message: `${e.kind} on ${e.server}: ${e.message}`, server: e.server };
  return { kind: 'permanent', message: e instanceof Error ? e.message : String(e) };
}

/** One-line description for history lists. */
export function describeFailure(f: StepFailure): string {
  return `${f.kind}: ${f.message}`;
}
