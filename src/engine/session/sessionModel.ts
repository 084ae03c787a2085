import type { PersonaId } from '../catalog/personas';
import type { LayerId } from '../catalog/layers';
import type { Handoff, Plan, PlanStep } from '../plan/planSchema';
import type { ToolDescriptor } from '../tools/toolGateway';
import { assertTransition, type SessionStatus } from './sessionState';

/**
 * The session model and its events. The model is only ever changed by applying a
 * {@link SessionEvent} with {@link applyEvent}; the same function rebuilds a session from its
 * journal, so the live model and the recovered one cannot drift apart.
 */

/** Per-session limits; a session that reaches one stops cleanly as `failed` with its state kept. */
export interface SessionBudget {
  readonly maxToolCalls?: number;
  readonly maxTokens?: number;
  /** Wall time from the first start, in ms (time the coordinator was down counts too). */
  readonly maxWallMs?: number;
}

export type StepStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

/** Token and cost figures as a model reports them. */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd?: number;
}

/** A stored tool call. Large results are truncated in storage; `resultSize` keeps the original size. */
export interface ToolCallRecord {
  readonly callId: string;
  readonly stepId: string;
  readonly attempt: number;
  /** Position of the call within its step attempt (replay after a crash matches on it). */
  readonly seq: number;
  readonly server: string;
  readonly tool: string;
  readonly args: Record<string, unknown>;
  readonly readOnly: boolean;
  readonly idempotent: boolean;
  readonly startedAt: number;
  readonly endedAt?: number;
  /** `started` = written ahead, no outcome yet (in flight, or lost in a crash). */
  readonly status: 'started' | 'ok' | 'tool-error' | 'failed' | 'assumed-done';
  /** JSON of the result's content, possibly truncated. */
  readonly result?: string;
  /** Size in characters of the full JSON result. */
  readonly resultSize?: number;
  readonly truncated?: boolean;
  readonly error?: string;
}

/** One run of a step by a persona. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly persona: PersonaId;
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly outcome?: 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
  readonly error?: string;
}

/** The output of a finished step, flowed downstream as a hand-off artifact. */
export interface StepOutput {
  readonly summary: string;
  readonly data?: unknown;
}

export interface StepRecord {
  readonly id: string;
  /** The persona the plan gave the step. */
  readonly plannedPersona: PersonaId;
  /** The persona currently responsible (differs after a re-delegation). */
  readonly persona: PersonaId;
  readonly layer: LayerId;
  readonly dependsOn: readonly string[];
  /** Servers the step may use (its persona's scoped servers). */
  readonly servers: readonly string[];
  readonly status: StepStatus;
  /** Current attempt number (1-based; 0 = never started). */
  readonly attempt: number;
  readonly attempts: readonly AttemptRecord[];
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** The hand-off as given to the agent (artifacts filled in from upstream outputs). */
  readonly handoff: Handoff;
  readonly output?: StepOutput;
  readonly error?: string;
  readonly usage: Usage;
  /** Set for steps added at run time (re-plan by the layer above). */
  readonly origin?: { readonly kind: 'replan'; readonly forStep: string };
}

/** Something a step waits for from the user. */
export type UserWaitRequest =
  | {
      /** Manual agent: pick a tool and fill its arguments, or mark the step done. */
      readonly kind: 'manual';
      readonly tools: readonly ToolDescriptor[];
      readonly lastResult?: string;
      readonly lastError?: string;
    }
  | { readonly kind: 'approval'; readonly server: string; readonly tool: string; readonly args: Record<string, unknown>; readonly readOnly: boolean }
  | {
      /** A non-idempotent call whose outcome is unknown (crash or lost connection mid-call). */
      readonly kind: 'uncertain-call';
      readonly callId: string;
      readonly server: string;
      readonly tool: string;
      readonly args: Record<string, unknown>;
      readonly why: string;
    }
  | {
      /** The recovery ladder reached the user. */
      readonly kind: 'escalation';
      readonly failure: string;
      readonly history: readonly string[];
      readonly overseerNote?: string;
    };

