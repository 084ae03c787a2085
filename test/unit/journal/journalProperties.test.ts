import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeJournal, encodeRecord, JournalCorruptError } from '../../../src/engine/journal/journalCodec';
import { applyEvent, type SessionEvent, type SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { diamondPlan } from '../execution/fixtures';

/** A realistic journal: created, running, a step with calls, waits and usage. */
function journalEvents(n: number): SessionEvent[] {
  const ev: SessionEvent[] = [
    { type: 'created', at: 1, id: 'p', title: 't', plan: diamondPlan(), budget: {} },
    { type: 'status', at: 2, status: { kind: 'running' } },
  ];
  const handoff = diamondPlan().steps[0]!.handoff;
  ev.push({ type: 'step-started', at: 3, stepId: 'L0:system-overseer', attempt: 1, persona: 'system-overseer', handoff, servers: ['srv'] });
  for (let i = 0; i < n; i++) {
    const callId = `c${i}`;
    ev.push({ type: 'call-started', at: 4 + i, call: { callId, stepId: 'L0:system-overseer', attempt: 1, seq: i, server: 'srv', tool: 'read', args: { i, text: 'é✓ unicode' }, readOnly: true, idempotent: true, startedAt: 4 + i, status: 'started' } });
    ev.push({ type: 'call-finished', at: 5 + i, callId, status: 'ok', result: JSON.stringify([{ type: 'text', text: `r${i}` }]), resultSize: 30 });
    ev.push({ type: 'usage', at: 6 + i, stepId: 'L0:system-overseer', usage: { inputTokens: i, outputTokens: 1 } });
  }
  return ev;
}

function prefixes(ev: SessionEvent[]): SessionSnapshot[] {
  const out: SessionSnapshot[] = [];
  let m: SessionSnapshot | undefined;
  for (const e of ev) out.push((m = applyEvent(m, e)));
  return out;
}

describe('journal properties (fast-check)', () => {
  const ev = journalEvents(12);
  const text = ev.map(encodeRecord).join('');
  const bytes = Buffer.from(text);
  const models = prefixes(ev);
  const firstLen = Buffer.byteLength(encodeRecord(ev[0]!));

  it('a journal cut at any byte recovers exactly the complete records before the cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length }), (cut) => {
        const part = bytes.subarray(0, cut);
        if (cut < firstLen) {
          assert.throws(() => decodeJournal('f', part), JournalCorruptError);
          return;
        }
        const d = decodeJournal('f', part);
        const complete = part.toString('utf8').split('\n').length - 1;
        assert.equal(d.records, complete);
        assert.deepEqual(d.snapshot, models[complete - 1]);
        assert.equal(d.validBytes <= cut, true);
      }),
      { numRuns: 300 },
    );
  });

  it('a single flipped bit is never accepted as data: corrupt, or the last record dropped', () => {
    const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 7 }), (pos, bit) => {
        const b = Buffer.from(bytes);
        b[pos] = b[pos]! ^ (1 << bit);
        let d;
        try {
          d = decodeJournal('f', b);
        } catch (e) {
          assert.ok(e instanceof JournalCorruptError);
          return;
        }
        // Accepted: only possible when the flip hit the final record (dropped as torn).
        assert.ok(pos >= lastStart - 1, `flip at ${pos} (last record starts at ${lastStart}) was accepted`);
        // A flip of the newline before the last record merges the last two: both are dropped.
        assert.deepEqual(d.snapshot, models[models.length - (pos === lastStart - 1 ? 3 : 2)]);
      }),
      { numRuns: 500, examples: [[lastStart - 1, 0], [bytes.length - 1, 3], [lastStart + 3, 1]] },
    );
  });
});
