import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import { MemoryLogSink } from '../../../src/mcp/serverLog';
import { ToolGatewayError, type ToolFailureKind } from '../../../src/engine/tools/toolGateway';
import { FAST_POLICY, bin, freePorts, httpServer, orphanWatch, trackUnhandledRejections, waitFor } from './mcpTestSupport';

// Ports are the OS's choice (see freePorts): fixed ones in the ephemeral range collided with outgoing connections.
let HTTP_PORT = 0;
let SSE_PORT = 0;

/**
 * An in-process proxy in front of server-everything that can "forget" sessions: afterwards it
 * answers requests carrying a forgotten session id with HTTP 404, as the spec says a server does.
 */
function sessionForgettingProxy(upstreamPort: number): { server: Server; forgetAll(): void; forgotten: () => number } {
  const seen = new Set<string>();
  const forgotten = new Set<string>();
  let answered404 = 0;
  const server = createServer((req, res) => {
    const sid = req.headers['mcp-session-id'];
    if (typeof sid === 'string' && forgotten.has(sid)) {
      answered404++;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      const ac = new AbortController();
      res.on('close', () => ac.abort());
      fetch(`http://127.0.0.1:${upstreamPort}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, signal: ac.signal })
        .then((up) => {
          const out: Record<string, string> = {};
          up.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'content-encoding') out[k] = v;
          });
          const s = up.headers.get('mcp-session-id');
          if (s) seen.add(s);
          res.writeHead(up.status, out);
          if (up.body) Readable.fromWeb(up.body as import('node:stream/web').ReadableStream).on('error', () => res.destroy()).pipe(res);
          else res.end();
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
    });
  });
  return {
    server,
    forgetAll: () => seen.forEach((s) => forgotten.add(s)),
    forgotten: () => answered404,
  };
}

/** Starts server-everything in an HTTP mode and resolves once it listens. */
function startEverything(mode: 'streamableHttp' | 'sse', port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin('mcp-server-everything'), [mode], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (/listening on port|running on port/i.test(out)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server-everything ${mode} exited (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`server-everything ${mode} did not start: ${out}`)), 15_000).unref();
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const isKind = (...kinds: ToolFailureKind[]) => (e: unknown) => {
  assert.ok(e instanceof ToolGatewayError, String(e));
  assert.ok(kinds.includes(e.kind), `kind ${e.kind} not in ${kinds.join('/')}: ${e.message}`);
  return true;
};

describe('ConnectionManager over HTTP (server-everything streamableHttp and sse)', function () {
  this.timeout(60_000);
  const rejections = trackUnhandledRejections();
  const orphans = orphanWatch();
  let httpChild: ChildProcess | undefined;
  let sseChild: ChildProcess | undefined;
  const managers: ConnectionManager[] = [];

  before(async () => {
    orphans.start();
    [HTTP_PORT, SSE_PORT] = (await freePorts(2)) as [number, number];
    [httpChild, sseChild] = await Promise.all([startEverything('streamableHttp', HTTP_PORT), startEverything('sse', SSE_PORT)]);
  });

  afterEach(() => {
    for (const m of managers.splice(0)) m.dispose();
  });

  after(async () => {
    await Promise.all([stop(httpChild), stop(sseChild)]);
    await orphans.assertNone();
    rejections.stop();
    rejections.check();
  });

  it('calls tools over Streamable HTTP', async () => {
    const m = new ConnectionManager({ policy: FAST_POLICY, servers: [httpServer('ev', `http://127.0.0.1:${HTTP_PORT}/mcp`)] });
    managers.push(m);
    const tools = await m.listTools('ev');
    assert.ok(tools.some((t) => t.name === 'echo'));
    const r = await m.callTool('ev', 'echo', { message: 'over http' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: over http' }]);
    const h = m.health.get('ev');
    assert.ok(h.state === 'healthy' && h.transport === 'http');
  });

  it('calls tools over the legacy SSE transport, and falls back to it from an http entry', async () => {
    const log = new MemoryLogSink();
    const m = new ConnectionManager({
      log,
      policy: FAST_POLICY,
      servers: [httpServer('sse', `http://127.0.0.1:${SSE_PORT}/sse`, 'sse'), httpServer('fallback', `http://127.0.0.1:${SSE_PORT}/sse`, 'http')],
    });
    managers.push(m);
    const r = await m.callTool('sse', 'echo', { message: 'over sse' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: over sse' }]);
    const r2 = await m.callTool('fallback', 'echo', { message: 'fell back' });
    assert.deepEqual(r2.content, [{ type: 'text', text: 'Echo: fell back' }]);
    const h = m.health.get('fallback');
    assert.ok(h.state === 'healthy' && h.transport === 'sse', JSON.stringify(h));
    assert.ok(log.get('fallback').some((l) => /falling back to SSE/.test(l)));
  });

  it('an HTTP server that goes away and comes back: errors, open circuit, then re-initialised session and closed circuit', async () => {
    const log = new MemoryLogSink();
    const m = new ConnectionManager({ log, policy: { ...FAST_POLICY, maxCallAttempts: 1 }, servers: [httpServer('ev', `http://127.0.0.1:${HTTP_PORT}/mcp`)] });
    managers.push(m);
    await m.callTool('ev', 'echo', { message: 'before' });
    await stop(httpChild);
    await assert.rejects(m.callTool('ev', 'echo', { message: 'down 1' }), isKind('server-unavailable', 'connection-lost'));
    await assert.rejects(m.callTool('ev', 'echo', { message: 'down 2' }), isKind('server-unavailable', 'connection-lost'));
    assert.equal(m.health.get('ev').state, 'circuit-open');
    await assert.rejects(m.callTool('ev', 'echo', { message: 'down 3' }), isKind('circuit-open'));
    httpChild = await startEverything('streamableHttp', HTTP_PORT);
    await new Promise((r) => setTimeout(r, 700)); // > breakerHalfOpenAfterMs
    const r = await m.callTool('ev', 'echo', { message: 'back' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: back' }]);
    await waitFor(() => m.health.get('ev').state === 'healthy', 3000, 'healthy again');
  });

  it('re-initialises on HTTP 404 "session not found" and re-sends the request once', async () => {
    const proxy = sessionForgettingProxy(HTTP_PORT);
    // (Port 0: the OS picks a free port, read back once the proxy listens.)
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', () => r()));
    const proxyPort = (proxy.server.address() as AddressInfo).port;
    const log = new MemoryLogSink();
    const m = new ConnectionManager({ log, policy: { ...FAST_POLICY, maxCallAttempts: 1 }, servers: [httpServer('ev', `http://127.0.0.1:${proxyPort}/mcp`)] });
    managers.push(m);
    try {
      await m.callTool('ev', 'echo', { message: 'one' });
      proxy.forgetAll();
      const r = await m.callTool('ev', 'echo', { message: 'two' });
      assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: two' }]);
      assert.ok(proxy.forgotten() >= 1, 'the proxy answered 404');
      assert.ok(log.get('ev').some((l) => /session not found: re-initialising/.test(l)));
      assert.equal(m.health.get('ev').state, 'healthy');
    } finally {
      m.dispose();
      proxy.server.closeAllConnections();
      await new Promise((r) => proxy.server.close(r));
    }
  });

  it('re-initialises when a restarted server no longer knows the session (HTTP 400)', async () => {
    const log = new MemoryLogSink();
    const m = new ConnectionManager({ log, policy: { ...FAST_POLICY, maxCallAttempts: 1 }, servers: [httpServer('ev', `http://127.0.0.1:${HTTP_PORT}/mcp`)] });
    managers.push(m);
    await m.callTool('ev', 'echo', { message: 'one' });
    // A restart between two calls, faster than anything notices: the old session id is unknown.
    await stop(httpChild);
    httpChild = await startEverything('streamableHttp', HTTP_PORT);
    const r = await m.callTool('ev', 'echo', { message: 'two' });
    assert.deepEqual(r.content, [{ type: 'text', text: 'Echo: two' }]);
    assert.ok(log.get('ev').some((l) => /session not found: re-initialising/.test(l)), log.get('ev').join('\n'));
  });
});
