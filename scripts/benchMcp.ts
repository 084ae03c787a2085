/**
 * MCP call overhead benchmark (`npm run bench:mcp`): ConnectionManager.callTool against a bare
 * SDK Client, both calling server-everything's `echo` over stdio, measured side by side in one run.
 *
 * A. Same process: the bare side is the SDK `Client` the manager itself connected (same server
 *    process, same pipe), so the only difference is the manager's layers (tool lookup, retry
 *    check, circuit breaker, bulkhead, error mapping). Blocks of 25 calls alternate
 *    bare-same → manager → bare-minimal → manager. This is the overhead figure (target ≤ 1.10).
 * B. Separate processes: a second, independent bare Client on its own server process, blocks
 *    alternating with the manager (so every block follows a process switch). On a busy 2-core
 *    machine two identical server processes differ by ±20 %, so this figure mostly measures the
 *    processes; it is printed for transparency.
 * C. Throughput with 8 concurrent callers: manager vs its own client, and vs the separate client.
 *
 * "same request": the manager always asks for progress (a progress token plus
 * resetTimeoutOnProgress, so a long call's timeout restarts on progress); the bare side sends the
 * same options. "minimal": a bare call without them.
 *
 * Every round starts fresh server processes. Env: BENCH_ROUNDS (default 6), BENCH_CALLS (per
 * round and bare side, default 200), BENCH_CONCURRENT_CALLS (per round and side, default 400).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ConnectionManager } from '../src/mcp/connectionManager';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 6);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 200);
const CONCURRENT_CALLS = Number(process.env['BENCH_CONCURRENT_CALLS'] ?? 400);
const CONCURRENCY = 8;
const BLOCK = 25;
const everything = join(__dirname, '..', 'node_modules', '.bin', 'mcp-server-everything');

type Call = (i: number) => Promise<unknown>;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (xs: readonly number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function separateClient(): Promise<Client> {
  const c = new Client({ name: 'bench-bare', version: '1' }, { capabilities: {} });
  await c.connect(new StdioClientTransport({ command: everything, args: [], stderr: 'ignore' }));
  return c;
}

/** Runs the cycle of (call, sink) blocks `CALLS / BLOCK` times, timing every call. */
async function blocks(cycle: readonly [Call, number[]][]): Promise<void> {
  for (let c = 0; c < CALLS / BLOCK; c++) {
    for (const [call, into] of cycle) {
      for (let k = 0; k < BLOCK; k++) {
        const t0 = performance.now();
        await call(c * BLOCK + k);
        into.push(performance.now() - t0);
      }
    }
  }
}

async function rate(call: Call): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CONCURRENT_CALLS) await call(next++);
    }),
  );
  return CONCURRENT_CALLS / ((performance.now() - t0) / 1000);
}

interface Round {
  same: number[];
  minimal: number[];
  managerA: number[];
  separate: number[];
  managerB: number[];
  rateManager: number;
  rateSame: number;
  rateSeparate: number;
}

async function round(r: number): Promise<Round> {
  const manager = new ConnectionManager({
    servers: [
      {
        name: 'ev',
        transport: { kind: 'stdio', command: everything, args: [], env: {} },
        source: { id: 'bench', label: 'bench', scope: 'user', file: 'bench' },
        disabled: false,
        autoApprove: [],
        startable: true,
      },
    ],
  });
  let other: Client | undefined;
  try {
    await manager.start('ev');
    other = await separateClient();
    const own = manager.sdkClientForBenchmark('ev');
    if (!own) throw new Error('manager not connected');
    const sep = other;
    const options = { onprogress: () => undefined, resetTimeoutOnProgress: true, timeout: 60_000 };
    const args = (i: number) => ({ name: 'echo', arguments: { message: `m${i}` } });
    const sameCall: Call = (i) => own.callTool(args(i), undefined, options);
    const minimalCall: Call = (i) => own.callTool(args(i));
    const separateCall: Call = (i) => sep.callTool(args(i), undefined, options);
    const managerCall: Call = (i) => manager.callTool('ev', 'echo', { message: `m${i}` });
    // warm-up: JIT, tool cache (server-everything sends list_changed right after init), validators
    for (let i = 0; i < 100; i++) for (const c of [sameCall, minimalCall, separateCall, managerCall]) await c(i);

    const res: Round = { same: [], minimal: [], managerA: [], separate: [], managerB: [], rateManager: 0, rateSame: 0, rateSeparate: 0 };
    const a: [Call, number[]][] = [
      [sameCall, res.same],
      [managerCall, res.managerA],
      [minimalCall, res.minimal],
      [managerCall, res.managerA],
    ];
    const b: [Call, number[]][] = [
      [separateCall, res.separate],
      [managerCall, res.managerB],
    ];
    await blocks(r % 2 ? [...a.slice(2), ...a.slice(0, 2)] : a);
    await blocks(r % 2 ? [...b].reverse() : b);
    const order: [Call, keyof Round][] = [
      [managerCall, 'rateManager'],
      [sameCall, 'rateSame'],
      [separateCall, 'rateSeparate'],
    ];
    for (const [call, key] of r % 2 ? [...order].reverse() : order) (res[key] as number) = await rate(call);
    return res;
  } finally {
    await other?.close().catch(() => undefined);
    manager.dispose();
  }
}

