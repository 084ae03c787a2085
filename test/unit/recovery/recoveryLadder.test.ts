import assert from 'node:assert/strict';
import { RecoveryLadder, retryTransient, redelegateSameLayer, replanUpstream, type FailureContext } from '../../../src/engine/recovery/recoveryLadder';
import { backoffDelay } from '../../../src/engine/recovery/backoff';
import { LoopDetector, canonicalJson } from '../../../src/engine/recovery/loopDetector';
import { LoopDetectedError, classifyError } from '../../../src/engine/recovery/failure';
import { ToolGatewayError } from '../../../src/engine/tools/toolGateway';

const base: FailureContext = {
  stepId: 'L3:backend-developer',
  layer: 'L3',
  persona: 'backend-developer',
  failure: { kind: 'transient', message: 'timeout' },
  attemptsByPersona: 1,
  triedPersonas: ['backend-developer'],
  replans: 0,
  sameLayerPersonas: ['database-expert'],
  upstreamStepIds: ['L1:solution-architect'],
};

describe('recovery ladder', () => {
  const ladder = RecoveryLadder.standard({ maxAttempts: 3, random: () => 1 });

  it('(1) retries transient failures with growing backoff, then stops retrying', () => {
    const a1 = ladder.decide(base);
    const a2 = ladder.decide({ ...base, attemptsByPersona: 2 });
    assert.equal(a1.kind, 'retry');
    assert.equal(a2.kind, 'retry');
    assert.ok(a1.kind === 'retry' && a2.kind === 'retry' && a2.delayMs > a1.delayMs);
    assert.notEqual(ladder.decide({ ...base, attemptsByPersona: 3 }).kind, 'retry');
  });

  it('(2a) re-delegates to another persona of the same layer after retries or on a permanent failure', () => {
    const a = ladder.decide({ ...base, failure: { kind: 'permanent', message: 'bad' } });
    assert.deepEqual([a.kind, a.kind === 'redelegate' && a.persona], ['redelegate', 'database-expert']);
  });

  it('(2b) goes back to the layer above once every same-layer persona tried', () => {
    const a = ladder.decide({ ...base, failure: { kind: 'permanent', message: 'bad' }, triedPersonas: ['backend-developer', 'database-expert'] });
    assert.deepEqual([a.kind, a.kind === 'replan' && a.upstreamStepId], ['replan', 'L1:solution-architect']);
  });

  it('(3) escalates when recovery is exhausted', () => {
    const a = ladder.decide({ ...base, failure: { kind: 'permanent', message: 'bad' }, triedPersonas: ['backend-developer', 'database-expert'], replans: 1 });
    assert.equal(a.kind, 'escalate');
  });

  it('loops and stalls escalate directly', () => {
    assert.equal(ladder.decide({ ...base, failure: { kind: 'loop', message: 'x' } }).kind, 'escalate');
    assert.equal(ladder.decide({ ...base, failure: { kind: 'stall', message: 'x' } }).kind, 'escalate');
  });

  it('rungs compose: a ladder without re-delegation re-plans at once', () => {
    const l = new RecoveryLadder([retryTransient({ maxAttempts: 1 }), replanUpstream()]);
    assert.equal(l.decide(base).kind, 'replan');
    const only = new RecoveryLadder([redelegateSameLayer({ fallbacks: {} })]);
    assert.equal(only.decide({ ...base, sameLayerPersonas: [] }).kind, 'escalate');
  });

  it('backoff is exponential, capped and jittered within bounds', () => {
    const p = { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelay(p, n)), [100, 200, 400, 800, 1000]);
    const j = { ...p, jitter: 1 };
    assert.equal(backoffDelay(j, 3, () => 0), 0);
    assert.equal(backoffDelay(j, 3, () => 0.5), 200);
  });

  it('loop detector fires on the (N+1)th identical call, argument order ignored', () => {
    const d = new LoopDetector(2);
    d.record('s', 't', { a: 1, b: 2 });
    d.record('s', 't', { b: 2, a: 1 });
    d.record('s', 't', { a: 1, b: 3 });
    assert.throws(() => d.record('s', 't', { a: 1, b: 2 }), LoopDetectedError);
    assert.equal(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null }), '{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it('classifies gateway errors by their transient flag', () => {
    assert.equal(classifyError(new ToolGatewayError('timeout', 's', 'slow', true)).kind, 'transient');
    assert.equal(classifyError(new ToolGatewayError('unknown-tool', 's', 'no', false)).kind, 'permanent');
    assert.equal(classifyError(new LoopDetectedError('s', 't', 4)).kind, 'loop');
  });
});
