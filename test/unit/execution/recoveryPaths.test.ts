import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SessionManager, AnswerRejectedError } from '../../../src/engine/session/sessionManager';
import { ScriptedAgent } from '../../../src/engine/agents/scriptedAgent';
import { ManualAgent } from '../../../src/engine/agents/manualAgent';
import type { Agent } from '../../../src/engine/agents/agent';
import type { ExecutionOptions } from '../../../src/engine/execution/executionOptions';
import { ToolGatewayError, type ToolCallResult } from '../../../src/engine/tools/toolGateway';
import { plan, step, TestGateway, waitFor } from './fixtures';

/** A gateway whose `write` blocks until released (to freeze a call in flight). */
class GatedGateway extends TestGateway {
  gate: Promise<void> = new Promise(() => undefined);
  entered: Promise<void>;
  private enter!: () => void;
  constructor() {
    super();
    this.entered = new Promise((r) => (this.enter = r));
  }
  override async callTool(server: string, tool: string, args: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<ToolCallResult> {
    if (tool === 'write' || tool === 'slow') {
      this.calls.push({ server, tool, args });
      this.enter();
      await this.gate;
      return { isError: false, content: [{ type: 'text', text: 'written' }] };
    }
    return super.callTool(server, tool, args, options);
  }
}

describe('executor: recovery paths', () => {
  let dirs: string[] = [];
  let mgrs: SessionManager[] = [];
  const newDir = (): string => {
    const d = mkdtempSync(path.join(tmpdir(), 'strata-rec-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const m of mgrs) await m.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    mgrs = [];
    dirs = [];
  });
  function manager(dir: string, agent: Agent | ((s: import('../../../src/engine/plan/planSchema').PlanStep) => Agent), gw: TestGateway, execution: ExecutionOptions = {}, maxConcurrentSteps = 8): SessionManager {
    const m = new SessionManager({ storageDir: dir, gateway: gw, agentFor: typeof agent === 'function' ? agent : () => agent, maxConcurrentSteps, execution, onError: (e) => console.error(e) });
    mgrs.push(m);
    return m;
  }

  const twoStep = (_tool: string) =>
    plan([
      step('L0:system-overseer', 'system-overseer', 'L0'),
      step('L3:backend-developer', 'backend-developer', 'L3', ['L0:system-overseer']),
    ]);
  const scriptFor = (tool: string) =>
    new ScriptedAgent((ctx) =>
      ctx.step.layer === 'L0'
        ? [{ call: { server: 'srv', tool: 'read', args: { text: 'plan' } } }]
        : [{ call: { server: 'srv', tool: 'read', args: { text: 'before' } } }, { call: { server: 'srv', tool, args: { text: 'effect' } } }, { call: { server: 'srv', tool: 'read', args: { text: 'after' } } }],
    );

  /** Starts a session whose L3 step blocks in a `tool` call, and copies its journal folder as a crash would leave it. */
  async function crashMidCall(id: string, tool: string): Promise<string> {
    const dirA = newDir();
    const gwA = new GatedGateway();
    const a = manager(dirA, scriptFor(tool), gwA);
    const s = await a.create(twoStep(tool), { id });
    a.start(s.id);
    await gwA.entered;
    await new Promise((r) => setTimeout(r, 20));
    const dirB = newDir();
    cpSync(dirA, dirB, { recursive: true });
    return dirB;
  }

  it('after a crash mid non-idempotent call: completed steps are not re-run, the call waits for the user, "assume done" never re-sends it', async () => {
    // The crash: the journal folder as it is while the write is in flight.
    const dirB = await crashMidCall('crash-1', 'write');

    const gwB = new TestGateway();
    const agentB = scriptFor('write');
    const resumedSeen: string[][] = [];
    const b = manager(dirB, { kind: 'spy', runStep: (ctx) => { if (ctx.resumedCalls) resumedSeen.push(ctx.resumedCalls.map((c) => c.tool)); return agentB.runStep(ctx); } }, gwB);
    const report = await b.recoverAll();
    assert.deepEqual(report.loaded, ['crash-1']);
    const st = b.get('crash-1')!;
    assert.equal(st.status.kind, 'waiting-for-user');
    const wait = st.waits[0]!;
    assert.equal(wait.request.kind, 'uncertain-call');
    assert.equal(st.steps['L0:system-overseer']!.status, 'succeeded');
    await assert.rejects(b.answer('crash-1', wait.id, { kind: 'skip' }), AnswerRejectedError);
    await b.answer('crash-1', wait.id, { kind: 'assume-done', note: 'I checked: the file is there' });
    const done = await waitFor(b, 'crash-1', (x) => x.status.kind === 'completed');
    assert.deepEqual(agentB.runs.map((r) => r.stepId), ['L3:backend-developer'], 'L0 was not run again');
    assert.equal(gwB.calls.filter((c) => c.tool === 'write').length, 0, 'the write was not sent again');
    assert.deepEqual(gwB.calls.map((c) => c.args['text']), ['after'], 'the finished read replayed from the journal');
    assert.equal(done.steps['L3:backend-developer']!.attempts.length, 1, 'the interrupted attempt resumed');
    assert.equal(done.recoveries, 1);
    assert.deepEqual(resumedSeen, [['read', 'write']], 'the resumed agent was told which calls had already run');
  });

  it('after a crash mid read-only call: the step resumes on its own', async () => {
    const dirB = await crashMidCall('crash-2', 'slow');
    const gwB = new TestGateway();
    const b = manager(dirB, scriptFor('slow'), gwB);
    const report = await b.recoverAll();
    assert.deepEqual(report.resumed, ['crash-2']);
    await waitFor(b, 'crash-2', (x) => x.status.kind === 'completed');
    assert.deepEqual(gwB.calls.map((c) => c.tool), ['slow', 'read'], 'the interrupted read-only call ran again, the earlier one replayed');
  });

  it('an escalation open at the crash survives it and can be answered from a change listener during recovery', async () => {
    let fail = true;
    const agent: Agent = { kind: 'scripted', runStep: async (ctx) => (ctx.step.layer === 'L3' && fail ? { kind: 'failed', reason: 'flaky' } : { kind: 'done', summary: 'ok' }) };
    const dirA = newDir();
    const a = manager(dirA, agent, new TestGateway());
    const s = await a.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]), { id: 'esc-1' });
    a.start(s.id);
    await waitFor(a, s.id, (x) => x.status.kind === 'escalated');
    const dirB = newDir();
    cpSync(dirA, dirB, { recursive: true });
    fail = false;
    const b = manager(dirB, agent, new TestGateway());
    const seen: string[] = [];
    b.onDidChange((c) => {
      for (const w of c.session.waits) {
        if (seen.includes(w.id)) continue;
        seen.push(w.id);
        void b.answer(c.session.id, w.id, { kind: 'retry' });
      }
    });
    await b.recoverAll();
    const done = await waitFor(b, 'esc-1', (x) => x.status.kind === 'completed');
    assert.equal(seen.length, 1);
    assert.equal(done.steps['L3:backend-developer']!.status, 'succeeded');
  });

