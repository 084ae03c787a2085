import { randomUUID } from 'node:crypto';
import type { Plan } from '../plan/planSchema';
import { planSchema } from '../plan/planSchema';
import type { ToolGateway } from '../tools/toolGateway';
import type { AgentFactory } from '../agents/agent';
import type { Disposable } from '../util/disposable';
import { Emitter, type Event } from '../util/emitter';
import { JournalStore, type QuarantineNotice } from '../journal/journalStore';
import type { SessionJournalOptions } from '../journal/sessionJournal';
import { Semaphore } from '../execution/semaphore';
import { AnswerRejectedError } from '../execution/answerFit';
import type { ExecutionOptions } from '../execution/executionOptions';
import { SessionRunner } from '../execution/sessionRunner';
import { LiveSession } from './liveSession';
import { applyEvent, type SessionBudget, type SessionEvent, type SessionSnapshot, type UserAnswer } from './sessionModel';
import { isTerminal } from './sessionState';

/** How a {@link SessionManager} is built. Everything it touches is injected. */
export interface SessionManagerOptions {
  /** Folder for the journals (the extension passes its global storage). Created if missing. */
  readonly storageDir: string;
  /** MCP tools (the connection manager in production). */
  readonly gateway: ToolGateway;
  /** Picks the agent of each step (model per layer, manual, or scripted in tests). */
  readonly agentFor: AgentFactory;
  /** Steps running at once across all sessions (default 8). */
  readonly maxConcurrentSteps?: number;
  readonly execution?: ExecutionOptions;
  readonly journal?: SessionJournalOptions;
  /** Budget for sessions created without one. */
  readonly defaultBudget?: SessionBudget;
  /** Where internal errors go (default: console.error). */
  readonly onError?: (e: unknown) => void;
}

/** A change to a session, fired after it is durable. */
export interface SessionChange {
  readonly kind: 'created' | 'updated' | 'removed';
  readonly session: SessionSnapshot;
  /** The event types that caused the change (empty for `removed`). */
  readonly events: readonly SessionEvent['type'][];
}

/** What {@link SessionManager.recoverAll} found. */
export interface RecoveryReport {
  readonly loaded: readonly string[];
  /** Sessions whose run loop was restarted. */
  readonly resumed: readonly string[];
  readonly quarantined: readonly QuarantineNotice[];
  /** Sessions whose torn final record was dropped. */
  readonly tornTails: readonly { readonly sessionId: string; readonly detail: string }[];
  /** Time the recovery took, ms. */
  readonly ms: number;
}

/** Options for {@link SessionManager.create}. */
export interface CreateSessionOptions {
  /** Session id (letters, digits, `.`, `_`, `-`); generated when omitted. */
  readonly id?: string;
  readonly title?: string;
  readonly budget?: SessionBudget;
}

/** Thrown for a session id that does not exist. */
export class UnknownSessionError extends Error {
  constructor(readonly sessionId: string) {
    super(`no session ${sessionId}`);
    this.name = 'UnknownSessionError';
  }
}

/**
 * The execution API used by the extension and the CLI: create sessions from plans, run them,
 * cancel, retry steps, answer waiting steps, list them, watch them, and recover them all from the
 * journal folder after a crash or reload.
 *
 * Every change is written to the session's journal (fsynced) before `onDidChange` fires or a
 * method resolves. The manager keeps nothing that is not in the journal.
 */
export class SessionManager implements Disposable {
  private readonly store: JournalStore;
  private readonly sessions = new Map<string, LiveSession>();
  private readonly runners = new Map<string, SessionRunner>();
  private readonly semaphore: Semaphore;
  private readonly changeEmitter: Emitter<SessionChange>;
  private readonly quarantineEmitter = new Emitter<QuarantineNotice>();
  private readonly onError: (e: unknown) => void;
  private disposed = false;

  /** Fires after every durable change of any session. */
  readonly onDidChange: Event<SessionChange>;
  /** Fires for each journal quarantined during {@link recoverAll}. */
  readonly onDidQuarantine: Event<QuarantineNotice>;

  constructor(private readonly options: SessionManagerOptions) {
    this.onError = options.onError ?? ((e) => console.error('[strata] session error:', e));
    this.store = new JournalStore(options.storageDir, options.journal);
    this.semaphore = new Semaphore(options.maxConcurrentSteps ?? 8);
    this.changeEmitter = new Emitter<SessionChange>(this.onError);
    this.onDidChange = this.changeEmitter.event;
    this.onDidQuarantine = this.quarantineEmitter.event;
  }

