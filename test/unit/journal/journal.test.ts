import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { crc32, crc32Hex } from '../../../src/engine/journal/crc32';
import { decodeJournal, encodeRecord, JournalCorruptError } from '../../../src/engine/journal/journalCodec';
import { JournalStore } from '../../../src/engine/journal/journalStore';
import { SessionJournal } from '../../../src/engine/journal/sessionJournal';
import { applyEvent, type SessionEvent, type SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { diamondPlan } from '../execution/fixtures';

function events(id: string, n = 3): SessionEvent[] {
  const out: SessionEvent[] = [{ type: 'created', at: 1, id, title: 't', plan: diamondPlan(), budget: {} }, { type: 'status', at: 2, status: { kind: 'running' } }];
  for (let i = 0; i < n; i++) out.push({ type: 'usage', at: 3 + i, stepId: 'L0:system-overseer', usage: { inputTokens: 10, outputTokens: 1 } });
  return out;
}

function fold(ev: SessionEvent[]): SessionSnapshot {
  return ev.reduce<SessionSnapshot | undefined>((m, e) => applyEvent(m, e), undefined)!;
}

describe('journal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'strata-journal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('crc32 matches the standard check value', () => {
    assert.equal(crc32('123456789'), 0xcbf43926);
    assert.equal(crc32Hex(''), '00000000');
    assert.equal(crc32Hex(Buffer.from([0xff])), 'ff000000');
  });

  it('round-trips records and rebuilds the session', () => {
    const ev = events('s1');
    const bytes = Buffer.from(ev.map(encodeRecord).join(''));
    const d = decodeJournal('f', bytes);
    assert.equal(d.records, ev.length);
    assert.equal(d.validBytes, bytes.length);
    assert.equal(d.tornTail, undefined);
    assert.deepEqual(d.snapshot, fold(ev));
    assert.equal(d.snapshot.usage.inputTokens, 30);
  });

  it('drops a torn last record (no newline) and keeps the rest', () => {
    const ev = events('s1');
    const good = ev.map(encodeRecord).join('');
    const torn = encodeRecord({ type: 'usage', at: 9, stepId: 'L0:system-overseer', usage: { inputTokens: 1000, outputTokens: 0 } }).slice(0, 30);
    const d = decodeJournal('f', Buffer.from(good + torn));
    assert.equal(d.records, ev.length);
    assert.equal(d.validBytes, Buffer.byteLength(good));
    assert.match(d.tornTail!.why, /torn/);
    assert.equal(d.snapshot.usage.inputTokens, 30);
  });

  it('drops a final record whose checksum fails (partially written sector)', () => {
    const ev = events('s1');
    const lines = ev.map(encodeRecord);
    const last = lines.pop()!;
    const broken = last.replace('"inputTokens":10', '"inputTokens":99');
    const d = decodeJournal('f', Buffer.from(lines.join('') + broken));
    assert.equal(d.records, ev.length - 1);
    assert.match(d.tornTail!.why, /checksum mismatch/);
  });

  it('refuses a bit flip in an earlier record, naming the record', () => {
    const ev = events('s1');
    const bytes = Buffer.from(ev.map(encodeRecord).join(''));
    const second = bytes.indexOf(0x0a) + 1 + 20; // inside record 2
    bytes[second] = bytes[second]! ^ 0x04;
    assert.throws(() => decodeJournal('f', bytes), (e: unknown) => e instanceof JournalCorruptError && e.line === 2 && /checksum mismatch/.test(e.detail));
  });

  it('refuses a journal truncated inside its first record', () => {
    const bytes = Buffer.from(encodeRecord(events('s1')[0]!).slice(0, 50));
    assert.throws(() => decodeJournal('f', bytes), /first record is incomplete/);
  });

  it('refuses records that do not fit the session (illegal transition)', () => {
    const ev = events('s1', 0);
    ev.push({ type: 'status', at: 5, status: { kind: 'planned' } } as SessionEvent, { type: 'status', at: 6, status: { kind: 'running' } });
    assert.throws(() => decodeJournal('f', Buffer.from(ev.map(encodeRecord).join(''))), /record 3: record does not fit the session: .*illegal transition running → planned/);
  });

  it('quarantines a corrupt journal with a message naming it, and loads every other session', async () => {
    const store = new JournalStore(dir);
    await store.init();
    for (const id of ['a', 'b', 'c']) {
      const ev = events(id);
      let m = fold(ev);
      const j = await store.create(id, ev, () => m);
      m = fold(ev);
      await j.close();
    }
    // bit-flip b in its second record; truncate c mid-record (torn tail)
    const fb = store.fileOf('b');
    const bb = readFileSync(fb);
    bb[bb.indexOf(0x0a) + 15]! ^= 0x01;
    writeFileSync(fb, bb);
    const fc = store.fileOf('c');
    const cb = readFileSync(fc);
    writeFileSync(fc, cb.subarray(0, cb.length - 7));
    const snaps = new Map<string, SessionSnapshot>();
    const { loaded, quarantined } = await new JournalStore(dir).loadAll((id) => () => snaps.get(id)!);
    assert.deepEqual(loaded.map((l) => l.snapshot.id).sort(), ['a', 'c']);
    assert.equal(quarantined.length, 1);
    assert.equal(quarantined[0]!.sessionId, 'b');
    assert.ok(quarantined[0]!.message.includes(fb), 'the message names the file');
    assert.match(quarantined[0]!.message, /record 2: checksum mismatch/);
    assert.ok(!existsSync(fb));
    assert.ok(existsSync(quarantined[0]!.movedTo));
    assert.ok(existsSync(`${quarantined[0]!.movedTo}.reason.txt`));
    const c = loaded.find((l) => l.snapshot.id === 'c')!;
    assert.match(c.tornTail!, /torn/);
    assert.equal(statSync(fc).size, cb.length - (cb.length - cb.lastIndexOf(0x0a, cb.length - 2) - 1), 'torn tail cut off the file');
    for (const l of loaded) await l.journal.close();
  });

  it('group-commits concurrent appends and compacts into a snapshot via temp file + rename', async () => {
    const ev = events('s1', 0);
    let m = fold(ev);
    const file = path.join(dir, 's1.journal');
    const j = await SessionJournal.create(file, ev, () => m, { compactEvery: 10 });
    const more: SessionEvent[] = [];
    for (let i = 0; i < 25; i++) more.push({ type: 'usage', at: 10 + i, stepId: 'L0:system-overseer', usage: { inputTokens: 1, outputTokens: 1 } });
    await Promise.all(
      more.map((e) => {
        m = applyEvent(m, e);
        return j.append([e]);
      }),
    );
    await j.flushed();
    await j.close();
    const d = decodeJournal(file, readFileSync(file));
    assert.deepEqual(d.snapshot.usage, m.usage, 'the file reproduces the live model');
    assert.ok(d.records < 27, `compacted (${d.records} records for 27 events)`);
    assert.match(readFileSync(file, 'utf8').split('\n')[0]!, /"type":"snapshot"/);
    assert.deepEqual(readdirSync(dir), ['s1.journal'], 'no temp file left');
  });

  it('removes a leftover compaction temp file and keeps the journal it did not replace', async () => {
    const store = new JournalStore(dir);
    await store.init();
    const ev = events('a');
    const m = fold(ev);
    const j = await store.create('a', ev, () => m);
    await j.close();
    writeFileSync(`${store.fileOf('a')}.tmp`, 'half a snapsh');
    const { loaded, quarantined } = await store.loadAll(() => () => m);
    assert.equal(loaded.length, 1);
    assert.equal(quarantined.length, 0);
    assert.ok(!existsSync(`${store.fileOf('a')}.tmp`));
    await loaded[0]!.journal.close();
  });
});
