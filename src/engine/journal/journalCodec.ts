import { planSchema } from '../plan/planSchema';
import { applyEvent, SESSION_EVENT_TYPES, type SessionEvent, type SessionSnapshot } from '../session/sessionModel';
import { crc32Hex } from './crc32';

/**
 * Journal record format: one record per line, `<crc32 as 8 hex digits> <event JSON>\n`.
 * JSON.stringify never emits a raw newline, so a line is a record. The checksum covers the JSON's
 * UTF-8 bytes.
 *
 * Reading rules (documented in docs/execution.md):
 * - the final record may be torn (a crash mid-append): if it has no newline, or fails its
 *   checksum/parse, it is dropped and the file is truncated to the last good record;
 * - any earlier record that fails is corruption: the file is quarantined, never guessed at.
 */

/** Encodes one event as a journal line (with its trailing newline). */
export function encodeRecord(event: SessionEvent): string {
  const json = JSON.stringify(event);
  return `${crc32Hex(json)} ${json}\n`;
}

/** Why a journal could not be read. */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}: record ${line}: ${detail}`);
    this.name = 'JournalCorruptError';
  }
}

/** The result of decoding a journal's bytes. */
export interface DecodedJournal {
  readonly snapshot: SessionSnapshot;
  /** Good records read. */
  readonly records: number;
  /** Byte length of the good prefix (the file is truncated to it if longer). */
  readonly validBytes: number;
  /** Set when a torn final record was dropped. */
  readonly tornTail?: { readonly bytes: number; readonly why: string };
}

function checkRecord(line: string): SessionEvent | string {
  if (line.length < 10 || line[8] !== ' ') return 'malformed record (no checksum prefix)';
  const sum = line.slice(0, 8);
  const json = line.slice(9);
  if (!/^[0-9a-f]{8}$/.test(sum)) return 'malformed checksum';
  const actual = crc32Hex(json);
  if (actual !== sum) return `checksum mismatch (stored ${sum}, computed ${actual})`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'record is not an object';
  const v = value as { type?: unknown; at?: unknown };
  if (typeof v.type !== 'string' || !(SESSION_EVENT_TYPES as readonly string[]).includes(v.type)) return `unknown record type ${JSON.stringify(v.type)}`;
  if (typeof v.at !== 'number') return `record '${v.type}' has no numeric 'at'`;
  // The plan is the one part of a record that other components parse further: validate it.
  if (v.type === 'created') {
    const p = planSchema.safeParse((value as { plan?: unknown }).plan);
    if (!p.success) return `'created' record holds an invalid plan: ${p.error.issues[0]?.path.join('.')}: ${p.error.issues[0]?.message}`;
  }
  if (v.type === 'snapshot') {
    const snap = (value as { snapshot?: { plan?: unknown; id?: unknown; steps?: unknown } }).snapshot;
    if (!snap || typeof snap.id !== 'string' || typeof snap.steps !== 'object') return `'snapshot' record is malformed`;
    const p = planSchema.safeParse(snap.plan);
    if (!p.success) return `'snapshot' record holds an invalid plan`;
  }
  return value as SessionEvent;
}

/**
 * Decodes a journal. Throws {@link JournalCorruptError} when the file cannot be trusted.
 * `file` is only used in messages.
 */
export function decodeJournal(file: string, bytes: Buffer): DecodedJournal {
  let model: SessionSnapshot | undefined;
  let offset = 0;
  let records = 0;
  let lineNo = 0;
  while (offset < bytes.length) {
    lineNo++;
    const nl = bytes.indexOf(0x0a, offset);
    const isLast = nl < 0 || nl === bytes.length - 1;
    if (nl < 0) {
      // No newline: the append was torn.
      if (!model) throw new JournalCorruptError(file, lineNo, 'the first record is incomplete');
      return { snapshot: model, records, validBytes: offset, tornTail: { bytes: bytes.length - offset, why: 'final record has no newline (torn write)' } };
    }
    const line = bytes.subarray(offset, nl).toString('utf8');
    const rec = checkRecord(line);
    if (typeof rec === 'string') {
      if (isLast && model) return { snapshot: model, records, validBytes: offset, tornTail: { bytes: bytes.length - offset, why: `final record dropped: ${rec}` } };
      throw new JournalCorruptError(file, lineNo, rec);
    }
    if (!model && rec.type !== 'created' && rec.type !== 'snapshot') throw new JournalCorruptError(file, lineNo, `journal starts with '${rec.type}' instead of 'created' or 'snapshot'`);
    try {
      model = applyEvent(model, rec);
    } catch (e) {
      throw new JournalCorruptError(file, lineNo, `record does not fit the session: ${(e as Error).message}`);
    }
    records++;
    offset = nl + 1;
  }
  if (!model) throw new JournalCorruptError(file, 0, 'empty journal');
  return { snapshot: model, records, validBytes: offset };
}
