/**
 * MCP call overhead benchmark (`npm run bench:mcp`).
 *
 * 1. Per-call latency of ConnectionManager.callTool vs a bare SDK Client, both calling
 *    server-everything's `echo` over stdio (two server processes per side, used alternately),
 *    measured side by side in one run, interleaved call by call with alternating order; the
 *    ratio of medians is reported (target ≤ 1.10).
 * 2. Throughput with 8 concurrent callers, for both.
 *
 * Env: BENCH_ROUNDS (default 20), BENCH_CALLS (per round and side, default 50).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ConnectionManager } from '../src/mcp/connectionManager';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 50);
const CONCURRENCY = 8;
const CONCURRENT_CALLS = Number(process.env['BENCH_CONCURRENT_CALLS'] ?? 800);
const everything = join(__dirname, '..', 'node_modules', '.bin', 'mcp-server-everything');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** One configured server-everything for the manager. */
function everythingServer(name: string) {
  return {
    name,
    transport: { kind: 'stdio' as const, command: everything, args: [], env: {} },
    source: { id: 'bench', label: 'bench', scope: 'user' as const, file: 'bench' },
    disabled: false,
    autoApprove: [],
    startable: true,
  };
}

async function bareClient(): Promise<Client> {
  const c = new Client({ name: 'bench-bare', version: '1' }, { capabilities: {} });
  await c.connect(new StdioClientTransport({ command: everything, args: [], stderr: 'ignore' }));
  return c;
}

async function main(): Promise<void> {
  // Two server processes per side, used alternately, so that one fast or slow process (or a
  // neighbour's load burst) does not bias one side: calls are interleaved one by one.
  const bare = [await bareClient(), await bareClient()];
  const manager = new ConnectionManager({ servers: [everythingServer('ev1'), everythingServer('ev2')] });
  try {
    await Promise.all([manager.start('ev1'), manager.start('ev2')]);
    // The manager always asks for progress (a progress token plus resetTimeoutOnProgress) so a
    // long call's timeout restarts on progress. "same request" gives the bare client the same
    // request options, isolating the manager's own overhead; "minimal" is a bare call without them.
    const sameOptions = { onprogress: () => undefined, resetTimeoutOnProgress: true, timeout: 60_000 };
    const bareCall = (i: number) => bare[i % 2]!.callTool({ name: 'echo', arguments: { message: `m${i}` } }, undefined, sameOptions);
    const minimalCall = (i: number) => bare[i % 2]!.callTool({ name: 'echo', arguments: { message: `m${i}` } });
    const managerCall = (i: number) => manager.callTool(i % 2 ? 'ev2' : 'ev1', 'echo', { message: `m${i}` });

    // warm-up (JIT, tool cache, output validators)
    for (let i = 0; i < 200; i++) {
      await bareCall(i);
      await minimalCall(i);
      await managerCall(i);
    }

    const bareTimes: number[] = [];
    const minimalTimes: number[] = [];
    const managerTimes: number[] = [];
    const roundRatios: number[] = [];
    const time = async (call: (i: number) => Promise<unknown>, i: number, into: number[]): Promise<void> => {
      const t0 = performance.now();
      await call(i);
      into.push(performance.now() - t0);
    };
    for (let r = 0; r < ROUNDS; r++) {
      const b: number[] = [];
      const m: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        // rotate which side goes first
        const order = (i + r) % 3;
        if (order === 0) {
          await time(bareCall, i, b);
          await time(managerCall, i, m);
          await time(minimalCall, i, minimalTimes);
        } else if (order === 1) {
          await time(managerCall, i, m);
          await time(minimalCall, i, minimalTimes);
          await time(bareCall, i, b);
        } else {
          await time(minimalCall, i, minimalTimes);
          await time(bareCall, i, b);
          await time(managerCall, i, m);
        }
      }
      bareTimes.push(...b);
      managerTimes.push(...m);
      roundRatios.push(median(m) / median(b));
    }

    const concurrent = async (call: (i: number) => Promise<unknown>): Promise<number> => {
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < CONCURRENT_CALLS) await call(next++);
        }),
      );
      return CONCURRENT_CALLS / ((performance.now() - t0) / 1000);
    };
    const bareRates: number[] = [];
    const managerRates: number[] = [];
    for (let r = 0; r < 5; r++) {
      if (r % 2 === 0) {
        bareRates.push(await concurrent(bareCall));
        managerRates.push(await concurrent(managerCall));
      } else {
        managerRates.push(await concurrent(managerCall));
        bareRates.push(await concurrent(bareCall));
      }
    }

    const mb = median(bareTimes);
    const mm = median(managerTimes);
    const ratio = mm / mb;
    const f = (x: number): string => `${(x * 1000).toFixed(0)} µs`;
    console.log(`MCP call overhead: echo over stdio, ${ROUNDS} rounds × ${CALLS} calls per side, interleaved call by call, 2 server processes per side`);
    const mmin = median(minimalTimes);
    console.log(`  bare SDK Client, same request    median ${f(mb)}  p90 ${f(pct(bareTimes, 0.9))}`);
    console.log(`  bare SDK Client, minimal request median ${f(mmin)}  p90 ${f(pct(minimalTimes, 0.9))}`);
    console.log(`  ConnectionManager                median ${f(mm)}  p90 ${f(pct(managerTimes, 0.9))}`);
    console.log(`  manager / bare (same request)    ${ratio.toFixed(3)}  (median of per-round ratios ${median(roundRatios).toFixed(3)}; target ≤ 1.10: ${ratio <= 1.1 ? 'met' : 'NOT met'})`);
    console.log(`  manager / bare (minimal request) ${(mm / mmin).toFixed(3)}  (includes the progress token the manager always sends)`);
    console.log(`Throughput, ${CONCURRENCY} concurrent callers over 2 servers, ${CONCURRENT_CALLS} calls per run (median of 5 runs):`);
    console.log(`  bare SDK Client (same request)   ${median(bareRates).toFixed(0)} calls/s`);
    console.log(`  ConnectionManager                ${median(managerRates).toFixed(0)} calls/s  (ratio ${(median(managerRates) / median(bareRates)).toFixed(3)})`);
  } finally {
    await Promise.all(bare.map((c) => c.close().catch(() => undefined)));
    manager.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
