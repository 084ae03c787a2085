import assert from 'node:assert/strict';
import { RateLimiter } from '../../../src/extension/rateLimiter';
import { escapeMarkdown, statusView, type ServerStatusLine } from '../../../src/extension/statusModel';

const srv = (name: string, state: ServerStatusLine['state'], detail: string = state): ServerStatusLine => ({ name, state, detail });

describe('extension/statusModel', () => {
  it('shows healthy/total and no alarm when servers are healthy or not started yet', () => {
    const v = statusView({ servers: [srv('a', 'healthy'), srv('b', 'stopped')], runningSessions: 0, waitingSessions: 0 });
    assert.equal(v.text, '$(layers) 1/2');
    assert.equal(v.severity, 'ok');
    assert.match(v.tooltipLines.join('\n'), /1 not started yet/);
  });

  it('turns error on open circuits and failures, warning on degraded, and counts sessions', () => {
    const v = statusView({ servers: [srv('a', 'circuit-open'), srv('b', 'failed'), srv('c', 'healthy')], runningSessions: 2, waitingSessions: 1 });
    assert.equal(v.text, '$(layers) 1/3  $(circle-slash) 1  $(error) 1  $(sync~spin) 2  $(bell-dot) 1');
    assert.equal(v.severity, 'error');
    assert.equal(statusView({ servers: [srv('a', 'degraded')], runningSessions: 0, waitingSessions: 0 }).severity, 'warning');
  });

  it('escapes untrusted text in the tooltip', () => {
    const v = statusView({ servers: [srv('x', 'failed', 'exit [click](command:evil) *now*')], runningSessions: 0, waitingSessions: 0 });
    const md = v.tooltipLines.join('\n');
    assert.ok(!md.includes('[click](command:evil)'), md);
    assert.equal(escapeMarkdown('a*b'), 'a\\*b');
  });
});

describe('extension/rateLimiter', () => {
  it('allows one per key per interval and counts the suppressed ones', () => {
    let t = 0;
    const rl = new RateLimiter(() => 1000, () => t);
    assert.deepEqual(rl.take('a'), { allowed: true, suppressed: 0 });
    assert.deepEqual(rl.take('b'), { allowed: true, suppressed: 0 }, 'keys are independent');
    t = 500;
    assert.deepEqual(rl.take('a'), { allowed: false });
    assert.deepEqual(rl.take('a'), { allowed: false });
    t = 1000;
    assert.deepEqual(rl.take('a'), { allowed: true, suppressed: 2 });
  });
});
