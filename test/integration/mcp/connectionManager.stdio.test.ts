import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import { MemoryLogSink } from '../../../src/mcp/serverLog';
import { isAlive } from '../../../src/mcp/processTree';
import { ToolGatewayError } from '../../../src/engine/tools/toolGateway';
import { FAST_POLICY, bin, orphanWatch, stdioServer, trackUnhandledRejections } from './mcpTestSupport';

describe('ConnectionManager over stdio with real npm servers', function () {
  this.timeout(60_000);
  const rejections = trackUnhandledRejections();
  const orphans = orphanWatch();
  let dir: string;
  let manager: ConnectionManager;
  const log = new MemoryLogSink();

  before(() => {
    orphans.start();
    dir = mkdtempSync(join(tmpdir(), 'strata-mcp-fs-'));
    writeFileSync(join(dir, 'hello.txt'), 'hello from strata\n');
    manager = new ConnectionManager({
      log,
      policy: FAST_POLICY,
      servers: [
        stdioServer('everything', bin('mcp-server-everything')),
        stdioServer('filesystem', bin('mcp-server-filesystem'), [dir]),
        stdioServer('memory', bin('mcp-server-memory'), [], { transport: { kind: 'stdio', command: bin('mcp-server-memory'), args: [], env: { MEMORY_FILE_PATH: join(dir, 'memory.jsonl') } } }),
      ],
    });
  });

  after(async () => {
    manager.dispose();
    rmSync(dir, { recursive: true, force: true });
    await orphans.assertNone();
    rejections.stop();
    rejections.check();
  });

  it('starts lazily: nothing runs before first use', () => {
    assert.equal(manager.pids().size, 0);
    assert.equal(manager.health.get('everything').state, 'stopped');
  });

  it('lists and calls server-everything tools (echo, annotations, structured content)', async () => {
    const tools = await manager.listTools('everything');
    const echo = tools.find((t) => t.name === 'echo');
    assert.ok(echo, 'echo tool listed');
    assert.equal(echo.server, 'everything');
    assert.equal(typeof echo.inputSchema, 'object');
    const long = tools.find((t) => t.name === 'trigger-long-running-operation');
    assert.equal(long?.annotations?.readOnlyHint, true);
    const r = await manager.callTool('everything', 'echo', { message: 'hi' });
    assert.equal(r.isError, false);
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: hi' }]);
    const structured = await manager.callTool('everything', 'get-structured-content', { location: 'Chicago' });
    assert.equal(structured.isError, false);
    assert.equal(typeof (structured.structuredContent as { temperature?: unknown }).temperature, 'number');
    // a tool's own error is a result (isError), not a gateway failure
    const bad = await manager.callTool('everything', 'get-structured-content', { location: 'Atlantis' });
    assert.equal(bad.isError, true);
    const h = manager.health.get('everything');
    assert.equal(h.state, 'healthy');
    assert.ok(manager.pids().get('everything'));
  });

  it('reads a file through server-filesystem', async () => {
    const tools = await manager.listTools('filesystem');
    const read = tools.find((t) => t.name === 'read_text_file') ?? tools.find((t) => t.name === 'read_file');
    assert.ok(read, `a read tool among ${tools.map((t) => t.name).join(',')}`);
    const r = await manager.callTool('filesystem', read.name, { path: join(dir, 'hello.txt') });
    assert.equal(r.isError, false);
    assert.match(JSON.stringify(r.content), /hello from strata/);
  });

  it('stores and reads entities through server-memory', async () => {
    await manager.callTool('memory', 'create_entities', { entities: [{ name: 'strata', entityType: 'project', observations: ['coordinates personas'] }] });
    const r = await manager.callTool('memory', 'read_graph', {});
    assert.match(JSON.stringify(r), /coordinates personas/);
  });

  it('reports progress and keeps a short timeout alive while progress arrives', async () => {
    const seen: number[] = [];
    // 2.4 s operation with 6 steps (one progress every 400 ms) under a 1.2 s timeout: the
    // timeout restarts on every progress notification, so the call completes.
    const r = await manager.callTool('everything', 'trigger-long-running-operation', { duration: 2.4, steps: 6 }, { timeoutMs: 1200, onProgress: (p) => seen.push(p) });
    assert.equal(r.isError, false);
    // the last notification may race the result; the first five always arrive before it
    assert.deepEqual(seen.slice(0, 5), [1, 2, 3, 4, 5]);
  });

  it('still times out when progress notifications are further apart than the timeout', async () => {
    const m2 = new ConnectionManager({ policy: { ...FAST_POLICY, maxCallAttempts: 1 }, servers: [stdioServer('ev', bin('mcp-server-everything'))] });
    try {
      // 2 steps 1 s apart under a 400 ms timeout: the first progress never arrives in time
      await assert.rejects(m2.callTool('ev', 'trigger-long-running-operation', { duration: 2, steps: 2 }, { timeoutMs: 400 }), (e: unknown) => e instanceof ToolGatewayError && e.kind === 'timeout');
    } finally {
      m2.dispose();
    }
  });

  it('cancels a call through an AbortSignal', async () => {
    const ac = new AbortController();
    const p = manager.callTool('everything', 'trigger-long-running-operation', { duration: 5, steps: 5 }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    await assert.rejects(p, (e: unknown) => e instanceof ToolGatewayError && e.kind === 'cancelled' && !e.transient);
    // the server is still fine afterwards
    const r = await manager.callTool('everything', 'echo', { message: 'after cancel' });
    assert.equal(r.isError, false);
  });

  it('a long-lived signal (one per session step) collects no listener per call, and still cancels', async () => {
    const m2 = new ConnectionManager({ policy: FAST_POLICY, servers: [stdioServer('ev', bin('mcp-server-everything'))] });
    try {
      const step = new AbortController();
      // the first call also starts the server and lists its tools with the signal
      for (let i = 0; i < 15; i++) await m2.callTool('ev', 'echo', { message: `m${i}` }, { signal: step.signal });
      assert.equal(getEventListeners(step.signal, 'abort').length, 0, 'no abort listener left on the caller signal');
      const p = m2.callTool('ev', 'trigger-long-running-operation', { duration: 5, steps: 5 }, { signal: step.signal });
      setTimeout(() => step.abort(), 200);
      await assert.rejects(p, (e: unknown) => e instanceof ToolGatewayError && e.kind === 'cancelled');
      assert.equal(getEventListeners(step.signal, 'abort').length, 0);
    } finally {
      m2.dispose();
    }
  });

  it('rejects unknown tools and unknown servers with clear errors', async () => {
    await assert.rejects(manager.callTool('everything', 'no-such-tool', {}), (e: unknown) => e instanceof ToolGatewayError && e.kind === 'unknown-tool' && /no tool named "no-such-tool"/.test(e.message));
    await assert.rejects(manager.callTool('nope', 'echo', {}), (e: unknown) => e instanceof ToolGatewayError && e.kind === 'server-unavailable' && /no configured MCP server named "nope"/.test(e.message));
  });

  it('pipes server stderr into the per-server log', () => {
    assert.ok(log.get('everything').some((l) => l.startsWith('[stderr]')), 'stderr captured');
  });

  it('dispose kills every child process (no orphans)', async () => {
    const pids = [...manager.pids().values()];
    assert.equal(pids.length, 3);
    manager.dispose();
    const end = Date.now() + 5000;
    while (pids.some(isAlive) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(pids.filter(isAlive), [], 'no server process survives dispose');
    await assert.rejects(manager.callTool('everything', 'echo', { message: 'x' }), (e: unknown) => e instanceof ToolGatewayError && e.kind === 'server-unavailable');
  });
});
