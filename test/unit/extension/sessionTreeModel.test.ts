import assert from 'node:assert/strict';
import { aggregateStatus, groupOf, treeChildren, type TreeNodeView } from '../../../src/extension/sessionTreeModel';
import { SESSION_STATUSES } from '../../../src/extension/sessionView';
import { sampleSession } from './fixtures';

describe('extension/sessionTreeModel', () => {
  const sessions = [
    sampleSession('a', 'running', { 'system-overseer': 'completed', 'product-manager': 'running' }),
    sampleSession('b', 'waiting', { 'frontend-developer': 'waiting' }),
    sampleSession('c', 'completed', {}, '2026-11-24T02:00:00.000Z'),
    sampleSession('d', 'completed', {}, '2026-11-24T03:00:00.000Z'),
    sampleSession('e', 'failed', { 'backend-developer': 'failed' }),
    sampleSession('f', 'draft'),
    sampleSession('g', 'escalated'),
    sampleSession('h', 'cancelled'),
  ];

  it('puts every status in exactly one group', () => {
    for (const s of SESSION_STATUSES) assert.ok(['running', 'waiting', 'draft', 'completed', 'failed'].includes(groupOf(s)), s);
    assert.equal(groupOf('escalated'), 'waiting', 'an escalation waits for the user');
    assert.equal(groupOf('cancelled'), 'failed');
  });

  it('groups sessions at the root with counts', () => {
    const root = treeChildren(sessions, undefined);
    assert.deepEqual(
      root.map((n) => [n.id, n.description]),
      [
        ['group:running', '1'],
        ['group:waiting', '2'],
        ['group:draft', '1'],
        ['group:completed', '2'],
        ['group:failed', '2'],
      ],
    );
    assert.equal(root.find((n) => n.id === 'group:failed')!.contextValue, 'strata.group.failed');
  });

  it('hides empty completed/failed/draft groups but keeps running and waiting', () => {
    const root = treeChildren([sampleSession('a', 'running')], undefined);
    assert.deepEqual(root.map((n) => n.id), ['group:running', 'group:waiting:empty']);
    assert.equal(root[1]!.collapsible, 'none');
  });

  it('lists sessions newest first with status, steps done, complexity, confidence', () => {
    const completed = treeChildren(sessions, treeChildren(sessions, undefined).find((n) => n.id === 'group:completed'));
    assert.deepEqual(completed.map((n) => n.sessionId), ['d', 'c']);
    const s = completed[0]!;
    assert.equal(s.contextValue, 'strata.session.completed');
    assert.match(s.description!, /completed · 0\/4 steps · medium · conf 72%/);
    assert.equal(s.icon.id, 'pass-filled');
  });

  it('expands a session into its included layers, then personas, then steps', () => {
    const sessionNode: TreeNodeView = treeChildren(sessions, treeChildren(sessions, undefined)[0])[0]!;
    const layers = treeChildren(sessions, sessionNode);
    assert.deepEqual(layers.map((l) => l.label), ['L0 Meta-Control', 'L1 Strategy', 'L3 Tool Experts']);
    const l3 = layers[2]!;
    assert.match(l3.description!, /^2 personas/);
    const personas = treeChildren(sessions, l3);
    assert.deepEqual(personas.map((p) => p.persona), ['frontend-developer', 'backend-developer']);
    assert.match(personas[1]!.description!, /filesystem, memory/);
    const steps = treeChildren(sessions, personas[0]!);
    assert.equal(steps.length, 1);
    assert.equal(steps[0]!.id, 'step:a:L3:frontend-developer');
    assert.match(steps[0]!.description!, /5 s/);
    assert.equal(treeChildren(sessions, steps[0]!).length, 0);
  });

  it('carries step status in context values so menus can target failed steps', () => {
    const e = sessions.find((s) => s.id === 'e')!;
    const node: TreeNodeView = { kind: 'persona', id: 'x', label: '', tooltip: '', icon: { id: '' }, contextValue: '', collapsible: 'collapsed', sessionId: e.id, persona: 'backend-developer' };
    const [step] = treeChildren(sessions, node);
    assert.equal(step!.contextValue, 'strata.step.failed');
    assert.equal(step!.icon.id, 'error');
  });

  it('aggregates worst-first', () => {
    const st = (status: Parameters<typeof aggregateStatus>[0][number]['status']) => ({ ...sampleSession('x', 'running').steps[0]!, status });
    assert.equal(aggregateStatus([st('completed'), st('failed'), st('running')]), 'failed');
    assert.equal(aggregateStatus([st('completed'), st('waiting')]), 'waiting');
    assert.equal(aggregateStatus([st('completed')]), 'completed');
    assert.equal(aggregateStatus([]), 'planned');
  });
});
