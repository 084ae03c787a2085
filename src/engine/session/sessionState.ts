/**
 * The session state machine: a discriminated union of states and an explicit transition table.
 * Every status change goes through {@link assertTransition}; an illegal one throws
 * {@link IllegalTransitionError} instead of silently corrupting a session.
 */

/** Why a session failed. */
export type FailureReason =
  | { readonly kind: 'step-failed'; readonly stepId: string; readonly message: string }
  | { readonly kind: 'budget'; readonly budget: 'toolCalls' | 'tokens' | 'wallTime'; readonly limit: number; readonly used: number }
  | { readonly kind: 'aborted-by-user'; readonly stepId?: string; readonly note?: string }
  | { readonly kind: 'internal'; readonly message: string };

/** The state of a session. */
export type SessionStatus =
  | { readonly kind: 'planned' }
  | { readonly kind: 'running' }
  /** At least one step waits for the user (manual input, approval, an uncertain call). */
  | { readonly kind: 'waiting-for-user' }
  | { readonly kind: 'completed' }
  | { readonly kind: 'failed'; readonly reason: FailureReason }
  | { readonly kind: 'cancelled'; readonly note?: string }
  /** A failure climbed the recovery ladder to the top: the user must decide (see the open escalation wait). */
  | { readonly kind: 'escalated'; readonly stepId: string; readonly message: string };

export type SessionStatusKind = SessionStatus['kind'];

/**
 * Allowed transitions. `failed` and `escalated` may go back to `running` (retry a step, answer an
 * escalation); `completed` may go back to `running` only through an explicit step retry.
 * `cancelled` is final.
 */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatusKind, readonly SessionStatusKind[]>> = {
  planned: ['running', 'cancelled'],
  running: ['waiting-for-user', 'escalated', 'completed', 'failed', 'cancelled'],
  'waiting-for-user': ['running', 'escalated', 'failed', 'cancelled'],
  escalated: ['running', 'waiting-for-user', 'failed', 'cancelled'],
  completed: ['running'],
  failed: ['running', 'cancelled'],
  cancelled: [],
};

/** Thrown when code asks for a transition the table does not allow. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly sessionId: string,
    readonly from: SessionStatusKind,
    readonly to: SessionStatusKind,
  ) {
    super(`session ${sessionId}: illegal transition ${from} → ${to} (allowed from ${from}: ${SESSION_TRANSITIONS[from].join(', ') || 'none'})`);
    this.name = 'IllegalTransitionError';
  }
}

/** True if `from → to` is in the table. */
export function canTransition(from: SessionStatusKind, to: SessionStatusKind): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}

/** Throws {@link IllegalTransitionError} unless `from → to` is allowed. */
export function assertTransition(sessionId: string, from: SessionStatusKind, to: SessionStatusKind): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(sessionId, from, to);
}

/** Final states: nothing runs, nothing waits. (`failed` can still be retried explicitly.) */
export function isTerminal(status: SessionStatus): boolean {
  switch (status.kind) {
    case 'completed':
    case 'failed':
    case 'cancelled':
      return true;
    case 'planned':
    case 'running':
    case 'waiting-for-user':
    case 'escalated':
      return false;
    default: {
      const _x: never = status;
      return _x;
    }
  }
}

/** One-line human description of a status. */
export function describeStatus(status: SessionStatus): string {
  switch (status.kind) {
    case 'planned':
    case 'running':
    case 'waiting-for-user':
    case 'completed':
      return status.kind;
    case 'cancelled':
      return status.note ? `cancelled: ${status.note}` : 'cancelled';
    case 'escalated':
      return `escalated at ${status.stepId}: ${status.message}`;
    case 'failed':
      return `failed: ${describeFailure(status.reason)}`;
    default: {
      const _x: never = status;
      return _x;
    }
  }
}

function describeFailure(reason: FailureReason): string {
  switch (reason.kind) {
    case 'step-failed':
      return `step ${reason.stepId}: ${reason.message}`;
    case 'budget':
      return `budget ${reason.budget} exhausted (${reason.used} of ${reason.limit})`;
    case 'aborted-by-user':
      return `aborted by the user${reason.stepId ? ` at ${reason.stepId}` : ''}${reason.note ? `: ${reason.note}` : ''}`;
    case 'internal':
      return `internal error: ${reason.message}`;
    default: {
      const _x: never = reason;
      return _x;
    }
  }
}
