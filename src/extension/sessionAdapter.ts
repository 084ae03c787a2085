import type { SessionSnapshot, StepRecord, UserAnswer, UserWait } from '../engine/session/sessionModel';
import type { SessionStatus, SessionView, StepStatus, StepView, WaitingView } from './sessionView';

/**
 * Maps the engine's session snapshots (src/engine/session/sessionModel.ts) to the UI's
 * {@link SessionView}, and the webview's decisions back to the engine's {@link UserAnswer}s.
 * Pure and vscode-free (unit-tested).
 */

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** UI status of a session. A `planned` session that never started is a draft. */
export function sessionStatusOf(s: SessionSnapshot): SessionStatus {
  switch (s.status.kind) {
    case 'planned':
      return s.startedAt === undefined ? 'draft' : 'planned';
    case 'running':
      return 'running';
    case 'waiting-for-user':
      return 'waiting';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'escalated':
      return 'escalated';
    default: {
      const never: never = s.status;
      return never;
    }
  }
}

function stepStatusOf(step: StepRecord, draft: boolean): StepStatus {
  switch (step.status) {
    case 'pending':
      return draft ? 'planned' : 'pending';
    case 'running':
      return 'running';
    case 'waiting':
      return 'waiting';
    case 'succeeded':
      return 'completed';
    case 'failed':
      return 'failed';
    case 'skipped':
      return 'skipped';
    case 'cancelled':
      return 'cancelled';
    default: {
      const never: never = step.status;
      return never;
    }
  }
}

/** Options the UI offers for a decision wait, in the order shown (first = primary). */
export const DECISION_OPTIONS = {
  'uncertain-call': ['retry', 'assume-done', 'abort'],
  escalation: ['retry', 'skip', 'abort'],
} as const;

/** What a wait looks like in the UI. */
export function waitingViewOf(wait: UserWait, step: StepRecord | undefined): WaitingView {
  const r = wait.request;
  switch (r.kind) {
    case 'manual':
      return {
        kind: 'manual',
        requestId: wait.id,
        objective: step?.handoff.objective ?? 'Do this step by hand.',
        tools: r.tools.map((t) => ({
          server: t.server,
          name: t.name,
          inputSchema: t.inputSchema,
          ...(t.description !== undefined ? { description: t.description } : {}),
          ...(t.annotations?.readOnlyHint !== undefined ? { readOnly: t.annotations.readOnlyHint } : {}),
        })),
        ...(r.lastError ? { lastResult: `Error: ${r.lastError}` } : r.lastResult ? { lastResult: r.lastResult } : {}),
      };
    case 'approval':
      return { kind: 'approval', requestId: wait.id, server: r.server, tool: r.tool, args: r.args, readOnly: r.readOnly };
    case 'uncertain-call':
      return {
        kind: 'decision',
        requestId: wait.id,
        reason: `The call ${r.server}/${r.tool} may or may not have taken effect: ${r.why}. Retry it, treat it as done, or stop the session?`,
        options: DECISION_OPTIONS['uncertain-call'],
      };
    case 'escalation':
      return {
        kind: 'decision',
        requestId: wait.id,
        reason: `Escalated to you: ${r.failure}${r.overseerNote ? ` — overseer: ${r.overseerNote}` : ''}${r.history.length ? ` (tried: ${r.history.join('; ')})` : ''}`,
        options: DECISION_OPTIONS.escalation,
      };
    default: {
      const never: never = r;
      return never;
    }
  }
}

/** Converts an engine session snapshot to the UI view. */
export function toSessionView(s: SessionSnapshot): SessionView {
  const status = sessionStatusOf(s);
  const draft = status === 'draft';
  const waits = new Map<string, UserWait>();
  for (const w of s.waits) if (!waits.has(w.stepId)) waits.set(w.stepId, w);
  const calls = new Map<string, number>();
  for (const c of s.calls) calls.set(c.stepId, (calls.get(c.stepId) ?? 0) + 1);
  const steps: StepView[] = s.stepOrder
    .map((id) => s.steps[id])
    .filter((x): x is StepRecord => x !== undefined)
    .map((st) => {
      const w = waits.get(st.id);
      const startedAt = iso(st.startedAt);
      const endedAt = iso(st.endedAt);
      return {
        id: st.id,
        persona: st.persona,
        layer: st.layer,
        status: w && st.status !== 'succeeded' ? 'waiting' : stepStatusOf(st, draft),
        attempts: st.attempt,
        toolCalls: calls.get(st.id) ?? 0,
        ...(startedAt ? { startedAt } : {}),
        ...(endedAt ? { endedAt } : {}),
        ...(st.error ? { error: st.error } : {}),
        ...(st.output?.summary ? { summary: st.output.summary } : {}),
        ...(w ? { waiting: waitingViewOf(w, st) } : {}),
      };
    });
  const error =
    s.status.kind === 'failed'
      ? failureText(s.status.reason)
      : s.status.kind === 'escalated'
        ? `escalated at ${s.status.stepId}: ${s.status.message}`
        : s.status.kind === 'cancelled' && s.status.note
          ? s.status.note
          : undefined;
  return {
    id: s.id,
    task: s.plan.task,
    status,
    createdAt: new Date(s.createdAt).toISOString(),
    updatedAt: new Date(s.updatedAt).toISOString(),
    plan: s.plan,
    steps,
    ...(error ? { error } : {}),
    ...(s.plan.corrections ? { corrections: s.plan.corrections } : {}),
    usage: { toolCalls: s.toolCallCount, tokens: s.usage.inputTokens + s.usage.outputTokens },
  };
}

function failureText(r: Extract<SessionSnapshot['status'], { kind: 'failed' }>['reason']): string {
  switch (r.kind) {
    case 'step-failed':
      return `step ${r.stepId} failed: ${r.message}`;
    case 'budget':
      return `${r.budget} budget reached (${r.used}/${r.limit})`;
    case 'aborted-by-user':
      return `stopped by you${r.note ? `: ${r.note}` : ''}`;
    case 'internal':
      return `internal error: ${r.message}`;
    default: {
      const never: never = r;
      return String(never);
    }
  }
}

/**
 * Turns a decision the user picked in the UI into the engine's answer. Returns an error when the
 * choice is not one the wait offers (the webview is untrusted).
 */
export function decisionAnswer(wait: UserWait, choice: string, note?: string): { ok: true; answer: UserAnswer } | { ok: false; error: string } {
  const kind = wait.request.kind;
  if (kind !== 'uncertain-call' && kind !== 'escalation') return { ok: false, error: `wait ${wait.id} is a ${kind} request, not a decision` };
  const options: readonly string[] = DECISION_OPTIONS[kind];
  if (!options.includes(choice)) return { ok: false, error: `"${choice}" is not an option for wait ${wait.id} (options: ${options.join(', ')})` };
  switch (choice) {
    case 'retry':
      return { ok: true, answer: { kind: 'retry' } };
    case 'assume-done':
      return { ok: true, answer: note ? { kind: 'assume-done', note } : { kind: 'assume-done' } };
    case 'skip':
      return { ok: true, answer: note ? { kind: 'skip', note } : { kind: 'skip' } };
    default:
      return { ok: true, answer: note ? { kind: 'abort', note } : { kind: 'abort' } };
  }
}
