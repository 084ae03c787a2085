import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import { SessionManager } from '../../../src/engine/session/sessionManager';
import { countMarkers, LEDGER_STEPS, prepareWorkload, workloadAgent, workloadDirs, workloadPlan, workloadServers, type WorkloadDirs } from '../../../src/cli/chaosWorkload';
import type { SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { waitFor } from '../../unit/execution/fixtures';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('execution against real MCP servers (filesystem, memory, everything)', function () {
  this.timeout(180_000);
  let root: string;
  let dirs: WorkloadDirs;
  const disposables: { close(): Promise<void> }[] = [];
  const cms: ConnectionManager[] = [];
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'strata-exec-int-'));
    dirs = workloadDirs(root);
  });
  afterEach(async () => {
    for (const d of disposables.splice(0)) await d.close();
    for (const c of cms.splice(0)) c.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  function cm(): ConnectionManager {
    const c = new ConnectionManager({ servers: workloadServers(ROOT, dirs), policy: { maxQueuedCalls: 1024, maxConcurrentCalls: 16 } });
    cms.push(c);
    return c;
  }

  it('runs 100 sessions concurrently in one process over a handful of shared servers, each side effect exactly once', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `load-${String(i).padStart(3, '0')}`);
    await prepareWorkload(dirs, ids);
    const gateway = cm();
    const m = new SessionManager({ storageDir: dirs.journal, gateway, agentFor: () => workloadAgent(dirs, 10), maxConcurrentSteps: 64 });
    disposables.push(m);
    const t0 = Date.now();
    await Promise.all(ids.map((id) => m.create(workloadPlan(id), { id })));
    const results = await Promise.all(ids.map((id) => m.run(id)));
    const ms = Date.now() - t0;
    const notDone = results.filter((r) => r.status.kind !== 'completed').map((r) => `${r.id}: ${JSON.stringify(r.status)}`);
    assert.deepEqual(notDone, []);
    for (const id of ids) for (const step of LEDGER_STEPS) assert.equal(await countMarkers(dirs, id, step), 1, `${id} ${step}`);
    const calls = results.reduce((n, r) => n + r.toolCallCount, 0);
    assert.equal(calls, 100 * 10);
    assert.equal(gateway.pids().size, 3, 'three shared server processes');
    assert.ok(m.concurrency.peak > 8, `steps overlapped (peak ${m.concurrency.peak})`);
    console.log(`      100 sessions, ${calls} tool calls through 3 real servers in ${ms} ms; peak concurrent steps ${m.concurrency.peak}`);
  });

  it('time waiting for approval never counts against the call timeout (real server, 300 ms timeout, 900 ms wait)', async () => {
    await prepareWorkload(dirs, ['approve-1']);
    const m = new SessionManager({
      storageDir: dirs.journal,
      gateway: cm(),
      agentFor: () => workloadAgent(dirs, 1),
      execution: { callTimeoutMs: 300, approval: { default: 'auto', servers: { fs: { default: 'always-ask' } } } },
    });
    disposables.push(m);
    await m.create(workloadPlan('approve-1'), { id: 'approve-1' });
    m.start('approve-1');
    const approvals = new Set<string>();
    for (;;) {
      const s = await waitFor(m, 'approve-1', (x) => x.status.kind === 'completed' || x.waits.some((w) => !approvals.has(w.id)), 30_000);
      if (s.status.kind === 'completed') break;
      const w = s.waits.find((x) => !approvals.has(x.id))!;
      approvals.add(w.id);
      assert.equal(w.request.kind, 'approval');
      await new Promise((r) => setTimeout(r, 900));
      await m.answer('approve-1', w.id, { kind: 'approve' });
    }
    const done = m.get('approve-1')!;
    assert.equal(approvals.size, 4, 'two fs calls in each of the two L3 steps');
    assert.ok(done.calls.filter((c) => c.server === 'fs').every((c) => c.status === 'ok'), JSON.stringify(done.calls.map((c) => [c.tool, c.status, c.error])));
    for (const step of LEDGER_STEPS) assert.equal(await countMarkers(dirs, 'approve-1', step), 1);
  });

  it('recovers after a crash mid-run: no session lost, no side effect applied twice', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `crash-${String(i).padStart(2, '0')}`);
    await prepareWorkload(dirs, ids);
    const a = new SessionManager({ storageDir: dirs.journal, gateway: cm(), agentFor: () => workloadAgent(dirs, 40), maxConcurrentSteps: 16 });
    disposables.push(a);
    await Promise.all(ids.map((id) => a.create(workloadPlan(id), { id })));
    for (const id of ids) a.start(id);
    // Crash once some L3 side effects have happened (and others are in flight or not started).
    await waitFor(a, ids[0]!, (s) => s.calls.some((c) => c.tool === 'edit_file'), 30_000);
    const crashDir = path.join(root, 'journal-at-crash');
    cpSync(dirs.journal, crashDir, { recursive: true });
    await a.close();
    const done = ids.filter((id) => a.get(id)!.status.kind === 'completed').length;

    // Let the first coordinator's in-flight side effects settle, as after a real crash.
    await new Promise((r) => setTimeout(r, 300));
    const b = new SessionManager({ storageDir: crashDir, gateway: cm(), agentFor: () => workloadAgent(dirs, 5), maxConcurrentSteps: 16 });
    disposables.push(b);
    // The user's decision on uncertain calls: look at the ledger, as a person would.
    const answered = new Set<string>();
    const decide = async (s: SessionSnapshot): Promise<void> => {
      for (const w of s.waits) {
        if (w.request.kind !== 'uncertain-call' || answered.has(w.id)) continue;
        answered.add(w.id);
        const n = await countMarkers(dirs, s.id, w.stepId);
        await b.answer(s.id, w.id, n > 0 ? { kind: 'assume-done', note: 'marker present' } : { kind: 'retry' });
      }
    };
    b.onDidChange((c) => void decide(c.session).catch((e) => console.error(e)));
    const report = await b.recoverAll();
    assert.equal(report.loaded.length, ids.length);
    assert.equal(report.quarantined.length, 0);
    for (const s of b.list()) await decide(s);
    const final = await Promise.all(ids.map((id) => waitFor(b, id, (s) => s.status.kind === 'completed', 30_000)));
    assert.equal(final.length, ids.length);
    for (const id of ids) for (const step of LEDGER_STEPS) assert.equal(await countMarkers(dirs, id, step), 1, `${id} ${step}`);
    console.log(`      crash with ${done}/${ids.length} sessions completed; recovered ${report.loaded.length} in ${report.ms} ms, ${answered.size} uncertain calls decided by the user`);
  });
});