export interface UserWait {
  readonly id: string;
  readonly stepId: string;
  readonly openedAt: number;
  readonly request: UserWaitRequest;
}

/** The user's answer to a wait. Which kinds fit which request is checked by the session manager. */
export type UserAnswer =
  | { readonly kind: 'manual-call'; readonly server: string; readonly tool: string; readonly args: Record<string, unknown> }
  | { readonly kind: 'manual-done'; readonly note: string }
  | { readonly kind: 'approve' }
  | { readonly kind: 'deny'; readonly reason?: string }
  /** uncertain-call: run the call again; escalation: run the step again. */
  | { readonly kind: 'retry' }
  /** uncertain-call: the effect happened, treat the call as done. */
  | { readonly kind: 'assume-done'; readonly note?: string }
  /** escalation: mark the step skipped and continue downstream. */
  | { readonly kind: 'skip'; readonly note?: string }
  /** uncertain-call / escalation: fail the session. */
  | { readonly kind: 'abort'; readonly note?: string };

/** The whole state of one session (what a snapshot stores). */
export interface SessionSnapshot {
  readonly id: string;
  readonly title: string;
  readonly plan: Plan;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly startedAt?: number;
  readonly endedAt?: number;
  readonly status: SessionStatus;
  readonly budget: SessionBudget;
  readonly steps: Readonly<Record<string, StepRecord>>;
  /** Step ids in plan order (run-time steps appended). */
  readonly stepOrder: readonly string[];
  readonly calls: readonly ToolCallRecord[];
  readonly waits: readonly UserWait[];
  readonly usage: Usage;
  readonly toolCallCount: number;
  /** Number of times the session was recovered from its journal. */
  readonly recoveries: number;
}

/** Everything that can happen to a session; the journal stores these. */
export type SessionEvent =
  | { readonly type: 'created'; readonly at: number; readonly id: string; readonly title: string; readonly plan: Plan; readonly budget: SessionBudget }
  | { readonly type: 'status'; readonly at: number; readonly status: SessionStatus }
  | { readonly type: 'step-added'; readonly at: number; readonly step: PlanStep; readonly origin: { kind: 'replan'; forStep: string } }
  | { readonly type: 'step-started'; readonly at: number; readonly stepId: string; readonly attempt: number; readonly persona: PersonaId; readonly handoff: Handoff; readonly servers: readonly string[] }
  /** A step was reset to pending (retry, resume after a crash); `attempt` is kept for a resume, bumped for a retry. */
  | { readonly type: 'step-reset'; readonly at: number; readonly stepId: string; readonly reason: string; readonly interrupted: boolean }
  | { readonly type: 'step-waiting'; readonly at: number; readonly stepId: string; readonly waiting: boolean }
  | { readonly type: 'step-succeeded'; readonly at: number; readonly stepId: string; readonly output: StepOutput }
  | { readonly type: 'step-failed'; readonly at: number; readonly stepId: string; readonly error: string }
  | { readonly type: 'step-skipped'; readonly at: number; readonly stepId: string; readonly note: string }
  | { readonly type: 'step-cancelled'; readonly at: number; readonly stepId: string }
  | { readonly type: 'call-started'; readonly at: number; readonly call: ToolCallRecord }
  | {
      readonly type: 'call-finished';
      readonly at: number;
      readonly callId: string;
      readonly status: 'ok' | 'tool-error' | 'failed' | 'assumed-done';
      readonly result?: string;
      readonly resultSize?: number;
      readonly truncated?: boolean;
      readonly error?: string;
    }
  | { readonly type: 'usage'; readonly at: number; readonly stepId: string; readonly usage: Usage }
  | { readonly type: 'wait-opened'; readonly at: number; readonly wait: UserWait }
  | { readonly type: 'wait-closed'; readonly at: number; readonly waitId: string; readonly answer: UserAnswer }
  | { readonly type: 'recovered'; readonly at: number }
  | { readonly type: 'budget-changed'; readonly at: number; readonly budget: SessionBudget }
  /** Compaction: the whole model at this point. */
  | { readonly type: 'snapshot'; readonly at: number; readonly snapshot: SessionSnapshot };

