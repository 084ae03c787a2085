import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Disposable } from '../util/disposable';
import type { SessionEvent, SessionSnapshot } from '../session/sessionModel';
import { encodeRecord } from './journalCodec';

/** Options of one session's journal. */
export interface SessionJournalOptions {
  /** Compact into a snapshot after this many records (default 400). */
  readonly compactEvery?: number;
  /** Skip fsync (tests of logic only; never in production). Default false. */
  readonly unsafeNoSync?: boolean;
  /**
   * Test seam for disk faults: called before each append write and fsync; throwing from it
   * acts as that write/fsync failing (e.g. an ENOSPC error). Never set in production.
   */
  readonly faultHook?: (file: string, op: 'write' | 'sync') => void;
}

/** fsyncs a directory so a create/rename in it is durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

interface Pending {
  readonly data: string;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * The write-ahead journal of one session: an append-only file of checksummed records.
 * {@link append} resolves only after the records are written and fdatasync'ed, so a caller that
 * awaits it before acting (or before telling anyone) never acknowledges a state that a crash can
 * lose. Concurrent appends are group-committed: one write and one fsync per batch.
 */
export class SessionJournal implements Disposable {
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private broken: unknown;
  private closed = false;
  private sinceSnapshot: number;

  private constructor(
    readonly file: string,
    private fh: fsp.FileHandle,
    records: number,
    private readonly snapshotOf: () => SessionSnapshot,
    private readonly options: SessionJournalOptions,
  ) {
    this.sinceSnapshot = records;
  }

  /** Creates a new journal file holding `first` (must not exist yet). */
  static async create(file: string, first: readonly SessionEvent[], snapshotOf: () => SessionSnapshot, options: SessionJournalOptions = {}): Promise<SessionJournal> {
    const fh = await fsp.open(file, 'wx');
    try {
      await fh.write(first.map(encodeRecord).join(''));
      if (!options.unsafeNoSync) await fh.datasync();
    } catch (e) {
      await fh.close();
      throw e;
    }
    if (!options.unsafeNoSync) await fsyncDir(path.dirname(file));
    return new SessionJournal(file, fh, first.length, snapshotOf, options);
  }

  /** Opens an existing, already decoded journal for appending; cuts a torn tail at `validBytes`. */
  static async open(file: string, validBytes: number, records: number, snapshotOf: () => SessionSnapshot, options: SessionJournalOptions = {}): Promise<SessionJournal> {
    const fh = await fsp.open(file, 'r+');
    try {
      const { size } = await fh.stat();
      if (size > validBytes) {
        await fh.truncate(validBytes);
        if (!options.unsafeNoSync) await fh.sync();
      }
    } catch (e) {
      await fh.close();
      throw e;
    }
    await fh.close();
    const afh = await fsp.open(file, 'a');
    return new SessionJournal(file, afh, records, snapshotOf, options);
  }

  /** Appends events; resolves once they are durable. Rejects if the journal is broken or closed. */
  append(events: readonly SessionEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.file} is closed`));
    if (this.broken) return Promise.reject(new Error(`journal ${this.file} failed earlier: ${String(this.broken)}`));
    const p = new Promise<void>((resolve, reject) => this.queue.push({ data: events.map(encodeRecord).join(''), resolve, reject }));
    this.sinceSnapshot += events.length;
    if (!this.flushing) this.flushing = this.flushLoop().finally(() => (this.flushing = undefined));
    return p;
  }

  /** Resolves when everything appended so far is durable. */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        this.options.faultHook?.(this.file, 'write');
        await this.fh.write(batch.map((b) => b.data).join(''));
        this.options.faultHook?.(this.file, 'sync');
        if (!this.options.unsafeNoSync) await this.fh.datasync();
        for (const b of batch) b.resolve();
      } catch (e) {
        this.broken = e;
        for (const b of batch) b.reject(e);
        for (const b of this.queue.splice(0)) b.reject(e);
        return;
      }
      // Compact only when nothing is queued: then the in-memory model equals the file's content.
      if (this.queue.length === 0 && this.sinceSnapshot >= (this.options.compactEvery ?? 400)) {
        try {
          await this.compact();
        } catch (e) {
          // A failed compaction leaves the old journal intact; keep appending to it.
          this.sinceSnapshot = 0;
          void e;
        }
      }
    }
  }

  /**
   * Rewrites the journal as one snapshot record: written to a temp file, fsynced, renamed over
   * the journal, directory fsynced. A crash at any point leaves either the old or the new file.
   */
  private async compact(): Promise<void> {
    const snapshot = this.snapshotOf();
    const tmp = `${this.file}.tmp`;
    const fh = await fsp.open(tmp, 'w');
    try {
      await fh.write(encodeRecord({ type: 'snapshot', at: Date.now(), snapshot }));
      if (!this.options.unsafeNoSync) await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, this.file);
    if (!this.options.unsafeNoSync) await fsyncDir(path.dirname(this.file));
    const old = this.fh;
    this.fh = await fsp.open(this.file, 'a');
    await old.close();
    this.sinceSnapshot = 1;
  }

  /** Forces a compaction now (after pending appends). */
  async compactNow(): Promise<void> {
    await this.flushed();
    await this.compact();
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushed();
    this.closed = true;
    await this.fh.close();
  }

  dispose(): void {
    void this.close().catch(() => undefined);
  }
}
