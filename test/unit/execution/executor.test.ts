import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SessionManager } from '../../../src/engine/session/sessionManager';
import { ScriptedAgent } from '../../../src/engine/agents/scriptedAgent';
import type { Agent } from '../../../src/engine/agents/agent';
import { diamondPlan, plan, step, TestGateway, waitFor } from './fixtures';

describe('executor: DAG, parallelism, concurrency bound', () => {
  let dir: string;
  let mgr: SessionManager | undefined;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'strata-exec-'))));
  afterEach(async () => {
    await mgr?.close();
    mgr = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  function manager(agent: Agent, gw = new TestGateway(), maxConcurrentSteps = 8): SessionManager {
    mgr = new SessionManager({ storageDir: dir, gateway: gw, agentFor: () => agent, maxConcurrentSteps, onError: (e) => { throw e; } });
    return mgr;
  }

  it('runs steps in dependency order and flows hand-offs downstream', async () => {
    const order: string[] = [];
    const agent = new ScriptedAgent((ctx) => {
      order.push(ctx.step.id);
      return [{ call: { server: 'srv', tool: 'read', args: { text: ctx.step.id } } }];
    });
    const m = manager(agent);
    const s = await m.create(diamondPlan());
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'completed');
    assert.equal(order[0], 'L0:system-overseer');
    assert.equal(order[1], 'L1:solution-architect');
    assert.deepEqual(order.slice(2, 4).sort(), ['L3:backend-developer', 'L3:database-expert']);
    assert.equal(order[4], 'L4:cloud-cli-wrapper');
    const l4 = done.steps['L4:cloud-cli-wrapper']!;
    assert.deepEqual(l4.handoff.artifacts.map((a) => a.fromStep).sort(), ['L3:backend-developer', 'L3:database-expert']);
    assert.equal(done.calls.length, 5);
    assert.ok(done.calls.every((c) => c.status === 'ok'));
    for (const id of done.stepOrder) assert.equal(done.steps[id]!.attempts.length, 1);
  });

  it('runs the personas of one layer in parallel', async () => {
    const gw = new TestGateway();
    const agent = new ScriptedAgent((ctx) => (ctx.step.layer === 'L3' ? [{ call: { server: 'srv', tool: 'slow', args: { ms: 150 } } }] : []));
    const m = manager(agent, gw);
    const s = await m.create(diamondPlan());
    await m.run(s.id);
    assert.equal(gw.peakInFlight, 2, 'both L3 steps were in flight together');
  });

  it('never runs more steps at once than the global bound, across sessions', async () => {
    const gw = new TestGateway();
    const agent = new ScriptedAgent(() => [{ call: { server: 'srv', tool: 'slow', args: { ms: 30 } } }]);
    const m = manager(agent, gw, 3);
    const wide = plan(['a', 'b', 'c', 'd', 'e'].map((x) => step(`L3:${x}`, 'backend-developer', 'L3')));
    const ids = await Promise.all([1, 2, 3].map(async (i) => (await m.create(wide, { id: `wide-${i}` })).id));
    const results = await Promise.all(ids.map((id) => m.run(id)));
    assert.ok(results.every((r) => r.status.kind === 'completed'));
    assert.equal(m.concurrency.peak, 3);
    assert.ok(gw.peakInFlight <= 3);
  });

  it('scopes each step to its servers: a call outside them fails the step', async () => {
    const gw = new TestGateway(['srv', 'other']);
    const agent = new ScriptedAgent((ctx) => (ctx.step.id === 'L3:x' ? [{ call: { server: 'other', tool: 'read', args: {} } }] : []));
    mgr = new SessionManager({
      storageDir: dir,
      gateway: gw,
      agentFor: () => agent,
      onError: () => undefined,
      execution: { ladder: undefined },
    });
    const p = plan([step('L3:x', 'backend-developer', 'L3', [], ['srv'])]);
    const s = await mgr.create(p);
    mgr.start(s.id);
    const st = await waitFor(mgr, s.id, (x) => x.status.kind === 'escalated');
    assert.equal(gw.calls.length, 0, 'the out-of-scope call never reached the gateway');
    assert.match(st.waits[0]!.request.kind, /escalation/);
    assert.match(JSON.stringify(st.waits[0]!.request), /not in this persona's scope/);
  });

  it('stores tool calls with arguments, truncating large results and keeping their size', async () => {
    const big = 'x'.repeat(5000);
    const m2 = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => new ScriptedAgent([{ call: { server: 'srv', tool: 'read', args: { text: big } } }]), execution: { maxStoredResultChars: 1000 } });
    mgr = m2;
    const s = await m2.create(plan([step('L3:x', 'backend-developer', 'L3')]));
    const done = await m2.run(s.id);
    const c = done.calls[0]!;
    assert.deepEqual(c.args, { text: big });
    assert.equal(c.truncated, true);
    assert.equal(c.result!.length, 1000);
    assert.ok(c.resultSize! > 5000);
    assert.ok(c.endedAt! >= c.startedAt);
  });

  it('leaves out a scoped server the gateway cannot serve (permanent) and says so in the hand-off', async () => {
    const gw = new TestGateway(['srv']);
    let seen: { tools: string[]; constraints: string[] } | undefined;
    const agent: Agent = {
      kind: 'scripted',
      runStep: async (ctx) => {
        seen = { tools: ctx.tools.map((t) => `${t.server}/${t.name}`), constraints: [...ctx.handoff.constraints] };
        return { kind: 'done', summary: 'ok' };
      },
    };
    const m = manager(agent, gw);
    const s = await m.create(plan([step('L3:x', 'backend-developer', 'L3', [], ['srv', 'gone'])]));
    assert.equal((await m.run(s.id)).status.kind, 'completed');
    assert.deepEqual(seen!.tools, ['srv/read', 'srv/write', 'srv/slow']);
    assert.match(seen!.constraints.join(), /server unavailable: gone: no such server/);
  });
});
