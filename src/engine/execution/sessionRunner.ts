import { randomUUID } from 'node:crypto';
import type { PersonaId } from '../catalog/personas';
import type { Handoff, PlanStep } from '../plan/planSchema';
import type { ToolGateway } from '../tools/toolGateway';
import type { AgentFactory, StepContext, StepResult } from '../agents/agent';
import { personaInfo } from '../agents/personaPrompt';
import { abortableDelay } from '../recovery/abortableDelay';
import { DEFAULT_BACKOFF } from '../recovery/backoff';
import { BudgetExceededError, budgetExceeded } from '../recovery/budget';
import { classifyError, describeFailure, StallDetectedError, type StepFailure } from '../recovery/failure';
import { RecoveryLadder } from '../recovery/recoveryLadder';
import { StallWatchdog } from '../recovery/stallWatchdog';
import type { LiveSession } from '../session/liveSession';
import { type SessionEvent, type StepRecord, type UserAnswer, type UserWait, type UserWaitRequest } from '../session/sessionModel';
import { isTerminal, type FailureReason, type SessionStatus } from '../session/sessionState';
import { AnswerRejectedError, checkAnswerFits } from './answerFit';
import type { ExecutionOptions } from './executionOptions';
import { CallInvoker, type CallInvokerEnv } from './callInvoker';
import { handoffFor, listScopedTools, planStepOf, serversFor } from './attemptInputs';
import { overseerDecision, overseerStep, replanStep } from './consultation';
import type { Semaphore } from './semaphore';
import { planRecovery } from './sessionRecovery';
import { assumedDoneContent } from './storedResult';

/** Why a running step was aborted. */
type AbortCause = { kind: 'cancel' } | { kind: 'stop' } | { kind: 'shutdown' } | { kind: 'stall'; error: StallDetectedError };

class AbortWithCause extends Error {
  constructor(readonly why: AbortCause) {
    super(`aborted: ${why.kind}`);
  }
}

/** How one step attempt ended. */
type AttemptOutcome =
  | { kind: 'done'; result: Extract<StepResult, { kind: 'done' }> }
  | { kind: 'failed'; failure: StepFailure }
  | { kind: 'aborted'; cause: AbortCause }
  | { kind: 'budget'; reason: Extract<FailureReason, { kind: 'budget' }> };

/** A step's stored output from its agent's result (`data` only when kept and present). */
function stepOutput(result: Extract<StepResult, { kind: 'done' }>, keepData: boolean): { summary: string; data?: unknown } {
  return { summary: result.summary, ...(keepData && result.data !== undefined ? { data: result.data } : {}) };
}

type WaitHandler = (answer: UserAnswer) => void;

/**
 * Runs one session's plan: the DAG of steps (a step starts when all its `dependsOn` steps have
 * succeeded or been skipped), steps of a layer in parallel, bounded by the shared semaphore.
 * Every state change is committed to the session's journal before it is acted on. Failures go
 * up the recovery ladder; the top of the ladder is the L0 overseer, then the user.
 *
 * The pieces it is built from live next to it: the call gate ({@link CallInvoker}), an attempt's
 * inputs (`attemptInputs.ts`), consultation steps (`consultation.ts`), crash recovery
 * ({@link planRecovery}), stored results (`storedResult.ts`) and answer checks (`answerFit.ts`).
 */
export class SessionRunner {
  private readonly active = new Map<string, AbortController>();
  private readonly waitHandlers = new Map<string, { wait: UserWait; handle: WaitHandler }>();
  private wake: (() => void) | undefined;
  private stopping: AbortCause | undefined;
  private runLoop: Promise<void> | undefined;
  private stopDone: Promise<void> | undefined;
  private readonly ladder: RecoveryLadder;
  /** What each attempt's {@link CallInvoker} reads from this runner. */
  private readonly invokerEnv: CallInvokerEnv;