  it('a second recoverAll leaves live sessions alone', async () => {
    const m = manager(newDir(), scriptFor('read'), new TestGateway());
    const s = await m.create(twoStep('read'), { id: 'twice' });
    await m.run(s.id);
    const before = m.get(s.id);
    const again = await m.recoverAll();
    assert.deepEqual(again.loaded, []);
    assert.equal(m.get(s.id), before);
    assert.equal(m.list().length, 1);
  });

  it('retries transient errors with backoff when safe to resend', async () => {
    const gw = new TestGateway();
    gw.failures.set('read', [new ToolGatewayError('timeout', 'srv', 'slow server', true)]);
    gw.failures.set('write', [new ToolGatewayError('server-unavailable', 'srv', 'restarting', true)]);
    const m = manager(newDir(), scriptFor('write'), gw, { toolRetry: { backoff: { baseMs: 1, maxMs: 5, factor: 2, jitter: 0 } } });
    const s = await m.create(twoStep('write'));
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'completed');
    assert.equal(gw.calls.filter((c) => c.tool === 'write').length, 2, 'not-sent error on a non-idempotent call is retried');
    assert.equal(done.calls.filter((c) => c.status === 'failed').length, 2);
  });

  it('a transient error after a non-idempotent call may have run asks the user instead of resending', async () => {
    const gw = new TestGateway();
    gw.failures.set('write', [new ToolGatewayError('connection-lost', 'srv', 'server died mid-call', true)]);
    const m = manager(newDir(), scriptFor('write'), gw);
    const s = await m.create(twoStep('write'));
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.waits.length > 0);
    assert.equal(st.waits[0]!.request.kind, 'uncertain-call');
    await m.answer(s.id, st.waits[0]!.id, { kind: 'retry' });
    const done = await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    assert.equal(gw.calls.filter((c) => c.tool === 'write').length, 2);
    assert.equal(done.steps['L3:backend-developer']!.status, 'succeeded');
  });

  it('re-delegates to another persona of the same layer', async () => {
    const p = plan([
      step('L3:backend-developer', 'backend-developer', 'L3'),
      step('L3:database-expert', 'database-expert', 'L3'),
    ]);
    const agent = new ScriptedAgent((ctx) => (ctx.step.id === 'L3:backend-developer' && ctx.persona.id === 'backend-developer' ? [{ fail: 'cannot do it', transient: false }] : []));
    const m = manager(newDir(), agent, new TestGateway());
    const s = await m.create(p);
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'completed');
    const st = done.steps['L3:backend-developer']!;
    assert.equal(st.persona, 'database-expert');
    assert.deepEqual(st.attempts.map((a) => [a.persona, a.outcome]), [['backend-developer', 'failed'], ['database-expert', 'succeeded']]);
  });

  it('re-plans with the layer above, then escalates to the user who can skip', async () => {
    const p = plan([
      step('L0:system-overseer', 'system-overseer', 'L0'),
      step('L1:product-manager', 'product-manager', 'L1', ['L0:system-overseer']),
      step('L3:frontend-developer', 'frontend-developer', 'L3', ['L1:product-manager']),
      step('L4:cloud-cli-wrapper', 'cloud-cli-wrapper', 'L4', ['L3:frontend-developer']),
    ]);
    const agent = new ScriptedAgent((ctx) => (ctx.step.layer === 'L3' ? [{ fail: 'broken build', transient: false }] : []));
    const m = manager(newDir(), agent, new TestGateway());
    const s = await m.create(p);
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.status.kind === 'escalated');
    const personas = agent.runs.map((r) => `${r.stepId}/${r.persona}`);
    assert.ok(personas.includes('L3:frontend-developer/backend-developer'), 're-delegated to the L3 generalist');
    assert.ok(personas.some((x) => x.startsWith('L1:product-manager~replan')), 'the layer above re-planned');
    assert.ok(personas.some((x) => x.startsWith('L0:system-overseer~escalation')), 'the overseer was consulted');
    const w = st.waits[0]!;
    assert.equal(w.request.kind, 'escalation');
    assert.ok(w.request.kind === 'escalation' && w.request.history.length >= 3);
    await m.answer(s.id, w.id, { kind: 'skip', note: 'do it by hand' });
    const done = await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    assert.equal(done.steps['L3:frontend-developer']!.status, 'skipped');
    assert.equal(done.steps['L4:cloud-cli-wrapper']!.status, 'succeeded');
    const l3Attempts = done.steps['L3:frontend-developer']!.attempts.length;
    assert.ok(l3Attempts >= 3, `${l3Attempts} attempts`);
  });

  it('the overseer can decide an escalation itself', async () => {
    const p = plan([step('L0:system-overseer', 'system-overseer', 'L0'), step('L3:backend-developer', 'backend-developer', 'L3', ['L0:system-overseer'])]);
    const agent: Agent = {
      kind: 'scripted',
      async runStep(ctx) {
        if (ctx.step.id.includes('~escalation')) return { kind: 'done', summary: 'not essential', data: { decision: 'skip' } };
        if (ctx.step.layer === 'L3') return { kind: 'failed', reason: 'nope' };
        return { kind: 'done', summary: 'ok' };
      },
    };
    const m = manager(newDir(), agent, new TestGateway());
    const s = await m.create(p);
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'completed');
    assert.equal(done.steps['L3:backend-developer']!.status, 'skipped');
  });

  it('an overseer agent that would need the user does not prompt twice: the escalation goes to the user', async () => {
    const p = plan([step('L0:system-overseer', 'system-overseer', 'L0'), step('L3:backend-developer', 'backend-developer', 'L3', ['L0:system-overseer'])]);
    const manual = new ManualAgent();
    const agent: Agent = {
      kind: 'layer-agent',
      async runStep(ctx) {
        if (ctx.step.id.includes('~escalation')) return manual.runStep(ctx);
        if (ctx.step.layer === 'L3') return { kind: 'failed', reason: 'nope' };
        return { kind: 'done', summary: 'ok' };
      },
    };
    const m = manager(newDir(), agent, new TestGateway());
    const s = await m.create(p);
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.status.kind === 'escalated');
    assert.deepEqual(st.waits.map((w) => w.request.kind), ['escalation']);
    const consult = st.stepOrder.find((id) => id.includes('~escalation'))!;
    assert.equal(st.steps[consult]!.status, 'failed');
    await m.cancel(s.id);
  });

  it('detects a loop (same call, same args) and escalates', async () => {
    const call = { call: { server: 'srv', tool: 'read', args: { text: 'again' } } };
    const m = manager(newDir(), new ScriptedAgent([call, call, call, call]), new TestGateway(), { loopMaxRepeats: 3 });
    const s = await m.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]));
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.status.kind === 'escalated');
    assert.equal(st.status.kind === 'escalated' && /loop detected/.test(st.status.message), true);
    assert.equal(st.steps['L3:backend-developer']!.attempts.length, 1, 'a loop skips retry and re-delegation');
  });

  it('detects a stall and escalates; waiting for approval is not a stall', async () => {
    const m = manager(newDir(), new ScriptedAgent([{ delayMs: 1000 }]), new TestGateway(), { stallMs: 80 });
    const s = await m.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]));
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.status.kind === 'escalated');
    assert.match(st.status.kind === 'escalated' ? st.status.message : '', /stall detected/);
    await m.cancel(s.id);

    const m2 = manager(newDir(), scriptFor('write'), new TestGateway(), { stallMs: 60, approval: { default: 'always-ask' } });
    const s2 = await m2.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]));
    m2.start(s2.id);
    let x = await waitFor(m2, s2.id, (y) => y.waits.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(m2.get(s2.id)!.status.kind, 'waiting-for-user', 'still waiting, not stalled');
    for (let i = 0; i < 3; i++) {
      x = await waitFor(m2, s2.id, (y) => y.waits.length > 0);
      await m2.answer(s2.id, x.waits[0]!.id, { kind: 'approve' });
    }
    assert.equal((await waitFor(m2, s2.id, (y) => y.status.kind === 'completed')).status.kind, 'completed');
  });

  it('approval policy: auto for read-only asks only for the write; a waiting step frees its concurrency slot; deny reaches the agent', async () => {
    const gw = new TestGateway();
    const readOnly = new ScriptedAgent([{ call: { server: 'srv', tool: 'read', args: {} } }]);
    const writer = scriptFor('write');
    const m = manager(newDir(), (st) => (st.id === 'L3:x' ? readOnly : writer), gw, { approval: { default: 'auto', servers: { srv: { default: 'auto-read-only' } } } }, 1);
    const s = await m.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]), { id: 'needs-approval' });
    const other = await m.create(plan([step('L3:x', 'backend-developer', 'L3')]), { id: 'other' });
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.waits.length > 0);
    assert.deepEqual(st.waits[0]!.request.kind === 'approval' && [st.waits[0]!.request.tool, st.waits[0]!.request.readOnly], ['write', false]);
    assert.equal(st.steps['L3:backend-developer']!.status, 'waiting');
    // capacity is 1: the other session can only finish if the waiting step released its slot
    const o = await m.run(other.id);
    assert.equal(o.status.kind, 'completed');
    await m.answer(s.id, st.waits[0]!.id, { kind: 'deny', reason: 'not today' });
    const done = await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    assert.equal(gw.calls.filter((c) => c.tool === 'write').length, 0);
    assert.match(JSON.stringify(done.steps['L3:backend-developer']!.output), /write \(error\)/);
  });

  it('budgets stop the session cleanly with state kept; a retry resumes it', async () => {
    const gw = new TestGateway();
    const m = manager(newDir(), scriptFor('read'), gw);
    const s = await m.create(twoStep('read'), { budget: { maxToolCalls: 2 } });
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'failed');
    assert.deepEqual(done.status.kind === 'failed' && done.status.reason, { kind: 'budget', budget: 'toolCalls', limit: 2, used: 3 });
    assert.equal(gw.calls.length, 2, 'the third call never went out');
    assert.equal(done.steps['L0:system-overseer']!.status, 'succeeded');
    assert.equal(done.steps['L3:backend-developer']!.status, 'pending', 'the interrupted step is kept to resume');
    await m.updateBudget(s.id, { maxToolCalls: 10 });
    await m.retryStep(s.id, 'L3:backend-developer');
    const resumed = await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    assert.equal(resumed.toolCallCount, 4);
    assert.equal(gw.calls.length, 4, 'the call stopped by the budget ran once, after the raise');
  });

  it('manual agent: invalid arguments are rejected with the schema path; a call then "done" finishes the step', async () => {
    const gw = new TestGateway();
    const m = manager(newDir(), new ManualAgent(), gw);
    const s = await m.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]));
    m.start(s.id);
    let st = await waitFor(m, s.id, (x) => x.waits.length > 0);
    const w = st.waits[0]!;
    assert.equal(w.request.kind, 'manual');
    assert.deepEqual(w.request.kind === 'manual' && w.request.tools.map((t) => t.name), ['read', 'write', 'slow']);
    await assert.rejects(m.answer(s.id, w.id, { kind: 'manual-call', server: 'srv', tool: 'write', args: { text: 5 } }), /\$\.text: expected string, got integer/);
    await assert.rejects(m.answer(s.id, w.id, { kind: 'manual-call', server: 'srv', tool: 'write', args: {} }), /\$\.text: required/);
    await m.answer(s.id, w.id, { kind: 'manual-call', server: 'srv', tool: 'write', args: { text: 'hello' } });
    st = await waitFor(m, s.id, (x) => x.waits.length > 0 && x.waits[0]!.id !== w.id);
    const w2 = st.waits[0]!;
    assert.match(w2.request.kind === 'manual' ? w2.request.lastResult ?? '' : '', /write:\{"text":"hello"\}/);
    await m.answer(s.id, w2.id, { kind: 'manual-done', note: 'wrote the greeting' });
    const done = await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    assert.equal(done.steps['L3:backend-developer']!.output!.summary, 'wrote the greeting');
  });

  it('cancel aborts running steps and is final', async () => {
    const gw = new GatedGateway();
    const m = manager(newDir(), scriptFor('slow'), gw);
    const s = await m.create(twoStep('slow'));
    m.start(s.id);
    await gw.entered;
    await m.cancel(s.id, 'changed my mind');
    const st = m.get(s.id)!;
    assert.deepEqual(st.status, { kind: 'cancelled', note: 'changed my mind' });
    assert.equal(st.steps['L3:backend-developer']!.status, 'cancelled');
    await assert.rejects(m.retryStep(s.id, 'L3:backend-developer'), /cancelled/);
  });

  it('retryStep re-runs a skipped step and the steps after it', async () => {
    let fail = true;
    const agent: Agent = { kind: 'scripted', runStep: async (ctx) => (ctx.step.layer === 'L3' && fail ? { kind: 'failed', reason: 'x' } : { kind: 'done', summary: `ok ${ctx.step.id}` }) };
    const p = plan([step('L3:backend-developer', 'backend-developer', 'L3'), step('L4:cloud-cli-wrapper', 'cloud-cli-wrapper', 'L4', ['L3:backend-developer'])]);
    const m = manager(newDir(), agent, new TestGateway());
    const s = await m.create(p);
    m.start(s.id);
    const st = await waitFor(m, s.id, (x) => x.status.kind === 'escalated');
    await m.answer(s.id, st.waits[0]!.id, { kind: 'skip' });
    await waitFor(m, s.id, (x) => x.status.kind === 'completed');
    fail = false;
    await m.retryStep(s.id, 'L3:backend-developer');
    const done = await waitFor(m, s.id, (x) => x.status.kind === 'completed' && x.steps['L3:backend-developer']!.status === 'succeeded');
    assert.equal(done.steps['L4:cloud-cli-wrapper']!.attempts.length, 2);
  });
});
