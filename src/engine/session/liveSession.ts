import type { SessionJournal } from '../journal/sessionJournal';
import { applyEvent, type SessionEvent, type SessionSnapshot } from './sessionModel';

/** Thrown by {@link LiveSession.commit} when the journal could not write or fsync the events. */
export class JournalWriteError extends Error {
  constructor(
    readonly sessionId: string,
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`journal write failed: ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'JournalWriteError';
  }
}

/**
 * A session in memory bound to its journal. Two models are kept:
 * - {@link working}: every commit's events applied at once, in call order (so validation such as
 *   an illegal transition throws before anything is written, and the runner's scheduling sees its
 *   own pending changes). Only the runner reads it.
 * - {@link model}: only events that are on disk (fsynced). This is what listeners, the manager's
 *   `get`/`list` and the UI see, so memory never runs ahead of the journal.
 * If the journal cannot be written, the commit rejects with {@link JournalWriteError}, the
 * working model falls back to the durable one, and the session is shown as failed with an
 * `internal` reason naming the file and the OS error (see {@link writeFailure}).
 */
export class LiveSession {
  private journal: SessionJournal | undefined;
  private durable: SessionSnapshot;
  private failure: JournalWriteError | undefined;

  constructor(
    private current: SessionSnapshot,
    private readonly onCommitted: (session: LiveSession, events: readonly SessionEvent[]) => void,
    /** Called once, when the first write failure is seen. */
    private readonly onWriteFailed: (session: LiveSession, error: JournalWriteError) => void = () => undefined,
  ) {
    this.durable = current;
  }

  /** Binds the journal (set once the file exists). */
  attach(journal: SessionJournal): void {
    this.journal = journal;
  }

  get id(): string {
    return this.durable.id;
  }

  /**
   * The durable model (immutable; a new object after each durable commit). After a journal write
   * failure its status reads `failed` with the write error as reason (the file is unchanged).
   */
  get model(): SessionSnapshot {
    if (!this.failure) return this.durable;
    return { ...this.durable, status: { kind: 'failed', reason: { kind: 'internal', message: this.failure.message } } };
  }

  /** The runner's model: durable events plus those still being written. */
  get working(): SessionSnapshot {
    return this.current;
  }

  /** The journal write failure that stopped this session, if any. */
  get writeFailure(): JournalWriteError | undefined {
    return this.failure;
  }

  /** Applies and journals events; resolves when they are on disk (and only then are they visible). */
  async commit(...events: SessionEvent[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.journal) throw new Error(`session ${this.id} has no journal`);
    let next = this.current;
    for (const e of events) next = applyEvent(next, e);
    this.current = next;
    try {
      await this.journal.append(events);
    } catch (e) {
      if (!this.failure) {
        this.failure = new JournalWriteError(this.id, this.journal.file, e);
        this.current = this.durable;
        this.onWriteFailed(this, this.failure);
      }
      throw this.failure;
    }
    // Appends resolve in call order (one queue), so applying here keeps the file's order.
    let d = this.durable;
    for (const e of events) d = applyEvent(d, e);
    this.durable = d;
    this.onCommitted(this, events);
  }

  /** Closes the journal (after pending writes); a broken journal's handle is closed quietly. */
  async close(): Promise<void> {
    await this.journal?.close();
  }
}
