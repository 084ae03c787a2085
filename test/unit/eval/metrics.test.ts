import { strict as assert } from 'node:assert';
import { formatEvalReport, scorePredictions } from '../../../src/engine/eval/metrics';

describe('scorePredictions', () => {
  const gold = [
    { id: 'a', complexity: 'low', layers: ['L0', 'L3'], personas: ['system-overseer', 'backend-developer'] },
    { id: 'b', complexity: 'medium', layers: ['L0', 'L1', 'L3'], personas: ['system-overseer', 'product-manager', 'frontend-developer'] },
  ];
  it('scores exact matches, sets ignoring order, and micro-F1 over pairs', () => {
    const pred = [
      { id: 'a', complexity: 'low', layers: ['L3', 'L0'], personas: ['backend-developer', 'system-overseer'] },
      { id: 'b', complexity: 'low', layers: ['L0', 'L3'], personas: ['system-overseer', 'frontend-developer'] },
    ];
    const r = scorePredictions(gold, pred);
    assert.equal(r.complexityAccuracy, 0.5);
    assert.equal(r.layerSetAccuracy, 0.5);
    assert.equal(r.personaSetAccuracy, 0.5);
    // tp=4, fp=0, fn=1 → P=1, R=0.8, F1=0.888…
    assert.ok(Math.abs(r.personaMicroF1 - 8 / 9) < 1e-9);
    assert.equal(r.confusion['medium']!['low'], 1);
    assert.match(formatEvalReport(r), /persona micro-F1:\s+0\.889/);
  });
  it('counts a missing prediction as wrong', () => {
    const r = scorePredictions(gold, [gold[0]!]);
    assert.deepEqual(r.missing, ['b']);
    assert.equal(r.complexityAccuracy, 0.5);
  });
});
