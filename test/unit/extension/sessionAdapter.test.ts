import assert from 'node:assert/strict';
import { applyEvent, type SessionEvent, type SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { decisionAnswer, toSessionView } from '../../../src/extension/sessionAdapter';
import { pushHistory, readHistory } from '../../../src/extension/taskHistory';
import { samplePlan } from './fixtures';

function build(events: SessionEvent[]): SessionSnapshot {
  let s: SessionSnapshot | undefined;
  for (const e of events) s = applyEvent(s, e);
  return s!;
}

const plan = samplePlan();
const created: SessionEvent = { type: 'created', at: 1000, id: 's1', title: 't', plan, budget: {} };

describe('extension/sessionAdapter', () => {
  it('shows a created, never started session as a draft with planned steps', () => {
    const v = toSessionView(build([created]));
    assert.equal(v.status, 'draft');
    assert.deepEqual(v.steps.map((s) => s.status), ['planned', 'planned', 'planned', 'planned']);
    assert.equal(v.task, plan.task);
  });

  it('maps running steps, tool calls, outputs and a manual wait with the tool schema', () => {
    const tools = [{ server: 'memory', name: 'read_graph', description: 'Read', inputSchema: { type: 'object', properties: {} }, annotations: { readOnlyHint: true } }];
    const s = build([
      created,
      { type: 'status', at: 1100, status: { kind: 'running' } },
      { type: 'step-started', at: 1200, stepId: 'L0:system-overseer', attempt: 1, persona: 'system-overseer', handoff: plan.steps[0]!.handoff, servers: [] },
      { type: 'step-succeeded', at: 1500, stepId: 'L0:system-overseer', output: { summary: 'set up' } },
      { type: 'step-started', at: 1600, stepId: 'L1:product-manager', attempt: 1, persona: 'product-manager', handoff: plan.steps[1]!.handoff, servers: ['memory'] },
      { type: 'step-waiting', at: 1700, stepId: 'L1:product-manager', waiting: true },
      { type: 'wait-opened', at: 1700, wait: { id: 'w1', stepId: 'L1:product-manager', openedAt: 1700, request: { kind: 'manual', tools } } },
      { type: 'status', at: 1700, status: { kind: 'waiting-for-user' } },
    ]);
    const v = toSessionView(s);
    assert.equal(v.status, 'waiting');
    const [l0, l1] = v.steps;
    assert.equal(l0!.status, 'completed');
    assert.equal(l0!.summary, 'set up');
    assert.equal(l0!.startedAt, new Date(1200).toISOString());
    assert.equal(l1!.status, 'waiting');
    assert.equal(l1!.waiting?.kind, 'manual');
    if (l1!.waiting?.kind === 'manual') {
      assert.equal(l1!.waiting.requestId, 'w1');
      assert.deepEqual(l1!.waiting.tools[0], { server: 'memory', name: 'read_graph', description: 'Read', inputSchema: { type: 'object', properties: {} }, readOnly: true });
    }
  });

  it('turns escalations into decisions and validates the choice', () => {
    const wait = { id: 'w9', stepId: 'L3:backend-developer', openedAt: 1, request: { kind: 'escalation' as const, failure: 'tool kept failing', history: ['retry ×3'] } };
    const s = build([
      created,
      { type: 'status', at: 1100, status: { kind: 'running' } },
      { type: 'wait-opened', at: 1200, wait },
      { type: 'status', at: 1200, status: { kind: 'escalated', stepId: 'L3:backend-developer', message: 'tool kept failing' } },
    ]);
    const v = toSessionView(s);
    assert.equal(v.status, 'escalated');
    assert.match(v.error!, /escalated at L3:backend-developer/);
    const step = v.steps.find((x) => x.id === 'L3:backend-developer')!;
    assert.equal(step.waiting?.kind, 'decision');
    if (step.waiting?.kind === 'decision') assert.deepEqual(step.waiting.options, ['retry', 'skip', 'abort']);
    assert.deepEqual(decisionAnswer(wait, 'skip'), { ok: true, answer: { kind: 'skip' } });
    const bad = decisionAnswer(wait, 'assume-done');
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.error, /not an option/);
    const manual = { ...wait, request: { kind: 'manual' as const, tools: [] } };
    assert.equal(decisionAnswer(manual, 'retry').ok, false);
  });

  it('explains failures', () => {
    const s = build([
      created,
      { type: 'status', at: 1100, status: { kind: 'running' } },
      { type: 'status', at: 1200, status: { kind: 'failed', reason: { kind: 'budget', budget: 'toolCalls', limit: 5, used: 5 } } },
    ]);
    assert.equal(toSessionView(s).error, 'toolCalls budget reached (5/5)');
  });
});

describe('extension/taskHistory', () => {
  it('keeps most recent first, without duplicates, bounded', () => {
    let h: string[] = [];
    h = pushHistory(h, ' a ');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'a');
    assert.deepEqual(h, ['a', 'b']);
    assert.deepEqual(pushHistory(h, '   '), ['a', 'b']);
    assert.equal(pushHistory(Array.from({ length: 40 }, (_, i) => `t${i}`), 'x', 30).length, 30);
  });
  it('reads stored values defensively', () => {
    assert.deepEqual(readHistory(undefined), []);
    assert.deepEqual(readHistory(['a', 3, '', null, 'b']), ['a', 'b']);
    assert.deepEqual(readHistory('nope'), []);
  });
});