  /** The shared step concurrency bound (exposed for figures: `peak`, `active`). */
  get concurrency(): Semaphore {
    return this.semaphore;
  }

  /** All sessions, newest first. */
  list(): SessionSnapshot[] {
    return [...this.sessions.values()].map((s) => s.model).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** One session, or undefined. */
  get(sessionId: string): SessionSnapshot | undefined {
    return this.sessions.get(sessionId)?.model;
  }

  /**
   * Loads every journal in the storage folder (call once, before anything else). Corrupt
   * journals are quarantined and reported; every other session loads. Steps that were in flight
   * resume (read-only/idempotent calls) or wait for the user's decision. With `resume` (default
   * true) sessions that were running restart their run loops.
   */
  async recoverAll(opts: { resume?: boolean } = {}): Promise<RecoveryReport> {
    this.assertLive();
    const t0 = Date.now();
    // Sessions already live in this manager (a second call) are not touched.
    const { loaded, quarantined } = await this.store.loadAll(
      (id) => () => this.sessions.get(id)!.working,
      (id) => this.sessions.has(id),
    );
    const tornTails: { sessionId: string; detail: string }[] = [];
    const resumed: string[] = [];
    for (const l of loaded) {
      const live = this.newLive(l.snapshot);
      live.attach(l.journal);
      this.sessions.set(l.snapshot.id, live);
      if (l.tornTail) tornTails.push({ sessionId: l.snapshot.id, detail: l.tornTail });
    }
    await Promise.all(
      loaded.map(async (l) => {
        const id = l.snapshot.id;
        const runner = this.runnerOf(id);
        try {
          await runner.recover();
        } catch (e) {
          this.onError(e);
          return;
        }
        const st = this.sessions.get(id)!.model.status;
        if (opts.resume !== false && !isTerminal(st) && st.kind !== 'planned') {
          resumed.push(id);
          void runner.run();
        }
      }),
    );
    for (const q of quarantined) this.quarantineEmitter.fire(q);
    return { loaded: loaded.map((l) => l.snapshot.id), resumed, quarantined, tornTails, ms: Date.now() - t0 };
  }

  /** Creates a session from a plan (validated) in state `planned`; durable when this resolves. */
  async create(plan: Plan, opts: CreateSessionOptions = {}): Promise<SessionSnapshot> {
    this.assertLive();
    const parsed = planSchema.safeParse(plan);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new Error(`invalid plan: ${i?.path.join('.') || '(root)'}: ${i?.message}`);
    }
    const id = opts.id ?? `s-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    if (this.sessions.has(id)) throw new Error(`session ${id} already exists`);
    const created: SessionEvent = {
      type: 'created',
      at: Date.now(),
      id,
      title: opts.title ?? (plan.task.length > 80 ? `${plan.task.slice(0, 79)}…` : plan.task),
      plan: parsed.data,
      budget: opts.budget ?? this.options.defaultBudget ?? {},
    };
    const live = this.newLive(applyEvent(undefined, created));
    await this.store.init();
    // Compaction snapshots the working model: it runs only when no append is queued, and then
    // the working model is exactly the file's content (the durable one may lag by a microtask).
    live.attach(await this.store.create(id, [created], () => live.working));
    this.sessions.set(id, live);
    this.fire('created', live, [created]);
    return live.model;
  }

  /** Starts (or resumes) a session without waiting for it. */
  start(sessionId: string): void {
    void this.run(sessionId).catch(this.onError);
  }

  /**
   * Runs (or resumes) a session; resolves with its state when its run loop stops: completed,
   * failed or cancelled. While steps wait for the user the promise stays pending.
   */
  async run(sessionId: string): Promise<SessionSnapshot> {
    this.assertLive();
    if (this.live(sessionId).writeFailure) await this.reload(sessionId);
    const live = this.live(sessionId);
    if (live.model.status.kind === 'cancelled') throw new Error(`session ${sessionId} is cancelled`);
    await this.runnerOf(sessionId).run();
    return live.model;
  }

  /** Cancels a session: running steps are aborted and marked cancelled. */
  async cancel(sessionId: string, note?: string): Promise<void> {
    if (this.live(sessionId).writeFailure) await this.reload(sessionId);
    await this.runnerOf(sessionId).cancel(note);
  }

  /** Runs a failed, skipped, cancelled or succeeded step again (and the steps after it). */
  async retryStep(sessionId: string, stepId: string): Promise<void> {
    this.assertLive();
    if (this.live(sessionId).writeFailure) {
      // The journal failed earlier: reload the session from its file (the truth) and resume it
      // as after a crash; steps whose success is on disk are never run again.
      await this.reload(sessionId);
      if (!this.live(sessionId).model.steps[stepId]) throw new Error(`session ${sessionId} has no step ${stepId}`);
      this.start(sessionId);
      return;
    }
    await this.runnerOf(sessionId).retryStep(stepId);
  }

  /**
   * After a journal write failure (disk full, I/O error), once the disk is back: reloads the
   * session from its journal file, recovers in-flight steps as after a crash and restarts its
   * run loop. Resolves when the run loop stops (like {@link run}).
   */
  async resume(sessionId: string): Promise<SessionSnapshot> {
    return this.run(sessionId);
  }

  /** Replaces a write-failed session by a fresh load of its journal file and recovers it. */
  private async reload(sessionId: string): Promise<void> {
    const old = this.live(sessionId);
    this.runners.get(sessionId)?.shutdown();
    this.runners.delete(sessionId);
    // The old handle may be unusable (EIO); closing it must not block the reload.
    await old.close().catch(() => undefined);
    const l = await this.store.loadOne(sessionId, () => this.sessions.get(sessionId)!.working);
    const live = this.newLive(l.snapshot);
    live.attach(l.journal);
    this.sessions.set(sessionId, live);
    await this.runnerOf(sessionId).recover();
    this.fire('updated', live, []);
  }

  private newLive(snapshot: SessionSnapshot): LiveSession {
    return new LiveSession(
      snapshot,
      (s, ev) => this.fire('updated', s, ev),
      (s, err) => {
        // Stop taking steps for this session only: in-flight calls are aborted as on shutdown and
        // nothing more is written; other sessions keep running.
        this.runners.get(s.id)?.shutdown();
        this.onError(err);
        this.fire('updated', s, []);
      },
    );
  }

  /**
   * Answers an open wait of a session (`session.waits`): manual input, an approval, a decision
   * on an uncertain call, or an escalation. Throws {@link AnswerRejectedError} if the answer does
   * not fit (e.g. arguments that fail the tool's schema); the wait then stays open.
   */
  async answer(sessionId: string, waitId: string, answer: UserAnswer): Promise<void> {
    this.assertLive();
    if (this.live(sessionId).writeFailure) await this.reload(sessionId);
    await this.runnerOf(sessionId).answer(waitId, answer);
  }

  /** Replaces a session's budget (e.g. raise it after a budget stop, then `retryStep`). */
  async updateBudget(sessionId: string, budget: SessionBudget): Promise<void> {
    this.assertLive();
    if (this.live(sessionId).writeFailure) await this.reload(sessionId);
    await this.live(sessionId).commit({ type: 'budget-changed', at: Date.now(), budget });
  }

  /** Deletes a finished session and its journal. */
  async remove(sessionId: string): Promise<void> {
    const live = this.live(sessionId);
    if (!isTerminal(live.model.status)) throw new Error(`session ${sessionId} is ${live.model.status.kind}; cancel it first`);
    await live.close();
    this.sessions.delete(sessionId);
    this.runners.delete(sessionId);
    await this.store.remove(sessionId);
    this.changeEmitter.fire({ kind: 'removed', session: live.model, events: [] });
  }

  /** Stops all work without marking anything (as a crash would) and closes the journals. */
  async close(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const r of this.runners.values()) r.shutdown();
    await Promise.all([...this.sessions.values()].map((s) => s.close().catch(this.onError)));
    this.changeEmitter.dispose();
    this.quarantineEmitter.dispose();
  }

  dispose(): void {
    void this.close();
  }

  private fire(kind: SessionChange['kind'], s: LiveSession, events: readonly SessionEvent[]): void {
    this.changeEmitter.fire({ kind, session: s.model, events: events.map((e) => e.type) });
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('the session manager is disposed');
  }

  private live(sessionId: string): LiveSession {
    const s = this.sessions.get(sessionId);
    if (!s) throw new UnknownSessionError(sessionId);
    return s;
  }

  private runnerOf(sessionId: string): SessionRunner {
    let r = this.runners.get(sessionId);
    if (!r) {
      r = new SessionRunner(this.live(sessionId), this.options.gateway, this.options.agentFor, this.semaphore, this.options.execution, this.onError);
      this.runners.set(sessionId, r);
    }
    return r;
  }
}

export { AnswerRejectedError };
