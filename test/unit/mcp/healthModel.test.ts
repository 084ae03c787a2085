import { strict as assert } from 'node:assert';
import { HealthModel, describeHealth, type HealthChange } from '../../../src/mcp/healthModel';
import { backoffDelay } from '../../../src/mcp/resiliencePolicy';
import { isRetrySafe } from '../../../src/mcp/retrySafety';

describe('health model', () => {
  it('fires changes only when the state differs and aggregates for the status bar', () => {
    const h = new HealthModel();
    const seen: HealthChange[] = [];
    h.onDidChange((c) => seen.push(c));
    h.set('a', { state: 'stopped' });
    h.set('a', { state: 'healthy', since: 1, transport: 'stdio', pid: 5 });
    h.set('a', { state: 'healthy', since: 1, transport: 'stdio', pid: 5 });
    h.set('b', { state: 'circuit-open', reason: 'timeouts', retryAt: 9 });
    h.set('c', { state: 'failed', reason: 'exited' });
    assert.equal(seen.length, 3, 'setting an unchanged value (including the default stopped) fires nothing');
    const agg = h.aggregate();
    assert.deepEqual({ ...agg }, { total: 3, healthy: 1, circuitOpen: 1, failed: 1, worst: 'failed', text: 'MCP 1/3 · 1 open circuit · 1 failed' });
    h.delete('c');
    assert.equal(h.aggregate().worst, 'circuit-open');
    assert.equal(describeHealth({ state: 'healthy', since: 0, transport: 'http' }), 'healthy (http)');
    assert.equal(describeHealth({ state: 'failed', reason: 'x' }), 'failed: x');
    h.dispose();
  });

  it('an empty model is "stopped" with 0/0', () => {
    assert.deepEqual(new HealthModel().aggregate(), { total: 0, healthy: 0, circuitOpen: 0, failed: 0, worst: 'stopped', text: 'MCP 0/0' });
  });
});

describe('backoff and retry safety', () => {
  it('backoff grows exponentially with equal jitter and is capped', () => {
    const p = { backoffBaseMs: 100, backoffMaxMs: 1000 };
    assert.equal(backoffDelay(p, 0, () => 0), 50);
    assert.equal(backoffDelay(p, 0, () => 1), 100);
    assert.equal(backoffDelay(p, 3, () => 1), 800);
    assert.equal(backoffDelay(p, 10, () => 1), 1000);
    assert.equal(backoffDelay(p, 10, () => 0), 500);
  });

  it('retries only annotated or user-declared tools', () => {
    const t = (annotations?: object) => ({ server: 's', name: 'x', inputSchema: {}, annotations });
    assert.equal(isRetrySafe(t(), {}), false);
    assert.equal(isRetrySafe(t({ readOnlyHint: true }), {}), true);
    assert.equal(isRetrySafe(t({ idempotentHint: true, destructiveHint: true }), {}), true);
    assert.equal(isRetrySafe(t({ readOnlyHint: true, destructiveHint: true }), {}), false);
    assert.equal(isRetrySafe(t({ destructiveHint: false }), {}), false);
    assert.equal(isRetrySafe(t(), { retrySafeTools: ['x'] }), true);
    assert.equal(isRetrySafe(t(), { retrySafeTools: ['*'] }), true);
  });
});
