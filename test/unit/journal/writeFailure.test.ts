import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SessionManager } from '../../../src/engine/session/sessionManager';
import { ScriptedAgent } from '../../../src/engine/agents/scriptedAgent';
import { decodeJournal } from '../../../src/engine/journal/journalCodec';
import type { SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { plan, step, TestGateway, waitFor } from '../execution/fixtures';

/** A disk-full error as Node reports it. */
function enospc(file: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, write '${file}'`);
  e.code = 'ENOSPC';
  return e;
}

const chain = () =>
  plan([
    step('L1:solution-architect', 'solution-architect', 'L1'),
    step('L3:backend-developer', 'backend-developer', 'L3', ['L1:solution-architect']),
    step('L4:cloud-cli-wrapper', 'cloud-cli-wrapper', 'L4', ['L3:backend-developer']),
  ]);

describe('journal write failure: memory never runs ahead of disk', () => {
  let dir: string;
  let mgr: SessionManager | undefined;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'strata-wfail-'))));
  afterEach(async () => {
    await mgr?.close();
    mgr = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops only the failing session with a reason naming the file and error, and resumes without re-running completed steps', async () => {
    let failFile: string | undefined;
    const errors: unknown[] = [];
    const gw = new TestGateway();
    const failingId = 'sess-a';
    const agent = new ScriptedAgent((ctx) => {
      // The disk fills while session A is at its second step.
      if (ctx.sessionId === failingId && ctx.step.id === 'L3:backend-developer' && failFile === undefined) failFile = path.join(dir, `${failingId}.journal`);
      return [{ call: { server: 'srv', tool: 'read', args: { text: `${ctx.sessionId}:${ctx.step.id}` } } }];
    });
    mgr = new SessionManager({
      storageDir: dir,
      gateway: gw,
      agentFor: () => agent,
      onError: (e) => errors.push(e),
      journal: {
        faultHook: (file) => {
          if (file === failFile) throw enospc(file);
        },
      },
    });
    const m = mgr;
    // (a) every change a listener sees is already on disk.
    const aheadOfDisk: string[] = [];
    m.onDidChange((c) => {
      if (c.session.id !== failingId || c.events.length === 0) return;
      const disk = decodeJournal('x', readFileSync(path.join(dir, `${failingId}.journal`))).snapshot;
      for (const id of c.session.stepOrder) {
        if (c.session.steps[id]!.status !== disk.steps[id]?.status) aheadOfDisk.push(`${c.events.join(',')}: ${id} is ${c.session.steps[id]!.status} in memory, ${disk.steps[id]?.status} on disk`);
      }
      if (c.session.calls.length > disk.calls.length) aheadOfDisk.push(`${c.events.join(',')}: ${c.session.calls.length} calls in memory, ${disk.calls.length} on disk`);
      if (c.session.status.kind !== disk.status.kind) aheadOfDisk.push(`${c.events.join(',')}: status ${c.session.status.kind} vs ${disk.status.kind}`);
    });

    const a = await m.create(chain(), { id: failingId });
    const b = await m.create(chain(), { id: 'sess-b' });
    const runA = m.run(a.id);
    const runB = m.run(b.id);
    const stoppedA = await runA;

    // (b) stopped with a reason naming the file and the OS error.
    assert.equal(stoppedA.status.kind, 'failed');
    const reason = stoppedA.status.kind === 'failed' ? stoppedA.status.reason : undefined;
    assert.equal(reason?.kind, 'internal');
    assert.match(reason?.kind === 'internal' ? reason.message : '', /^journal write failed: .*sess-a\.journal: ENOSPC/);
    const onDisk = decodeJournal('x', readFileSync(path.join(dir, `${failingId}.journal`))).snapshot;
    const inMemory = m.get(a.id)!;
    assert.deepEqual(inMemory.calls, onDisk.calls, 'get() shows no call that is not on disk');
    assert.deepEqual(inMemory.steps, onDisk.steps, 'get() shows no step change that is not on disk');
    assert.ok(errors.some((e) => /sess-a\.journal/.test(String(e))), 'the failure is reported to onError');
    assert.deepEqual(m.get(a.id)!.steps['L1:solution-architect']!.status, 'succeeded');
    assert.equal(m.get(a.id)!.steps['L4:cloud-cli-wrapper']!.status, 'pending', 'no step after the failure started');
    assert.equal(gw.calls.filter((c) => String(c.args.text).startsWith('sess-a:L4')).length, 0, 'no tool call whose record cannot be kept');

    // (c) the other session keeps working.
    const doneB = await runB;
    assert.equal(doneB.status.kind, 'completed');

    // A further run while the disk is still full fails again, cleanly.
    await assert.rejects(m.run(a.id), /journal write failed: .*sess-a\.journal: ENOSPC/);
    assert.equal(m.get(a.id)!.status.kind, 'failed');
    assert.equal(m.get(a.id)!.steps['L1:solution-architect']!.status, 'succeeded');

    // (d) the disk recovers: retry resumes; completed steps are not re-run.
    failFile = 'recovered';
    const runsBefore = agent.runs.filter((r) => r.stepId === 'L1:solution-architect').length;
    await m.retryStep(a.id, 'L3:backend-developer');
    const doneA = await waitFor(m, a.id, (s) => s.status.kind === 'completed');
    assert.equal(agent.runs.filter((r) => r.stepId === 'L1:solution-architect').length, runsBefore, 'the completed step was not run again');
    assert.equal(gw.calls.filter((c) => c.args.text === 'sess-a:L1:solution-architect').length, 1, 'the completed step made its call once');
    assert.equal(gw.calls.filter((c) => c.args.text === 'sess-a:L4:cloud-cli-wrapper').length, 1);
    assert.deepEqual(aheadOfDisk, [], 'a listener saw state that was not on disk');

    // A fresh manager over the same folder sees the same state.
    await m.close();
    mgr = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => agent });
    await mgr.recoverAll({ resume: false });
    const again = mgr.get(a.id)!;
    const shape = (s: SessionSnapshot) => ({ status: s.status, steps: s.stepOrder.map((id) => [id, s.steps[id]!.status]), calls: s.calls.map((c) => [c.tool, c.status, c.args]) });
    assert.deepEqual(shape(again), shape(doneA));
    assert.equal(mgr.get(b.id)!.status.kind, 'completed');
  });

  it('compaction snapshots every fsynced event (durable model may lag the file by a microtask)', async () => {
    const agent = new ScriptedAgent((ctx) => [{ call: { server: 'srv', tool: 'read', args: { text: ctx.step.id } } }]);
    mgr = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => agent, journal: { compactEvery: 2 } });
    const s = await mgr.create(chain());
    const done = await mgr.run(s.id);
    assert.equal(done.status.kind, 'completed');
    await mgr.close();
    mgr = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => agent });
    const report = await mgr.recoverAll({ resume: false });
    assert.deepEqual(report.quarantined, []);
    // JSON drops undefined fields; `recoveries` and `updatedAt` change on load.
    const norm = (x: SessionSnapshot) => JSON.parse(JSON.stringify({ ...x, recoveries: 0, updatedAt: 0 })) as unknown;
    assert.deepEqual(norm(mgr.get(s.id)!), norm(done));
  });

  it('a write-failed session can be cancelled once the disk is back (and not before)', async () => {
    let full = false;
    const agent = new ScriptedAgent((ctx) => {
      if (ctx.step.id === 'L3:backend-developer') full = true;
      return [{ call: { server: 'srv', tool: 'read', args: { text: ctx.step.id } } }];
    });
    mgr = new SessionManager({
      storageDir: dir,
      gateway: new TestGateway(),
      agentFor: () => agent,
      onError: () => undefined,
      journal: {
        faultHook: (file, op) => {
          if (full && op === 'sync') {
            const e: NodeJS.ErrnoException = new Error(`EIO: i/o error, fdatasync '${file}'`);
            e.code = 'EIO';
            throw e;
          }
        },
      },
    });
    const s = await mgr.create(chain());
    const stopped = await mgr.run(s.id);
    assert.match(stopped.status.kind === 'failed' && stopped.status.reason.kind === 'internal' ? stopped.status.reason.message : stopped.status.kind, /journal write failed: .*\.journal: EIO/);
    await assert.rejects(mgr.cancel(s.id), /EIO/);
    full = false;
    await mgr.cancel(s.id, 'disk trouble');
    assert.equal(mgr.get(s.id)!.status.kind, 'cancelled');
    await mgr.close();
    mgr = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => agent });
    await mgr.recoverAll({ resume: false });
    assert.equal(mgr.get(s.id)!.status.kind, 'cancelled');
    assert.equal(mgr.get(s.id)!.steps['L1:solution-architect']!.status, 'succeeded');
  });
});