export type SessionEventType = SessionEvent['type'];
export const SESSION_EVENT_TYPES: readonly SessionEventType[] = [
  'created', 'status', 'step-added', 'step-started', 'step-reset', 'step-waiting', 'step-succeeded', 'step-failed',
  'step-skipped', 'step-cancelled', 'call-started', 'call-finished', 'usage', 'wait-opened', 'wait-closed', 'recovered', 'budget-changed', 'snapshot',
];

/** Thrown when an event does not fit the model (a bug, or a journal that lies). */
export class SessionModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionModelError';
  }
}

const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  const cost = a.costUsd === undefined && b.costUsd === undefined ? undefined : (a.costUsd ?? 0) + (b.costUsd ?? 0);
  return cost === undefined
    ? { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens }
    : { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens, costUsd: cost };
}

function stepFromPlan(step: PlanStep, origin?: StepRecord['origin']): StepRecord {
  return {
    id: step.id,
    plannedPersona: step.persona,
    persona: step.persona,
    layer: step.layer,
    dependsOn: [...step.dependsOn],
    servers: step.servers.map((s) => s.server),
    status: 'pending',
    attempt: 0,
    attempts: [],
    handoff: step.handoff,
    usage: ZERO_USAGE,
    ...(origin ? { origin } : {}),
  };
}

