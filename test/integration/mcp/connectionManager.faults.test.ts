import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import type { HealthChange } from '../../../src/mcp/healthModel';
import { MemoryLogSink } from '../../../src/mcp/serverLog';
import { descendantsOf, isAlive } from '../../../src/mcp/processTree';
import { ToolGatewayError, type ToolFailureKind } from '../../../src/engine/tools/toolGateway';
import { FAST_POLICY, bin, fixture, orphanWatch, stdioServer, trackUnhandledRejections, waitFor } from './mcpTestSupport';

const node = process.execPath;
const isKind = (kind: ToolFailureKind, re?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof ToolGatewayError, `expected ToolGatewayError, got ${String(e)}`);
  assert.equal(e.kind, kind, `kind of: ${e.message}`);
  if (re) assert.match(e.message, re);
  return true;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ConnectionManager fault injection (stdio)', function () {
  this.timeout(60_000);
  const rejections = trackUnhandledRejections();
  const orphans = orphanWatch();
  let tmp: string;
  const managers: ConnectionManager[] = [];
  const make = (...args: ConstructorParameters<typeof ConnectionManager>) => {
    const m = new ConnectionManager(...args);
    managers.push(m);
    return m;
  };

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'strata-mcp-faults-'));
    orphans.start();
  });

  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
  });

  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await orphans.assertNone();
    rejections.stop();
    rejections.check();
  });

  it('SIGKILL mid-call: the call fails with connection-lost, the server restarts with a new pid', async () => {
    const m = make({ policy: { ...FAST_POLICY, maxCallAttempts: 1 }, servers: [stdioServer('ev', bin('mcp-server-everything'))] });
    await m.start('ev');
    const pid1 = m.pids().get('ev')!;
    const call = m.callTool('ev', 'trigger-long-running-operation', { duration: 5, steps: 5 });
    setTimeout(() => process.kill(pid1, 'SIGKILL'), 300);
    await assert.rejects(call, isKind('connection-lost'));
    await waitFor(() => m.health.get('ev').state === 'healthy' && m.pids().get('ev') !== pid1, 10_000, 'automatic restart');
    assert.ok(!isAlive(pid1));
    const r = await m.callTool('ev', 'echo', { message: 'back' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: back' }]);
  });

  it('SIGKILL mid-call of a read-only tool: retried after the restart and succeeds', async () => {
    const log = new MemoryLogSink();
    const m = make({ log, policy: FAST_POLICY, servers: [stdioServer('ev', bin('mcp-server-everything'))] });
    await m.start('ev');
    const pid1 = m.pids().get('ev')!;
    const call = m.callTool('ev', 'trigger-long-running-operation', { duration: 0.6, steps: 3 });
    setTimeout(() => process.kill(pid1, 'SIGKILL'), 200);
    const r = await call;
    assert.equal(r.isError, false);
    assert.notEqual(m.pids().get('ev'), pid1);
    assert.ok(log.get('ev').some((l) => /retrying trigger-long-running-operation \(retry-safe\)/.test(l)));
  });

  it('never retries a tool that is not marked safe', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs')])] });
    await m.start('s');
    const pid1 = m.pids().get('s')!;
    const call = m.callTool('s', 'slow', { ms: 3000 });
    setTimeout(() => process.kill(pid1, 'SIGKILL'), 200);
    await assert.rejects(call, isKind('connection-lost'));
    await waitFor(() => m.health.get('s').state === 'healthy', 10_000, 'restart');
    // `count` is readOnly: a fresh process has handled exactly this one call, so `slow` was not re-sent
    const r = await m.callTool('s', 'count', {});
    assert.deepEqual(r.content, [{ type: 'text', text: '1' }]);
  });

  it('user settings can declare a tool retry-safe', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs')], { retrySafeTools: ['slow'] })] });
    await m.start('s');
    const pid1 = m.pids().get('s')!;
    const call = m.callTool('s', 'slow', { ms: 600 });
    setTimeout(() => process.kill(pid1, 'SIGKILL'), 150);
    const r = await call;
    assert.deepEqual(r.content, [{ type: 'text', text: 'slow done' }]);
  });

  it('a server that hangs: initialize times out, the circuit opens and refuses calls fast', async () => {
    const changes: HealthChange[] = [];
    // 1.5 s: long enough for the fixture to start and write its stderr line even on a busy machine
    const m = make({ policy: { ...FAST_POLICY, startTimeoutMs: 1500, breakerHalfOpenAfterMs: 60_000 }, servers: [stdioServer('hang', node, [fixture('hangingServer.mjs')])] });
    m.health.onDidChange((c) => changes.push(c));
    await assert.rejects(m.listTools('hang'), isKind('timeout', /failed to start: did not answer initialize within 1500 ms; stderr: hanging server up/));
    assert.equal(m.health.get('hang').state, 'failed');
    await assert.rejects(m.listTools('hang'), isKind('timeout'));
    const h = m.health.get('hang');
    assert.equal(h.state, 'circuit-open');
    const t0 = Date.now();
    await assert.rejects(m.callTool('hang', 'x', {}), isKind('circuit-open'));
    assert.ok(Date.now() - t0 < 100, 'an open circuit fails fast');
    assert.ok(changes.some((c) => c.current.state === 'starting'));
    assert.equal(m.health.aggregate().circuitOpen, 1);
    assert.equal(m.health.aggregate().worst, 'circuit-open');
    await waitFor(() => orphans.newStrays().length === 0, 3000, 'hung process killed');
  });

  it('a tool call that hangs times out with a clear error; the timeout counts towards the breaker', async () => {
    const m = make({ policy: { ...FAST_POLICY, breakerHalfOpenAfterMs: 60_000 }, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs'), '--hang-calls'])] });
    await assert.rejects(m.callTool('s', 'slow', { ms: 1 }, { timeoutMs: 300 }), isKind('timeout', /timed out/));
    assert.equal(m.health.get('s').state, 'healthy', 'one timeout does not open the circuit');
    await assert.rejects(m.callTool('s', 'add', { name: 'z' }, { timeoutMs: 300 }), isKind('timeout'));
    assert.equal(m.health.get('s').state, 'circuit-open');
    await assert.rejects(m.callTool('s', 'count', {}), isKind('circuit-open'));
  });

  it('a retry-safe call against a hanging server reports the timeout, not the circuit it opened', async () => {
    const m = make({ policy: { ...FAST_POLICY, breakerHalfOpenAfterMs: 60_000 }, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs'), '--hang-calls'])] });
    // `count` is readOnly, so it is retried; the second timeout opens the circuit and stops the retries
    await assert.rejects(m.callTool('s', 'count', {}, { timeoutMs: 300 }), isKind('timeout', /2 attempt\(s\) failed and the circuit is now open/));
  });

  it('a server that writes garbage to stdout fails to start and says so', async () => {
    const m = make({ policy: { ...FAST_POLICY, startTimeoutMs: 1500 }, servers: [stdioServer('junk', node, [fixture('garbageServer.mjs')])] });
    await assert.rejects(m.start('junk'), isKind('timeout', /non-JSON-RPC line\(s\) to stdout/));
    const h = m.health.get('junk');
    assert.ok(h.state === 'failed' && /non-JSON-RPC/.test(h.reason), JSON.stringify(h));
  });

  it('a server that exits at start: clear error with its stderr, then the circuit opens', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('dead', node, [fixture('exitAtStartServer.mjs')])] });
    await assert.rejects(m.start('dead'), isKind('server-unavailable', /failed to start: exited during start; stderr: fatal: missing API key/));
    await assert.rejects(m.start('dead'), isKind('server-unavailable'));
    assert.equal(m.health.get('dead').state, 'circuit-open');
    await assert.rejects(m.callTool('dead', 'echo', {}), isKind('circuit-open'));
  });

  it('a command that does not exist is reported as such (not transient)', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('nope', join(tmp, 'no-such-binary'))] });
    await assert.rejects(m.start('nope'), (e: unknown) => isKind('server-unavailable', /cannot start/)(e) && (e as ToolGatewayError).transient === false);
  });

  it('the breaker opens, goes half-open after the pause, and closes when the server recovers', async () => {
    const counter = join(tmp, 'flaky-count');
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('flaky', node, [fixture('flakyStartServer.mjs'), counter, '2'])] });
    const states: string[] = [];
    m.health.onDidChange((c) => states.push(c.current.state));
    await assert.rejects(m.start('flaky'), isKind('server-unavailable'));
    await assert.rejects(m.start('flaky'), isKind('server-unavailable'));
    await assert.rejects(m.callTool('flaky', 'echo', { message: 'x' }), isKind('circuit-open'));
    await sleep(700); // > breakerHalfOpenAfterMs
    const r = await m.callTool('flaky', 'echo', { message: 'recovered' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: recovered' }]);
    assert.equal(m.health.get('flaky').state, 'healthy');
    assert.ok(states.includes('circuit-open'));
    assert.equal(states.at(-1), 'healthy');
  });

  it('bulkhead: bounded concurrency per server, excess calls are refused as bulkhead-full', async () => {
    const m = make({ policy: { ...FAST_POLICY, maxConcurrentCalls: 2, maxQueuedCalls: 1 }, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs')])] });
    await m.start('s');
    const running = [m.callTool('s', 'slow', { ms: 400 }), m.callTool('s', 'slow', { ms: 400 }), m.callTool('s', 'slow', { ms: 400 })];
    running.forEach((p) => p.catch(() => undefined)); // awaited below; keeps a failed assertion from leaking rejections
    await sleep(50);
    await assert.rejects(m.callTool('s', 'slow', { ms: 10 }), isKind('bulkhead-full'));
    const results = await Promise.all(running);
    assert.equal(results.length, 3);
    assert.equal(m.health.get('s').state, 'healthy', 'a full bulkhead is not a server fault');
  });

  it('refreshes the tool cache on notifications/tools/list_changed', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('s', node, [fixture('scriptedServer.mjs')])] });
    const changed: string[] = [];
    m.onDidChangeTools((s) => changed.push(s));
    assert.ok(!(await m.listTools('s')).some((t) => t.name === 'fresh'));
    await assert.rejects(m.callTool('s', 'fresh', {}), isKind('unknown-tool'));
    await m.callTool('s', 'add', { name: 'fresh' });
    await waitFor(() => changed.length > 0, 3000, 'list_changed event');
    assert.ok((await m.listTools('s')).some((t) => t.name === 'fresh'));
    const r = await m.callTool('s', 'fresh', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'fresh ok' }]);
  });

  it('health checks: failed pings mark the server degraded, then the connection is recycled', async () => {
    const m = make({
      policy: { ...FAST_POLICY, pingIntervalMs: 150, pingTimeoutMs: 150, pingFailuresBeforeRestart: 2 },
      servers: [stdioServer('s', node, [fixture('scriptedServer.mjs'), '--deaf-after', '400'])],
    });
    const states: string[] = [];
    m.health.onDidChange((c) => states.push(c.current.state));
    await m.start('s');
    const pid1 = m.pids().get('s')!;
    await waitFor(() => m.pids().get('s') !== undefined && m.pids().get('s') !== pid1, 10_000, 'recycled process');
    assert.ok(states.includes('degraded'), states.join(','));
    await waitFor(() => !isAlive(pid1), 3000, 'old process killed');
  });

  it('a crash loop stops after maxAutoRestarts and ends in failed with the reason', async () => {
    const m = make({ policy: { ...FAST_POLICY, maxAutoRestarts: 2 }, servers: [stdioServer('crashy', node, [fixture('scriptedServer.mjs'), '--exit-after', '300'])] });
    const starts: number[] = [];
    m.health.onDidChange((c) => c.current.state === 'healthy' && starts.push(Date.now()));
    await m.start('crashy');
    await waitFor(() => m.health.get('crashy').state === 'failed', 10_000, 'failed state');
    const h = m.health.get('crashy');
    assert.ok(h.state === 'failed' && /2 automatic restarts failed, will retry on next use/.test(h.reason), JSON.stringify(h));
    // first start + at most 2 restarts (a restart may itself fail on a very busy machine)
    assert.ok(starts.length >= 2 && starts.length <= 3, `starts: ${starts.length}`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(m.health.get('crashy').state, 'failed', 'no further restarts');
    // the next use starts it again
    assert.ok((await m.listTools('crashy')).length > 0);
  });

  it('workspace servers blocked by trust are listed with the reason and never started', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('ws', bin('mcp-server-everything'), [], { startable: false, blockedReason: 'workspace is not trusted' })] });
    assert.deepEqual(m.health.get('ws'), { state: 'stopped', reason: 'workspace is not trusted' });
    await assert.rejects(m.callTool('ws', 'echo', { message: 'x' }), isKind('not-allowed', /not trusted/));
    assert.equal(m.pids().size, 0);
  });

  it('dispose kills a wrapper\'s whole process tree (like npx/uvx launching the real server)', async () => {
    // `sh -c "node server; true"` keeps sh as the parent of the real server process, which
    // ignores stdin closing: only killing the whole tree gets rid of it
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('wrapped', '/bin/sh', ['-c', `"${node}" "${fixture('scriptedServer.mjs')}" --ignore-stdin-end; true`])] });
    await m.start('wrapped');
    const shPid = m.pids().get('wrapped')!;
    const tree = descendantsOf(shPid);
    assert.equal(tree.length, 1, 'sh has the node server as its child');
    m.dispose();
    await waitFor(() => !isAlive(shPid) && tree.every((p) => !isAlive(p)), 5000, 'wrapper and server killed');
  });

  it('shutdown stops servers gracefully and leaves no process', async () => {
    const m = make({ policy: FAST_POLICY, servers: [stdioServer('a', bin('mcp-server-memory'), [], { transport: { kind: 'stdio', command: bin('mcp-server-memory'), args: [], env: { MEMORY_FILE_PATH: join(tmp, 'm.jsonl') } } }), stdioServer('b', bin('mcp-server-everything'))] });
    await Promise.all([m.start('a'), m.start('b')]);
    const pids = [...m.pids().values()];
    assert.equal(pids.length, 2);
    await m.shutdown();
    assert.deepEqual(pids.filter(isAlive), []);
  });
});