async function main(): Promise<void> {
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(r));
  const all = (k: 'same' | 'minimal' | 'managerA' | 'separate' | 'managerB'): number[] => rounds.flatMap((x) => x[k]);
  const ratioA = rounds.map((x) => median(x.managerA) / median(x.same));
  const ratioMin = rounds.map((x) => median(x.managerA) / median(x.minimal));
  const ratioB = rounds.map((x) => median(x.managerB) / median(x.separate));
  const us = (x: number): string => `${(x * 1000).toFixed(0)} µs`;
  const list = (xs: number[]): string => xs.map((x) => x.toFixed(2)).join(' ');
  const head = median(ratioA);
  console.log(`MCP per-call overhead: server-everything echo over stdio, ${ROUNDS} rounds (fresh processes), blocks of ${BLOCK}, ${CALLS} calls per bare side per round`);
  console.log('A. same server process and SDK client (the manager\'s own), interleaved:');
  console.log(`   bare client, same request       median ${us(median(all('same')))}  p90 ${us(pct(all('same'), 0.9))}`);
  console.log(`   bare client, minimal request    median ${us(median(all('minimal')))}  p90 ${us(pct(all('minimal'), 0.9))}`);
  console.log(`   ConnectionManager.callTool      median ${us(median(all('managerA')))}  p90 ${us(pct(all('managerA'), 0.9))}`);
  console.log(`   manager / bare (same request)   ${head.toFixed(3)}  per round [${list(ratioA)}]  target ≤ 1.10: ${head <= 1.1 ? 'met' : 'NOT met'}`);
  console.log(`   manager / bare (minimal)        ${median(ratioMin).toFixed(3)}  per round [${list(ratioMin)}]  (adds the progress token's cost)`);
  console.log('B. separate bare Client on its own server process, alternating blocks:');
  console.log(`   separate bare client            median ${us(median(all('separate')))}  p90 ${us(pct(all('separate'), 0.9))}`);
  console.log(`   ConnectionManager.callTool      median ${us(median(all('managerB')))}  p90 ${us(pct(all('managerB'), 0.9))}`);
  console.log(`   manager / separate client       ${median(ratioB).toFixed(3)}  per round [${list(ratioB)}]  (includes process-to-process variance)`);
  console.log(`C. throughput, ${CONCURRENCY} concurrent callers, ${CONCURRENT_CALLS} calls per side per round (median over rounds):`);
  console.log(`   ConnectionManager               ${median(rounds.map((x) => x.rateManager)).toFixed(0)} calls/s`);
  console.log(`   its bare client (same request)  ${median(rounds.map((x) => x.rateSame)).toFixed(0)} calls/s  (manager/bare ${median(rounds.map((x) => x.rateManager / x.rateSame)).toFixed(3)})`);
  console.log(`   separate bare client            ${median(rounds.map((x) => x.rateSeparate)).toFixed(0)} calls/s  (manager/separate ${median(rounds.map((x) => x.rateManager / x.rateSeparate)).toFixed(3)})`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