/** Applies one event; returns a new model (the input is not changed). */
export function applyEvent(model: SessionSnapshot | undefined, event: SessionEvent): SessionSnapshot {
  if (event.type === 'created') {
    if (model) throw new SessionModelError(`session ${model.id}: 'created' event on an existing session`);
    const steps: Record<string, StepRecord> = {};
    for (const s of event.plan.steps) steps[s.id] = stepFromPlan(s);
    return {
      id: event.id,
      title: event.title,
      plan: event.plan,
      createdAt: event.at,
      updatedAt: event.at,
      status: { kind: 'planned' },
      budget: event.budget,
      steps,
      stepOrder: event.plan.steps.map((s) => s.id),
      calls: [],
      waits: [],
      usage: ZERO_USAGE,
      toolCallCount: 0,
      recoveries: 0,
    };
  }
  if (event.type === 'snapshot') return event.snapshot;
  if (!model) throw new SessionModelError(`'${event.type}' event before the session was created`);
  const m: SessionSnapshot = { ...model, updatedAt: event.at };
  const step = (id: string): StepRecord => {
    const s = m.steps[id];
    if (!s) throw new SessionModelError(`session ${m.id}: '${event.type}' names unknown step ${id}`);
    return s;
  };
  const withStep = (id: string, patch: Partial<StepRecord>): SessionSnapshot => ({ ...m, steps: { ...m.steps, [id]: { ...step(id), ...patch } } });
  const endAttempt = (s: StepRecord, outcome: AttemptRecord['outcome'], at: number, error?: string): AttemptRecord[] =>
    s.attempts.map((a, i) => (i === s.attempts.length - 1 && a.endedAt === undefined ? { ...a, endedAt: at, outcome, ...(error ? { error } : {}) } : a));

  switch (event.type) {
    case 'status': {
      assertTransition(m.id, m.status.kind, event.status.kind);
      const started = event.status.kind === 'running' && m.startedAt === undefined ? { startedAt: event.at } : {};
      const ended =
        event.status.kind === 'completed' || event.status.kind === 'failed' || event.status.kind === 'cancelled'
          ? { endedAt: event.at }
          : event.status.kind === 'running'
            ? { endedAt: undefined }
            : {};
      return { ...m, ...started, ...ended, status: event.status };
    }
    case 'step-added': {
      if (m.steps[event.step.id]) throw new SessionModelError(`session ${m.id}: step ${event.step.id} already exists`);
      return { ...m, steps: { ...m.steps, [event.step.id]: stepFromPlan(event.step, event.origin) }, stepOrder: [...m.stepOrder, event.step.id] };
    }
    case 'step-started': {
      const s = step(event.stepId);
      const resumed = s.attempts.length > 0 && s.attempts[s.attempts.length - 1]!.attempt === event.attempt;
      const attempts = resumed
        ? s.attempts
        : [...s.attempts, { attempt: event.attempt, persona: event.persona, startedAt: event.at }];
      return withStep(event.stepId, {
        status: 'running',
        attempt: event.attempt,
        attempts,
        persona: event.persona,
        handoff: event.handoff,
        servers: [...event.servers],
        startedAt: s.startedAt ?? event.at,
        endedAt: undefined,
        error: undefined,
      });
    }
    case 'step-reset': {
      const s = step(event.stepId);
      return withStep(event.stepId, {
        status: 'pending',
        attempts: event.interrupted ? s.attempts : endAttempt(s, 'failed', event.at, event.reason),
        endedAt: undefined,
        output: undefined,
      });
    }
    case 'step-waiting':
      return withStep(event.stepId, { status: event.waiting ? 'waiting' : 'running' });
    case 'step-succeeded': {
      const s = step(event.stepId);
      return withStep(event.stepId, { status: 'succeeded', output: event.output, endedAt: event.at, attempts: endAttempt(s, 'succeeded', event.at), error: undefined });
    }
    case 'step-failed': {
      const s = step(event.stepId);
      return withStep(event.stepId, { status: 'failed', error: event.error, endedAt: event.at, attempts: endAttempt(s, 'failed', event.at, event.error) });
    }
    case 'step-skipped': {
      const s = step(event.stepId);
      return withStep(event.stepId, { status: 'skipped', output: { summary: `skipped: ${event.note}` }, endedAt: event.at, attempts: endAttempt(s, 'failed', event.at, `skipped: ${event.note}`) });
    }
    case 'step-cancelled': {
      const s = step(event.stepId);
      return withStep(event.stepId, { status: 'cancelled', endedAt: event.at, attempts: endAttempt(s, 'cancelled', event.at) });
    }
    case 'call-started':
      step(event.call.stepId);
      return { ...m, calls: [...m.calls, event.call], toolCallCount: m.toolCallCount + 1 };
    case 'call-finished': {
      const idx = m.calls.findIndex((c) => c.callId === event.callId);
      if (idx < 0) throw new SessionModelError(`session ${m.id}: call-finished for unknown call ${event.callId}`);
      const c = m.calls[idx]!;
      const done: ToolCallRecord = {
        ...c,
        endedAt: event.at,
        status: event.status,
        ...(event.result !== undefined ? { result: event.result } : {}),
        ...(event.resultSize !== undefined ? { resultSize: event.resultSize } : {}),
        ...(event.truncated ? { truncated: true } : {}),
        ...(event.error !== undefined ? { error: event.error } : {}),
      };
      const calls = m.calls.slice();
      calls[idx] = done;
      return { ...m, calls };
    }
    case 'usage': {
      const s = step(event.stepId);
      return { ...withStep(event.stepId, { usage: addUsage(s.usage, event.usage) }), usage: addUsage(m.usage, event.usage) };
    }
    case 'wait-opened':
      step(event.wait.stepId);
      return { ...m, waits: [...m.waits.filter((w) => w.id !== event.wait.id), event.wait] };
    case 'wait-closed':
      return { ...m, waits: m.waits.filter((w) => w.id !== event.waitId) };
    case 'recovered':
      return { ...m, recoveries: m.recoveries + 1 };
    case 'budget-changed':
      return { ...m, budget: event.budget };
    default: {
      const _x: never = event;
      throw new SessionModelError(`unknown event ${JSON.stringify(_x)}`);
    }
  }
}

/** Total tokens a session used. */
export function totalTokens(m: SessionSnapshot): number {
  return m.usage.inputTokens + m.usage.outputTokens;
}

/** Calls of one step attempt, in order. */
export function callsOfAttempt(m: SessionSnapshot, stepId: string, attempt: number): ToolCallRecord[] {
  return m.calls.filter((c) => c.stepId === stepId && c.attempt === attempt).sort((a, b) => a.seq - b.seq);
}
