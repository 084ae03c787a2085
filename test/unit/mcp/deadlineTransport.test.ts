import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { DeadlineTransport, NO_SDK_TIMEOUT } from '../../../src/mcp/deadlineTransport';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A real SDK McpServer and Client over the SDK's in-memory transport, the client side wrapped in
 * a DeadlineTransport exactly as ServerConnection does.
 */
async function setUp() {
  const server = new McpServer({ name: 'deadline-test', version: '1' });
  const aborted: string[] = [];
  let serverSide!: InMemoryTransport;
  // `work`: `steps` progress notifications `gapMs` apart, then an answer. Records cancellations.
  server.registerTool('work', { inputSchema: { id: z.string(), steps: z.number(), gapMs: z.number(), badProgress: z.boolean().optional(), answerAfterCancel: z.boolean().optional() } }, async ({ id, steps, gapMs, badProgress, answerAfterCancel }, extra) => {
    const token = extra._meta?.progressToken;
    extra.signal.addEventListener('abort', () => aborted.push(id));
    for (let i = 1; i <= steps; i++) {
      await sleep(gapMs);
      if (extra.signal.aborted) {
        // A server that ignores the cancellation and answers anyway (the SDK server would not).
        if (answerAfterCancel) await serverSide.send({ jsonrpc: '2.0', id: extra.requestId, result: { content: [{ type: 'text', text: 'late' }] } });
        break;
      }
      if (token === undefined) continue;
      if (badProgress) await serverSide.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: token, progress: 'lots' } });
      else await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: i, total: steps } });
    }
    return { content: [{ type: 'text', text: `done ${id}` }] };
  });
  const [clientSide, s] = InMemoryTransport.createLinkedPair();
  serverSide = s;
  await server.connect(serverSide);
  const deadlines = new DeadlineTransport(clientSide);
  const errors: Error[] = [];
  const client = new Client({ name: 't', version: '1' }, { capabilities: {} });
  client.onerror = (e) => errors.push(e);
  await client.connect(deadlines);
  const call = (args: { id: string; steps: number; gapMs: number; badProgress?: boolean; answerAfterCancel?: boolean }, timeoutMs: number, maxTotalMs = 0, onProgress?: (p: number, t?: number) => void, signal?: AbortSignal) => {
    const tracked = deadlines.track(timeoutMs, maxTotalMs, onProgress, signal);
    return client
      .callTool({ name: 'work', arguments: args, _meta: { progressToken: tracked.token } }, undefined, { timeout: NO_SDK_TIMEOUT })
      .finally(() => deadlines.untrack(tracked));
  };
  return { server, serverSide, client, deadlines, aborted, errors, call };
}

const isTimeout = (pattern: RegExp) => (e: unknown) => e instanceof McpError && e.code === ErrorCode.RequestTimeout && pattern.test(e.message);

