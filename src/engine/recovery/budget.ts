import type { FailureReason } from '../session/sessionState';
import { totalTokens, type SessionSnapshot } from '../session/sessionModel';

/** The budget a session exceeds now, or undefined. `extraCalls` counts a call about to start. */
export function budgetExceeded(m: SessionSnapshot, now: number, extraCalls = 0): Extract<FailureReason, { kind: 'budget' }> | undefined {
  const b = m.budget;
  const calls = m.toolCallCount + extraCalls;
  if (b.maxToolCalls !== undefined && calls > b.maxToolCalls) return { kind: 'budget', budget: 'toolCalls', limit: b.maxToolCalls, used: calls };
  const tokens = totalTokens(m);
  if (b.maxTokens !== undefined && tokens > b.maxTokens) return { kind: 'budget', budget: 'tokens', limit: b.maxTokens, used: tokens };
  if (b.maxWallMs !== undefined && m.startedAt !== undefined && now - m.startedAt > b.maxWallMs) {
    return { kind: 'budget', budget: 'wallTime', limit: b.maxWallMs, used: now - m.startedAt };
  }
  return undefined;
}

/** Thrown inside a step when the session's budget is spent; the executor stops the session. */
export class BudgetExceededError extends Error {
  constructor(readonly reason: Extract<FailureReason, { kind: 'budget' }>) {
    super(`budget ${reason.budget} exhausted (${reason.used} of ${reason.limit})`);
    this.name = 'BudgetExceededError';
  }
}
