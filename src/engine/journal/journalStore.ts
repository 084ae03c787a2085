import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { SessionEvent, SessionSnapshot } from '../session/sessionModel';
import { decodeJournal, JournalCorruptError } from './journalCodec';
import { SessionJournal, fsyncDir, type SessionJournalOptions } from './sessionJournal';

/** A journal that could not be loaded and was moved aside. */
export interface QuarantineNotice {
  /** The session id the file name implies. */
  readonly sessionId: string;
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
  /** Human message naming the file, suitable for a UI. */
  readonly message: string;
}

/** A journal loaded from disk. */
export interface LoadedJournal {
  readonly snapshot: SessionSnapshot;
  readonly journal: SessionJournal;
  /** Set when a torn final record was dropped. */
  readonly tornTail?: string;
}

const EXT = '.journal';

/** File name for a session id (ids are restricted so they are safe as names). */
export function journalFileName(sessionId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(sessionId)) throw new Error(`invalid session id ${JSON.stringify(sessionId)}: use letters, digits, '.', '_' or '-' (max 128)`);
  return `${sessionId}${EXT}`;
}

/**
 * The injected storage folder holding one journal per session, plus `quarantine/` for files that
 * could not be trusted.
 */
export class JournalStore {
  constructor(
    readonly dir: string,
    private readonly options: SessionJournalOptions = {},
  ) {}

  /** Creates the folder if needed. */
  async init(): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true });
  }

  /** Path of a session's journal. */
  fileOf(sessionId: string): string {
    return path.join(this.dir, journalFileName(sessionId));
  }

  /** Creates a new session journal holding `first`. */
  create(sessionId: string, first: readonly SessionEvent[], snapshotOf: () => SessionSnapshot): Promise<SessionJournal> {
    return SessionJournal.create(this.fileOf(sessionId), first, snapshotOf, this.options);
  }

  /**
   * Loads every journal in the folder. Corrupt files are quarantined (reported, never thrown);
   * every other session still loads. Leftover compaction temp files are removed (the journal
   * they were meant to replace is still whole).
   */
  async loadAll(
    snapshotOf: (sessionId: string) => () => SessionSnapshot,
    /** Sessions not to touch (already open in this process). */
    skip: (sessionId: string) => boolean = () => false,
  ): Promise<{ loaded: LoadedJournal[]; quarantined: QuarantineNotice[] }> {
    await this.init();
    const names = await fsp.readdir(this.dir);
    const loaded: LoadedJournal[] = [];
    const quarantined: QuarantineNotice[] = [];
    for (const name of names) {
      if (name.endsWith(`${EXT}.tmp`)) {
        if (!skip(name.slice(0, -`${EXT}.tmp`.length))) await fsp.rm(path.join(this.dir, name), { force: true });
        continue;
      }
      if (!name.endsWith(EXT)) continue;
      const file = path.join(this.dir, name);
      const sessionId = name.slice(0, -EXT.length);
      if (skip(sessionId)) continue;
      try {
        const bytes = await fsp.readFile(file);
        const decoded = decodeJournal(file, bytes);
        if (decoded.snapshot.id !== sessionId) throw new JournalCorruptError(file, 1, `holds session ${decoded.snapshot.id}, not ${sessionId}`);
        const journal = await SessionJournal.open(file, decoded.validBytes, decoded.records, snapshotOf(sessionId), this.options);
        loaded.push({ snapshot: decoded.snapshot, journal, ...(decoded.tornTail ? { tornTail: `${decoded.tornTail.why}; ${decoded.tornTail.bytes} bytes dropped` } : {}) });
      } catch (e) {
        const reason = e instanceof JournalCorruptError ? `record ${e.line}: ${e.detail}` : `cannot read: ${(e as Error).message}`;
        quarantined.push(await this.quarantine(sessionId, file, reason));
      }
    }
    return { loaded, quarantined };
  }

  /**
   * Loads one session's journal again (after a write failure, once the disk is back): the file
   * is the truth, a torn tail is cut. Throws (naming the file) if it cannot be read or decoded.
   */
  async loadOne(sessionId: string, snapshotOf: () => SessionSnapshot): Promise<LoadedJournal> {
    const file = this.fileOf(sessionId);
    const decoded = decodeJournal(file, await fsp.readFile(file));
    if (decoded.snapshot.id !== sessionId) throw new JournalCorruptError(file, 1, `holds session ${decoded.snapshot.id}, not ${sessionId}`);
    const journal = await SessionJournal.open(file, decoded.validBytes, decoded.records, snapshotOf, this.options);
    return { snapshot: decoded.snapshot, journal, ...(decoded.tornTail ? { tornTail: `${decoded.tornTail.why}; ${decoded.tornTail.bytes} bytes dropped` } : {}) };
  }

  /** Moves a bad journal to `quarantine/` with a `.reason.txt` beside it. */
  async quarantine(sessionId: string, file: string, reason: string): Promise<QuarantineNotice> {
    const qdir = path.join(this.dir, 'quarantine');
    await fsp.mkdir(qdir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const movedTo = path.join(qdir, `${path.basename(file)}.${stamp}.corrupt`);
    await fsp.rename(file, movedTo);
    await fsp.writeFile(`${movedTo}.reason.txt`, `${file}\n${reason}\n`);
    if (!this.options.unsafeNoSync) await fsyncDir(this.dir).catch(() => undefined);
    return {
      sessionId,
      file,
      movedTo,
      reason,
      message: `Session journal ${file} is corrupted (${reason}); it was moved to ${movedTo} and session ${sessionId} was not loaded. Other sessions are unaffected.`,
    };
  }

  /** Deletes a session's journal (after the user removes the session). */
  async remove(sessionId: string): Promise<void> {
    await fsp.rm(this.fileOf(sessionId), { force: true });
  }
}