describe('DeadlineTransport (per-call timeout that restarts on progress)', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    env = await setUp();
  });
  afterEach(async () => {
    await env.client.close();
    await env.server.close();
  });

  it('keeps a call alive while progress arrives faster than the timeout, and reports the progress', async () => {
    const seen: number[] = [];
    // 6 × 40 ms = 240 ms of work under a 120 ms timeout
    const r = await env.call({ id: 'a', steps: 6, gapMs: 40 }, 120, 0, (p) => seen.push(p));
    assert.deepEqual(r.content, [{ type: 'text', text: 'done a' }]);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
    assert.equal(env.deadlines.trackedCalls, 0);
    assert.deepEqual(env.aborted, []);
  });

  it('times out a call whose progress is further apart than the timeout, cancels it at the server, and drops the late answer', async () => {
    const t0 = Date.now();
    await assert.rejects(env.call({ id: 'b', steps: 2, gapMs: 150 }, 60), isTimeout(/no answer or progress within 60 ms/));
    const took = Date.now() - t0;
    assert.ok(took >= 55 && took < 140, `timed out after ${took} ms`);
    await sleep(200);
    assert.deepEqual(env.aborted, ['b'], 'the server got notifications/cancelled');
    // the connection is still usable and nothing complained about an unknown response id
    const r = await env.call({ id: 'c', steps: 1, gapMs: 1 }, 1000);
    assert.deepEqual(r.content, [{ type: 'text', text: 'done c' }]);
    assert.deepEqual(env.errors.map((e) => e.message), []);
  });

  it('drops the answer of a server that answers a call after it was timed out and cancelled', async () => {
    await assert.rejects(env.call({ id: 'g', steps: 2, gapMs: 100, answerAfterCancel: true }, 40), isTimeout(/within 40 ms/));
    await sleep(250);
    assert.deepEqual(env.aborted, ['g']);
    assert.deepEqual(env.errors.map((e) => e.message), [], 'the late answer never reached the SDK as an unknown response');
  });

  it('a shorter timeout started after a longer one still fires on time (the shared timer re-arms)', async () => {
    const long = env.call({ id: 'long', steps: 1, gapMs: 300 }, 5000);
    const t0 = Date.now();
    await assert.rejects(env.call({ id: 'short', steps: 1, gapMs: 300 }, 50), isTimeout(/within 50 ms/));
    assert.ok(Date.now() - t0 < 200);
    assert.deepEqual((await long).content, [{ type: 'text', text: 'done long' }]);
  });

  it('the hard cap (maxTotalMs) ends a call even while progress keeps arriving', async () => {
    await assert.rejects(env.call({ id: 'd', steps: 20, gapMs: 20 }, 100, 150), isTimeout(/maximum total time of 150 ms/));
  });

  it('rejects a malformed progress notification (zod) without extending the deadline', async () => {
    await assert.rejects(env.call({ id: 'e', steps: 6, gapMs: 30, badProgress: true }, 80), isTimeout(/within 80 ms/));
    assert.ok(env.errors.some((e) => /invalid progress notification/.test(e.message)), env.errors.map((e) => e.message).join('; '));
  });

  it("cancels through the caller's signal (the server is told) and leaves no listener on a long-lived signal", async () => {
    const session = new AbortController(); // one signal for many calls, as the engine passes per step
    for (let i = 0; i < 15; i++) await env.call({ id: `s${i}`, steps: 0, gapMs: 0 }, 1000, 0, undefined, session.signal);
    assert.equal(getEventListeners(session.signal, 'abort').length, 0, 'no abort listener left behind');
    const running = env.call({ id: 'cancel-me', steps: 3, gapMs: 100 }, 5000, 0, undefined, session.signal);
    setTimeout(() => session.abort(new Error('user pressed stop')), 30);
    await assert.rejects(running, (e: unknown) => e instanceof McpError && /cancelled: Error: user pressed stop/.test(e.message));
    assert.equal(getEventListeners(session.signal, 'abort').length, 0);
    assert.equal(env.deadlines.trackedCalls, 0);
    await sleep(150);
    assert.deepEqual(env.aborted, ['cancel-me'], 'the server got notifications/cancelled');
  });

  it('drops progress that arrives after the call ended (no unknown-token error)', async () => {
    const tracked = env.deadlines.track(1000, 0);
    await env.client.callTool({ name: 'work', arguments: { id: 'h', steps: 0, gapMs: 0 }, _meta: { progressToken: tracked.token } });
    env.deadlines.untrack(tracked);
    await env.serverSide.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: tracked.token, progress: 1 } });
    await sleep(20);
    assert.deepEqual(env.errors.map((e) => e.message), []);
  });

  it('calls that answer in time leave nothing behind and never fire the timer', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => env.call({ id: `f${i}`, steps: 0, gapMs: 0 }, 50)));
    assert.equal(env.deadlines.trackedCalls, 0);
    await sleep(80); // the lazily armed timer fires, finds nothing overdue
    assert.deepEqual(env.aborted, []);
    assert.deepEqual(env.errors, []);
  });
});
