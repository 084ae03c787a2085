import type { SessionJournal } from '../journal/sessionJournal';
import { applyEvent, type SessionEvent, type SessionSnapshot } from './sessionModel';

/**
 * A session in memory bound to its journal. {@link commit} applies events to the model at once
 * (in call order, so memory and file agree on order) and resolves once they are durable; callers
 * await it before acting on the new state. Validation (e.g. an illegal transition) throws before
 * anything is written.
 */
export class LiveSession {
  private journal: SessionJournal | undefined;

  constructor(
    private current: SessionSnapshot,
    private readonly onCommitted: (session: LiveSession, events: readonly SessionEvent[]) => void,
  ) {}

  /** Binds the journal (set once the file exists). */
  attach(journal: SessionJournal): void {
    this.journal = journal;
  }

  get id(): string {
    return this.current.id;
  }

  /** The current model (immutable; a new object after each commit). */
  get model(): SessionSnapshot {
    return this.current;
  }

  /** Applies and journals events; resolves when they are on disk. */
  async commit(...events: SessionEvent[]): Promise<void> {
    let next = this.current;
    for (const e of events) next = applyEvent(next, e);
    this.current = next;
    if (!this.journal) throw new Error(`session ${this.id} has no journal`);
    await this.journal.append(events);
    this.onCommitted(this, events);
  }

  /** Closes the journal (after pending writes). */
  async close(): Promise<void> {
    await this.journal?.close();
  }
}
