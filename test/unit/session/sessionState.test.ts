import assert from 'node:assert/strict';
import { assertTransition, canTransition, IllegalTransitionError, SESSION_TRANSITIONS, isTerminal, describeStatus } from '../../../src/engine/session/sessionState';
import { applyEvent } from '../../../src/engine/session/sessionModel';
import { diamondPlan } from '../execution/fixtures';

describe('session state machine', () => {
  it('allows the documented lifecycle', () => {
    for (const [from, to] of [
      ['planned', 'running'],
      ['running', 'waiting-for-user'],
      ['waiting-for-user', 'running'],
      ['running', 'escalated'],
      ['escalated', 'running'],
      ['running', 'completed'],
      ['running', 'failed'],
      ['failed', 'running'],
      ['running', 'cancelled'],
    ] as const) {
      assert.ok(canTransition(from, to), `${from} → ${to}`);
    }
  });

  it('rejects illegal transitions with a typed error naming both states', () => {
    assert.throws(() => assertTransition('s1', 'planned', 'completed'), (e: unknown) => e instanceof IllegalTransitionError && e.from === 'planned' && e.to === 'completed' && /s1/.test(e.message));
    assert.throws(() => assertTransition('s1', 'cancelled', 'running'), IllegalTransitionError);
    assert.throws(() => assertTransition('s1', 'completed', 'failed'), IllegalTransitionError);
    assert.deepEqual(SESSION_TRANSITIONS.cancelled, []);
  });

  it('the model refuses an illegal status event', () => {
    const m = applyEvent(undefined, { type: 'created', at: 1, id: 's', title: 't', plan: diamondPlan(), budget: {} });
    assert.equal(m.status.kind, 'planned');
    assert.throws(() => applyEvent(m, { type: 'status', at: 2, status: { kind: 'completed' } }), IllegalTransitionError);
    const r = applyEvent(m, { type: 'status', at: 2, status: { kind: 'running' } });
    assert.equal(r.startedAt, 2);
    assert.equal(m.status.kind, 'planned', 'applyEvent does not mutate its input');
  });

  it('knows terminal states and describes failures', () => {
    assert.equal(isTerminal({ kind: 'completed' }), true);
    assert.equal(isTerminal({ kind: 'escalated', stepId: 'x', message: 'm' }), false);
    assert.match(describeStatus({ kind: 'failed', reason: { kind: 'budget', budget: 'toolCalls', limit: 3, used: 4 } }), /toolCalls exhausted \(4 of 3\)/);
  });
});
