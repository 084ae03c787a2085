import { callsOfAttempt, type SessionEvent, type SessionSnapshot, type StepRecord, type ToolCallRecord, type UserWait } from '../session/sessionModel';
import { isTerminal } from '../session/sessionState';

/** What recovering a session loaded from its journal writes, and which waits the runner must serve again. */
export interface RecoveryPlan {
  /** Events to commit (the first is always `recovered`). */
  readonly events: SessionEvent[];
  /**
   * The waits whose answer the runner must act on: escalations and uncertain calls that stay
   * open, then those these events open. Empty for a session with nothing to resume.
   */
  readonly waitsToServe: UserWait[];
}

/**
 * Brings a session loaded from its journal back to a runnable state (a pure function of the
 * snapshot). Completed steps stay completed. A step that was in flight is reset to resume (its
 * finished calls replay from the journal) when every unfinished call was read-only or
 * idempotent; otherwise it waits for the user's decision on that call. Escalations stay open;
 * manual/approval waits are closed so the resumed step asks again.
 */
export function planRecovery(m: SessionSnapshot): RecoveryPlan {
  const events: SessionEvent[] = [{ type: 'recovered', at: Date.now() }];
  if (isTerminal(m.status) || m.status.kind === 'planned') return { events, waitsToServe: [] };
  const keptWaits = m.waits.filter((w) => w.request.kind === 'escalation' || w.request.kind === 'uncertain-call');
  for (const w of m.waits) {
    if (w.request.kind === 'manual' || w.request.kind === 'approval') events.push({ type: 'wait-closed', at: Date.now(), waitId: w.id, answer: { kind: 'retry' } });
  }
  const uncertain: { step: StepRecord; call: ToolCallRecord }[] = [];
  for (const id of m.stepOrder) {
    const s = m.steps[id]!;
    if (s.status !== 'running' && s.status !== 'waiting') continue;
    if (keptWaits.some((w) => w.stepId === id)) continue;
    if (s.origin) {
      // Consultations (re-plan, escalation) run inline for their owner step, which is re-run.
      events.push({ type: 'step-cancelled', at: Date.now(), stepId: id });
      continue;
    }
    const inflight = callsOfAttempt(m, id, s.attempt).filter((c) => c.status === 'started');
    const unsafe = inflight.filter((c) => !c.idempotent);
    for (const c of inflight.filter((c) => c.idempotent)) {
      events.push({ type: 'call-finished', at: Date.now(), callId: c.callId, status: 'failed', error: 'interrupted by a coordinator crash; re-run on resume (idempotent)' });
    }
    if (unsafe.length > 0) {
      for (const c of unsafe.slice(1)) {
        events.push({ type: 'call-finished', at: Date.now(), callId: c.callId, status: 'failed', error: 'interrupted by a coordinator crash' });
      }
      uncertain.push({ step: s, call: unsafe[0]! });
      if (s.status !== 'waiting') events.push({ type: 'step-waiting', at: Date.now(), stepId: id, waiting: true });
    } else {
      events.push({ type: 'step-reset', at: Date.now(), stepId: id, reason: 'resumed after a coordinator crash', interrupted: true });
    }
  }
  const opened: UserWait[] = uncertain.map(({ step, call }): UserWait => ({
    id: `${step.id}.${step.attempt}.uncertain.${call.callId}`,
    stepId: step.id,
    openedAt: Date.now(),
    request: { kind: 'uncertain-call', callId: call.callId, server: call.server, tool: call.tool, args: call.args, why: 'the coordinator stopped while this non-idempotent call was in flight: it may or may not have taken effect' },
  }));
  for (const wait of opened) events.push({ type: 'wait-opened', at: Date.now(), wait });
  return { events, waitsToServe: [...keptWaits, ...opened] };
}