  constructor(
    private readonly session: LiveSession,
    private readonly gateway: ToolGateway,
    private readonly agentFor: AgentFactory,
    private readonly semaphore: Semaphore,
    private readonly options: ExecutionOptions = {},
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {
    this.ladder = options.ladder ?? RecoveryLadder.standard();
    this.invokerEnv = {
      session,
      gateway,
      options,
      backoff: options.toolRetry?.backoff ?? DEFAULT_BACKOFF,
      isShuttingDown: () => this.stopping?.kind === 'shutdown',
    };
  }

  private get m() {
    // The working model: includes this runner's own commits still being fsynced.
    return this.session.working;
  }

  /** True while the scheduling loop runs. */
  get isRunning(): boolean {
    return this.runLoop !== undefined;
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Brings a session loaded from its journal back to a runnable state ({@link planRecovery}) and
   * serves the waits that survive or are opened by the recovery (uncertain calls, escalations).
   */
  async recover(): Promise<void> {
    const { events, waitsToServe } = planRecovery(this.m);
    // Handlers first: listeners of the commit below may answer these waits at once.
    for (const w of waitsToServe) this.registerRecoveredWait(w);
    await this.session.commit(...events);
    await this.refreshStatus();
  }

  private registerRecoveredWait(w: UserWait): void {
    const stepId = w.stepId;
    switch (w.request.kind) {
      case 'uncertain-call': {
        const callId = w.request.callId;
        this.waitHandlers.set(w.id, {
          wait: w,
          handle: (answer) => {
            void this.afterRecoveredDecision(stepId, answer, callId).catch(this.onError);
          },
        });
        return;
      }
      case 'escalation':
        this.waitHandlers.set(w.id, {
          wait: w,
          handle: (answer) => {
            void this.afterRecoveredDecision(stepId, answer).catch(this.onError);
          },
        });
        return;
      case 'manual':
      case 'approval':
        return;
      default: {
        const _x: never = w.request;
        void _x;
      }
    }
  }

  private async afterRecoveredDecision(stepId: string, answer: UserAnswer, callId?: string): Promise<void> {
    const at = Date.now();
    switch (answer.kind) {
      case 'retry':
      case 'assume-done':
        if (callId) {
          await this.session.commit(
            answer.kind === 'assume-done'
              ? { type: 'call-finished', at, callId, status: 'assumed-done', result: JSON.stringify(assumedDoneContent(answer.note)) }
              : { type: 'call-finished', at, callId, status: 'failed', error: 'the user chose to run it again' },
          );
        }
        await this.session.commit({ type: 'step-reset', at, stepId, reason: `user decision: ${answer.kind}`, interrupted: callId !== undefined });
        break;
      case 'skip':
        await this.session.commit({ type: 'step-skipped', at, stepId, note: answer.note ?? 'skipped by the user' });
        break;
      case 'abort':
        await this.session.commit({ type: 'step-failed', at, stepId, error: `aborted by the user${answer.note ? `: ${answer.note}` : ''}` });
        await this.stop({ kind: 'aborted-by-user', stepId, ...(answer.note ? { note: answer.note } : {}) });
        return;
      default:
        break;
    }
    await this.refreshStatus();
    this.poke();
    if (!this.runLoop && !isTerminal(this.m.status)) void this.run();
  }

  // ---------------------------------------------------------------- scheduling

  /** Runs (or resumes) the session until it completes, fails, is cancelled or all work waits. Idempotent. */
  run(): Promise<void> {
    if (!this.runLoop) {
      this.stopping = undefined;
      this.stopDone = undefined;
      this.runLoop = this.loop()
        .catch((e) => {
          this.onError(e);
        })
        .finally(() => {
          this.runLoop = undefined;
        });
    }
    return this.runLoop;
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private depsDone(s: StepRecord): boolean {
    return s.dependsOn.every((d) => {
      const st = this.m.steps[d]?.status;
      return st === 'succeeded' || st === 'skipped';
    });
  }

  private async loop(): Promise<void> {
    if (this.m.status.kind === 'planned' || this.m.status.kind === 'failed' || this.m.status.kind === 'completed') {
      await this.session.commit({ type: 'status', at: Date.now(), status: { kind: 'running' } });
    }
    for (;;) {
      if (this.stopping || isTerminal(this.m.status)) break;
      const budget = budgetExceeded(this.m, Date.now());
      if (budget) {
        await this.stop(budget);
        break;
      }
      for (const id of this.m.stepOrder) {
        const s = this.m.steps[id]!;
        if (s.origin || s.status !== 'pending' || this.active.has(id) || !this.depsDone(s)) continue;
        const ctl = new AbortController();
        this.active.set(id, ctl);
        void this.runStep(id, ctl)
          .catch((e) => this.onError(e))
          .finally(() => {
            this.active.delete(id);
            this.poke();
          });
      }
      if (this.active.size === 0 && this.waitHandlers.size === 0) {
        await this.settle();
        break;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    // A stop started by a step finishes its bookkeeping before run() resolves.
    if (this.stopDone) await this.stopDone;
  }

  /** Nothing runs or waits: decide the final status. */
  private async settle(): Promise<void> {
    if (isTerminal(this.m.status)) return;
    const steps = this.m.stepOrder.map((id) => this.m.steps[id]!).filter((s) => !s.origin);
    if (steps.every((s) => s.status === 'succeeded' || s.status === 'skipped')) {
      await this.finish({ kind: 'completed' });
      return;
    }
    const failed = steps.find((s) => s.status === 'failed');
    const blocked = steps.find((s) => s.status === 'pending');
    await this.finish({
      kind: 'failed',
      reason: failed
        ? { kind: 'step-failed', stepId: failed.id, message: failed.error ?? 'failed' }
        : { kind: 'internal', message: `step ${blocked?.id ?? '?'} can never start: a dependency is missing or did not succeed` },
    });
  }

  private async finish(status: SessionStatus): Promise<void> {
    if (isTerminal(this.m.status) && this.m.status.kind === status.kind) return;
    await this.session.commit({ type: 'status', at: Date.now(), status });
    this.poke();
  }

  /** Status from open waits: an escalation wins over a plain wait, which wins over running. */
  private async refreshStatus(): Promise<void> {
    const m = this.m;
    if (isTerminal(m.status) || m.status.kind === 'planned') return;
    const esc = m.waits.find((w) => w.request.kind === 'escalation');
    const want: SessionStatus = esc
      ? { kind: 'escalated', stepId: esc.stepId, message: esc.request.kind === 'escalation' ? esc.request.failure : '' }
      : m.waits.length > 0
        ? { kind: 'waiting-for-user' }
        : { kind: 'running' };
    if (want.kind === m.status.kind && (want.kind !== 'escalated' || (m.status.kind === 'escalated' && m.status.stepId === want.stepId))) return;
    if (want.kind === 'escalated' && m.status.kind === 'escalated') {
      // Another step escalated while one escalation is open: keep showing the first.
      return;
    }
    await this.session.commit({ type: 'status', at: Date.now(), status: want });
  }

  // ---------------------------------------------------------------- control

  /** Cancels the session: running steps are aborted and marked cancelled; open waits close. */
  async cancel(note?: string): Promise<void> {
    if (isTerminal(this.m.status) && this.m.status.kind !== 'failed') return;
    this.stopping = { kind: 'cancel' };
    this.abortActive({ kind: 'cancel' });
    await this.drain();
    await this.endRun('session cancelled', (s, at) => ({ type: 'step-cancelled', at, stepId: s.id }), note ? { kind: 'cancelled', note } : { kind: 'cancelled' });
  }

  /** Stops the session as failed (budget); running steps go back to pending so a retry can resume them. */
  private stop(reason: FailureReason): Promise<void> {
    if (this.stopping) return this.stopDone ?? Promise.resolve();
    this.stopping = { kind: 'stop' };
    this.stopDone = this.doStop(reason);
    return this.stopDone;
  }

  private async doStop(reason: FailureReason): Promise<void> {
    this.abortActive({ kind: 'stop' });
    await this.drain();
    if (isTerminal(this.m.status)) return;
    await this.endRun(
      'session stopped',
      (s, at) => (s.origin ? { type: 'step-cancelled', at, stepId: s.id } : { type: 'step-reset', at, stepId: s.id, reason: `session stopped: ${reason.kind}`, interrupted: true }),
      { kind: 'failed', reason },
    );
  }

  /** Aborts every running step with `cause` (their attempts see it as the signal's reason). */
  private abortActive(cause: AbortCause): void {
    for (const ctl of this.active.values()) ctl.abort(new AbortWithCause(cause));
  }

  private async drain(): Promise<void> {
    while (this.active.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * Ends a cancelled or stopped run in one commit: every open wait closes with an `abort`
   * answer (`waitNote`), every running or waiting step gets `endStep`'s event, then `status`.
   */
  private async endRun(waitNote: string, endStep: (s: StepRecord, at: number) => SessionEvent, status: SessionStatus): Promise<void> {
    const at = Date.now();
    const events: SessionEvent[] = this.m.waits.map((w) => ({ type: 'wait-closed' as const, at, waitId: w.id, answer: { kind: 'abort' as const, note: waitNote } }));
    for (const id of this.m.stepOrder) {
      const s = this.m.steps[id]!;
      if (s.status === 'running' || s.status === 'waiting') events.push(endStep(s, at));
    }
    events.push({ type: 'status', at, status });
    this.waitHandlers.clear();
    await this.session.commit(...events);
    this.poke();
  }

  /** Stops in-process work without writing anything (the journal stays as a crash would leave it). */
  shutdown(): void {
    this.stopping = { kind: 'shutdown' };
    this.abortActive({ kind: 'shutdown' });
    this.waitHandlers.clear();
    this.poke();
  }

  /** Retries a step that failed, was skipped or cancelled (and the steps after it). */
  async retryStep(stepId: string): Promise<void> {
    const s = this.m.steps[stepId];
    if (!s) throw new AnswerRejectedError(`session ${this.m.id} has no step ${stepId}`);
    if (this.m.status.kind === 'cancelled') throw new AnswerRejectedError(`session ${this.m.id} is cancelled`);
    const esc = this.m.waits.find((w) => w.stepId === stepId && (w.request.kind === 'escalation' || w.request.kind === 'uncertain-call'));
    if (esc) return this.answer(esc.id, { kind: 'retry' });
    if (s.status === 'pending' && this.m.status.kind === 'failed') {
      // Stopped (budget, abort) with this step interrupted: resume it.
      await this.session.commit({ type: 'status', at: Date.now(), status: { kind: 'running' } });
      this.poke();
      void this.run();
      return;
    }
    if (s.status === 'running' || s.status === 'waiting' || s.status === 'pending') throw new AnswerRejectedError(`step ${stepId} is ${s.status}; only a failed, skipped, cancelled or succeeded step (or an interrupted one of a stopped session) can be retried`);
    const at = Date.now();
    const events: SessionEvent[] = [];
    const reset = new Set<string>([stepId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of this.m.stepOrder) {
        const x = this.m.steps[id]!;
        if (!reset.has(id) && x.dependsOn.some((d) => reset.has(d))) {
          reset.add(id);
          grew = true;
        }
      }
    }
    for (const id of reset) {
      const x = this.m.steps[id]!;
      if (x.status !== 'pending') events.push({ type: 'step-reset', at, stepId: id, reason: id === stepId ? 'retried by the user' : `upstream ${stepId} retried`, interrupted: false });
    }
    if (this.m.status.kind === 'failed' || this.m.status.kind === 'completed') events.push({ type: 'status', at, status: { kind: 'running' } });
    await this.session.commit(...events);
    this.poke();
    void this.run();
  }

  /** Answers an open wait. Throws {@link AnswerRejectedError} (wait stays open) when the answer does not fit. */
  async answer(waitId: string, answer: UserAnswer): Promise<void> {
    const entry = this.waitHandlers.get(waitId);
    const wait = entry?.wait ?? this.m.waits.find((w) => w.id === waitId);
    if (!wait) throw new AnswerRejectedError(`session ${this.m.id} has no open wait ${waitId}`);
    if (!entry) throw new AnswerRejectedError(`wait ${waitId} belongs to a step that is not running in this process; resume the session first`);
    checkAnswerFits(wait.request, answer);
    this.waitHandlers.delete(waitId);
    await this.session.commit({ type: 'wait-closed', at: Date.now(), waitId, answer });
    entry.handle(answer);
    await this.refreshStatus();
  }

  // ---------------------------------------------------------------- steps

  private async runStep(stepId: string, ctl: AbortController): Promise<void> {
    let s = this.m.steps[stepId]!;
    let persona: PersonaId = s.persona;
    // A reset after an interruption keeps its attempt number (resume with replay); otherwise a new attempt.
    const lastAttempt = s.attempts[s.attempts.length - 1];
    let resume = lastAttempt !== undefined && lastAttempt.endedAt === undefined;
    let attempt = resume ? s.attempt : s.attempt + 1;
    const tried: PersonaId[] = [...new Set(s.attempts.map((a) => a.persona))];
    if (!tried.includes(persona)) tried.push(persona);
    let attemptsByPersona = s.attempts.filter((a) => a.persona === persona && a.outcome === 'failed').length;
    let replans = this.m.stepOrder.filter((id) => this.m.steps[id]?.origin?.forStep === stepId && this.m.steps[id]?.origin?.kind === 'replan').length;
    const history: string[] = [];
    for (;;) {
      const outcome = await this.runAttempt(stepId, persona, attempt, resume, ctl);
      resume = false;
      if (outcome.kind === 'aborted') {
        if (outcome.cause.kind === 'cancel' || outcome.cause.kind === 'stop' || outcome.cause.kind === 'shutdown') return;
      }
      if (outcome.kind === 'done') {
        await this.session.commit({ type: 'step-succeeded', at: Date.now(), stepId, output: stepOutput(outcome.result, true) });
        return;
      }
      if (outcome.kind === 'budget') {
        void this.stop(outcome.reason).catch(this.onError);
        return;
      }
      const failure: StepFailure = outcome.kind === 'aborted' ? { kind: 'stall', message: outcome.cause.kind === 'stall' ? outcome.cause.error.message : 'stalled' } : outcome.failure;
      history.push(`attempt ${attempt} by ${persona}: ${describeFailure(failure)}`);
      attemptsByPersona++;
      s = this.m.steps[stepId]!;
      const sameLayer = this.m.plan.steps.filter((x) => x.layer === s.layer && x.persona !== persona).map((x) => x.persona);
      const action = this.ladder.decide({
        stepId,
        layer: s.layer,
        persona,
        failure,
        attemptsByPersona,
        triedPersonas: tried,
        replans,
        sameLayerPersonas: [...new Set(sameLayer)],
        upstreamStepIds: s.dependsOn.filter((d) => !this.m.steps[d]?.origin),
      });
      history.push(`ladder: ${action.kind} — ${action.why}`);
      await this.session.commit({ type: 'step-reset', at: Date.now(), stepId, reason: `${describeFailure(failure)} → ${action.kind}`, interrupted: false });
      if (ctl.signal.aborted) return;
      switch (action.kind) {
        case 'retry':
          try {
            await abortableDelay(action.delayMs, ctl.signal);
          } catch {
            return;
          }
          break;
        case 'redelegate':
          persona = action.persona;
          tried.push(persona);
          attemptsByPersona = 0;
          break;
        case 'replan': {
          replans++;
          const ok = await this.replan(stepId, action.upstreamStepId, failure, history, ctl);
          if (ok === 'aborted') return;
          persona = s.plannedPersona;
          attemptsByPersona = 0;
          break;
        }
        case 'escalate': {
          const decision = await this.escalate(stepId, failure, history, ctl);
          if (decision === 'aborted') return;
          if (decision.kind === 'skip') {
            await this.session.commit({ type: 'step-skipped', at: Date.now(), stepId, note: decision.note ?? 'skipped after escalation' });
            return;
          }
          if (decision.kind === 'abort') {
            await this.session.commit({ type: 'step-failed', at: Date.now(), stepId, error: `${failure.message} (escalated; the user aborted${decision.note ? `: ${decision.note}` : ''})` });
            void this.stop({ kind: 'aborted-by-user', stepId, ...(decision.note ? { note: decision.note } : {}) }).catch(this.onError);
            return;
          }
          // retry: a fresh round of the ladder with the planned persona.
          persona = s.plannedPersona;
          attemptsByPersona = 0;
          tried.length = 0;
          tried.push(persona);
          break;
        }
        default: {
          const _x: never = action;
          void _x;
        }
      }
      attempt = this.m.steps[stepId]!.attempt + 1;
    }
  }

  /**
   * Re-plan (ladder rung 2): runs the upstream persona again as a consultation step whose output
   * reaches the failing step as an artifact. Returns 'aborted' if the session is stopping.
   */
  private async replan(forStep: string, upstreamId: string, failure: StepFailure, history: readonly string[], ctl: AbortController): Promise<'ok' | 'failed' | 'aborted'> {
    const up = this.m.steps[upstreamId];
    if (!up) return 'failed';
    const base = planStepOf(this.m, up);
    const outcome = await this.runConsultation(replanStep(this.m, up, base, forStep, failure, history), forStep, ctl, { keepData: true });
    return outcome === 'aborted' ? 'aborted' : outcome ? 'ok' : 'failed';
  }

  /** (3) Escalation: the L0 overseer may decide (data.decision = retry|skip|abort); otherwise the user does. */
  private async escalate(stepId: string, failure: StepFailure, history: readonly string[], ctl: AbortController): Promise<UserAnswer | 'aborted'> {
    let overseerNote: string | undefined;
    const overseer = this.m.plan.steps.find((x) => x.persona === 'system-overseer');
    if (overseer && stepId !== overseer.id) {
      const agent = this.agentFor(overseer, personaInfo('system-overseer'));
      // A manual overseer would only ask the user what the escalation asks anyway.
      if (agent.kind !== 'manual') {
        // An overseer that would need the user cannot decide: it fails and the user is asked.
        const result = await this.runConsultation(overseerStep(this.m, overseer, stepId, failure, history), stepId, ctl, { keepData: false, noUserWaits: true });
        if (result === 'aborted') return 'aborted';
        if (result) {
          const d = overseerDecision(result);
          if (d.kind === 'decided') return d.answer;
          overseerNote = d.note;
        }
      }
    }
    try {
      return await this.openWait(stepId, { kind: 'escalation', failure: failure.message, history, ...(overseerNote ? { overseerNote } : {}) }, ctl.signal);
    } catch {
      return 'aborted';
    }
  }

  /**
   * Adds a consultation step for `forStep` to the session and runs its one attempt inline.
   * Resolves with the agent's result when it succeeded, undefined when it failed (a stall
   * counts as failed), 'aborted' when the session is stopping. The overseer's output is stored
   * without `data` (`keepData: false`), as journals have always had it.
   */
  private async runConsultation(
    step: PlanStep,
    forStep: string,
    ctl: AbortController,
    opts: { readonly keepData: boolean; readonly noUserWaits?: boolean },
  ): Promise<Extract<StepResult, { kind: 'done' }> | undefined | 'aborted'> {
    await this.session.commit({ type: 'step-added', at: Date.now(), step, origin: { kind: 'replan', forStep } });
    const outcome = await this.runAttempt(step.id, step.persona, 1, false, ctl, opts.noUserWaits);
    if (outcome.kind === 'done') {
      await this.session.commit({ type: 'step-succeeded', at: Date.now(), stepId: step.id, output: stepOutput(outcome.result, opts.keepData) });
      return outcome.result;
    }
    if (outcome.kind === 'aborted' && outcome.cause.kind !== 'stall') return 'aborted';
    await this.session.commit({ type: 'step-failed', at: Date.now(), stepId: step.id, error: outcome.kind === 'failed' ? outcome.failure.message : outcome.kind });
    return undefined;
  }

  private async openWait(stepId: string, request: UserWaitRequest, signal: AbortSignal): Promise<UserAnswer> {
    // An abort that already happened fires no listener: without this check the wait would stay open forever.
    signal.throwIfAborted();
    const s = this.m.steps[stepId]!;
    const wait: UserWait = { id: `${stepId}.${s.attempt}.${request.kind}.${randomUUID().slice(0, 8)}`, stepId, openedAt: Date.now(), request };
    const answered = new Promise<UserAnswer>((resolve, reject) => {
      this.waitHandlers.set(wait.id, { wait, handle: resolve });
      signal.addEventListener('abort', () => {
        this.waitHandlers.delete(wait.id);
        reject(signal.reason);
      }, { once: true });
    });
    // An abort during the commit below rejects before anyone awaits `answered`; mark it handled so it
    // is not reported as an unhandled rejection (the await further down still sees it).
    answered.catch(() => undefined);
    await this.session.commit({ type: 'wait-opened', at: Date.now(), wait }, { type: 'step-waiting', at: Date.now(), stepId, waiting: true });
    await this.refreshStatus();
    const answer = await answered;
    if (this.m.steps[stepId]?.status === 'waiting') await this.session.commit({ type: 'step-waiting', at: Date.now(), stepId, waiting: false });
    return answer;
  }

  /**
   * One attempt of a step by a persona: takes a concurrency slot, journals the start, lists the
   * scoped tools, runs the agent with a {@link CallInvoker} and a stall watchdog, and says how it
   * ended. Never throws for the agent's failures.
   */
  private async runAttempt(
    stepId: string,
    persona: PersonaId,
    attempt: number,
    resume: boolean,
    ctl: AbortController,
    /** For the overseer's consultation: an agent that would need the user cannot decide. */
    noUserWaits = false,
  ): Promise<AttemptOutcome> {
    const attemptCtl = new AbortController();
    const onOuter = (): void => attemptCtl.abort(ctl.signal.reason);
    ctl.signal.addEventListener('abort', onOuter, { once: true });
    let release: (() => void) | undefined;
    const watchdog = new StallWatchdog(stepId, this.options.stallMs ?? 120_000, (e) => attemptCtl.abort(new AbortWithCause({ kind: 'stall', error: e })));
    const causeOf = (): AbortCause => (attemptCtl.signal.reason instanceof AbortWithCause ? attemptCtl.signal.reason.why : { kind: 'cancel' });
    try {
      const pauseForSlot = watchdog.pause();
      try {
        release = await this.semaphore.acquire(attemptCtl.signal);
      } finally {
        pauseForSlot();
      }
      const s = this.m.steps[stepId]!;
      const info = personaInfo(persona);
      const planStep = planStepOf(this.m, s);
      const servers = serversFor(this.m, s, persona);
      const handoff = handoffFor(this.m, s, planStep.handoff);
      await this.session.commit({ type: 'step-started', at: Date.now(), stepId, attempt, persona, handoff, servers });
      const listed = await listScopedTools(this.gateway, servers, attemptCtl.signal);
      const tools = listed.tools;
      const usable = servers.filter((srv) => !listed.unavailable.some((u) => u.startsWith(`${srv}: `)));
      const agentHandoff: Handoff = listed.unavailable.length > 0 ? { ...handoff, constraints: [...handoff.constraints, ...listed.unavailable.map((u) => `server unavailable: ${u}`)] } : handoff;
      watchdog.progress();
      const askUser = async (request: UserWaitRequest): Promise<UserAnswer> => {
        if (noUserWaits) throw new Error('the overseer would need the user to decide; escalating to the user directly');
        // A waiting step gives its concurrency slot back and is not watched for stalls.
        const resumeWatch = watchdog.pause();
        release?.();
        release = undefined;
        try {
          return await this.openWait(stepId, request, attemptCtl.signal);
        } finally {
          resumeWatch();
          release = await this.semaphore.acquire(attemptCtl.signal);
        }
      };
      const invoker = new CallInvoker(this.invokerEnv, { stepId, attempt, servers: usable, tools, resume, watchdog, signal: attemptCtl.signal, ask: askUser });
      const ctx: StepContext = {
        sessionId: this.m.id,
        step: { ...planStep, persona },
        persona: info,
        handoff: agentHandoff,
        attempt,
        ...(resume ? { resumedCalls: invoker.priorCalls() } : {}),
        tools,
        signal: attemptCtl.signal,
        callTool: (server, tool, args) => invoker.call(server, tool, args),
        askUser,
        reportUsage: (usage) => {
          watchdog.progress();
          void this.session.commit({ type: 'usage', at: Date.now(), stepId, usage }).catch(this.onError);
        },
      };
      const agent = this.agentFor(planStep, info);
      const aborted = new Promise<never>((_, reject) => {
        if (attemptCtl.signal.aborted) reject(attemptCtl.signal.reason);
        attemptCtl.signal.addEventListener('abort', () => reject(attemptCtl.signal.reason), { once: true });
      });
      aborted.catch(() => undefined);
      const result = await Promise.race([agent.runStep(ctx), aborted]);
      if (attemptCtl.signal.aborted) return { kind: 'aborted', cause: causeOf() };
      const budget = budgetExceeded(this.m, Date.now());
      if (budget) return { kind: 'budget', reason: budget };
      if (result.kind === 'done') return { kind: 'done', result };
      return { kind: 'failed', failure: { kind: result.transient ? 'transient' : 'permanent', message: result.reason } };
    } catch (e) {
      if (attemptCtl.signal.aborted) return { kind: 'aborted', cause: causeOf() };
      if (e instanceof BudgetExceededError) return { kind: 'budget', reason: e.reason };
      return { kind: 'failed', failure: classifyError(e) };
    } finally {
      ctl.signal.removeEventListener('abort', onOuter);
      watchdog.dispose();
      release?.();
    }
  }

}
