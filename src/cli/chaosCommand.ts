import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fsp, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeJournal, encodeRecord } from '../engine/journal/journalCodec';
import type { SessionSnapshot } from '../engine/session/sessionModel';
import { findRepoRoot, runCoordinator, type ChaosDecisions, type CoordinatorConfig, type CoordinatorMessage } from './chaosCoordinator';
import { countMarkers, LEDGER_STEPS, prepareWorkload, workloadDirs } from './chaosWorkload';

/**
 * `strata chaos` / `npm run chaos`: the durability benchmark. N sessions run against real MCP
 * servers in a child coordinator process; the harness SIGKILLs the coordinator (with its servers,
 * one process group) at random moments and single MCP servers at random; after each kill the
 * coordinator restarts and recovers from the journal. At the end the harness reads every journal
 * and the side-effect ledger and prints sessions started / completed / lost and recovery times.
 *
 * The coordinator is this same program re-executed with STRATA_CHAOS_ROLE=coordinator, so it
 * works from the bundled CLI and from `tsx`.
 */

const USAGE = `usage: strata chaos [--sessions N] [--kills K] [--seed S] [--concurrency C] [--think MS]
                    [--min-up MS] [--max-up MS] [--server-kill-every MS] [--dir PATH] [--keep] [--json]
  --sessions N            sessions to run (default 200)
  --kills K               coordinator SIGKILLs before the final uninterrupted run (default 8)
  --seed S                random seed (default: time)
  --concurrency C         steps running at once in the coordinator (default 24)
  --think MS              simulated agent thinking time per action (default 60)
  --min-up / --max-up MS  coordinator lifetime before a kill, uniform (default 500 / 2000)
  --server-kill-every MS  mean interval of random MCP server SIGKILLs (default 1500; 0 = none)
  --tear-rate P           after a coordinator kill, probability of appending a torn (half-written,
                          never acknowledged) record to a random journal, as a power cut would (default 0.5)
  --dir PATH              work folder (default: a new temp folder)
  --keep                  keep the work folder
  --json                  print the figures as JSON`;

interface ChaosOptions {
  sessions: number;
  kills: number;
  seed: number;
  concurrency: number;
  thinkMs: number;
  minUpMs: number;
  maxUpMs: number;
  serverKillEveryMs: number;
  tearRate: number;
  dir?: string;
  keep: boolean;
  json: boolean;
}

function parseArgs(argv: readonly string[]): ChaosOptions | string {
  const o: ChaosOptions = { sessions: 200, kills: 8, seed: Date.now() % 1_000_000, concurrency: 24, thinkMs: 60, minUpMs: 500, maxUpMs: 2000, serverKillEveryMs: 1500, tearRate: 0.5, keep: false, json: false };
  const nums: Record<string, keyof ChaosOptions> = {
    '--sessions': 'sessions',
    '--kills': 'kills',
    '--seed': 'seed',
    '--concurrency': 'concurrency',
    '--think': 'thinkMs',
    '--min-up': 'minUpMs',
    '--max-up': 'maxUpMs',
    '--server-kill-every': 'serverKillEveryMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return USAGE;
    if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = true;
    else if (a === '--dir') {
      const v = argv[++i];
      if (!v) return `--dir needs a path\n${USAGE}`;
      o.dir = path.resolve(v);
    } else if (a === '--tear-rate') {
      const v = Number(argv[++i]);
      if (!(v >= 0 && v <= 1)) return `--tear-rate needs a probability between 0 and 1, got ${JSON.stringify(argv[i])}\n${USAGE}`;
      o.tearRate = v;
    } else if (a in nums) {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) return `${a} needs a non-negative number, got ${JSON.stringify(argv[i])}\n${USAGE}`;
      (o as unknown as Record<string, number>)[nums[a]!] = Math.floor(v);
    } else return `unknown option ${JSON.stringify(a)}\n${USAGE}`;
  }
  if (o.sessions < 1) return '--sessions must be at least 1';
  if (o.concurrency < 1) return '--concurrency must be at least 1';
  if (o.maxUpMs < o.minUpMs) return '--max-up must be >= --min-up';
  return o;
}

/** mulberry32: a small seeded PRNG so a run can be repeated with --seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}

/** Figures printed at the end. */
export interface ChaosFigures {
  sessions: number;
  started: number;
  completed: number;
  failed: number;
  lost: number;
  lostDetail: { missing: string[]; unreadable: string[]; doubleRun: string[] };
  effectsMissing: string[];
  coordinatorKills: number;
  serverKills: number;
  recoveries: number;
  recoveryMs: { median: number; p99: number; max: number };
  inProcessRecoverMs: { median: number; p99: number };
  decisions: ChaosDecisions;
  /** Half-written records the harness appended after kills, and torn tails recovery dropped. */
  tornWrites: number;
  tornTailsDropped: number;
  wallMs: number;
  seed: number;
  dir: string;
}

interface Cycle {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Entry point (`strata chaos ...`). Returns the exit code: 0 when nothing was lost and every session completed. */
export async function runChaos(argv: string[]): Promise<number> {
  if (process.env['STRATA_CHAOS_ROLE'] === 'coordinator') {
    const cfg = JSON.parse(process.env['STRATA_CHAOS_CONFIG'] ?? '{}') as CoordinatorConfig;
    // This process exists only to be the coordinator: exit as soon as it is done, whatever
    // handles the host CLI may keep open.
    const code = await runCoordinator(cfg);
    process.exit(code);
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    (parsed === USAGE ? console.log : console.error)(parsed);
    return parsed === USAGE ? 0 : 2;
  }
  const o = parsed;
  const rand = prng(o.seed);
  const root = o.dir ?? mkdtempSync(path.join(tmpdir(), 'strata-chaos-'));
  const dirs = workloadDirs(root);
  const ids = Array.from({ length: o.sessions }, (_, i) => `chaos-${String(i).padStart(4, '0')}`);
  await prepareWorkload(dirs, ids);
  const cfg: CoordinatorConfig = { root, repoRoot: findRepoRoot(__dirname), sessionIds: ids, maxConcurrentSteps: o.concurrency, thinkMs: o.thinkMs };
  const log = (s: string): void => {
    if (!o.json) console.log(s);
  };
  log(`chaos: ${o.sessions} sessions, ${o.kills} coordinator kills, server kills every ~${o.serverKillEveryMs} ms, seed ${o.seed}, work folder ${root}`);

  const t0 = Date.now();
  const recoveryMs: number[] = [];
  const inProcess: number[] = [];
  const decisions: ChaosDecisions = { assumedDone: 0, resent: 0, escalationsRetried: 0, escalationsSkipped: 0 };
  let coordinatorKills = 0;
  let serverKills = 0;
  let lastKillAt: number | undefined;
  let finished = false;
  let unexpectedExits = 0;
  let lastProgress = 0;
  let tornWrites = 0;
  let tornTailsDropped = 0;

  while (!finished) {
    const { child, exited } = spawnCoordinator(cfg);
    let pids: number[] = [];
    let cycleDecisions: ChaosDecisions | undefined;
    const killPlanned = coordinatorKills < o.kills;
    const timers: NodeJS.Timeout[] = [];
    let killedByUs = false;
    const recovered = new Promise<void>((resolve) => {
      child.on('message', (m: CoordinatorMessage) => {
        switch (m.type) {
          case 'recovered':
            if (lastKillAt !== undefined) {
              recoveryMs.push(Date.now() - lastKillAt);
              inProcess.push(m.recoverMs);
            }
            tornTailsDropped += m.tornTails;
            if (m.quarantined.length) for (const q of m.quarantined) log(`  quarantined: ${q}`);
            log(`  coordinator up: recovered ${m.loaded} sessions (${m.resumed} resumed, ${m.tornTails} torn tails) in ${m.recoverMs} ms; boot ${m.bootMs} ms`);
            resolve();
            break;
          case 'pids':
            pids = m.pids;
            break;
          case 'progress':
            lastProgress = m.completed;
            cycleDecisions = m.decisions;
            break;
          case 'done':
            cycleDecisions = m.decisions;
            finished = true;
            break;
        }
      });
    });
    await Promise.race([recovered, exited]);
    if (killPlanned) {
      const upMs = o.minUpMs + rand() * (o.maxUpMs - o.minUpMs);
      timers.push(
        setTimeout(() => {
          if (finished) return;
          killedByUs = true;
          lastKillAt = Date.now();
          // Half the kills take the group at once; the others kill only the coordinator and let its
          // orphaned servers live 300 ms, so calls in flight may still take effect (the hard case).
          const leaderOnly = rand() < 0.5;
          try {
            if (leaderOnly) {
              process.kill(child.pid!, 'SIGKILL');
              const pgid = child.pid!;
              setTimeout(() => {
                try {
                  process.kill(-pgid, 'SIGKILL');
                } catch {
                  // group already gone
                }
              }, 300);
            } else process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, upMs),
      );
    }
    if (o.serverKillEveryMs > 0) {
      const scheduleServerKill = (): void => {
        timers.push(
          setTimeout(() => {
            if (finished || killedByUs) return;
            const pid = pids[Math.floor(rand() * pids.length)];
            if (pid !== undefined) {
              try {
                process.kill(pid, 'SIGKILL');
                serverKills++;
              } catch {
                // already gone
              }
            }
            scheduleServerKill();
          }, o.serverKillEveryMs * (0.5 + rand())),
        );
      };
      // Server kills stop for the final uninterrupted run so it can converge.
      if (killPlanned) scheduleServerKill();
    }
    const { code, signal } = await exited;
    for (const t of timers) clearTimeout(t);
    if (cycleDecisions) for (const k of Object.keys(decisions) as (keyof ChaosDecisions)[]) decisions[k] += cycleDecisions[k];
    if (killedByUs) {
      coordinatorKills++;
      if (rand() < o.tearRate) {
        const torn = await tearRandomJournal(workloadDirs(root).journal, rand);
        if (torn) {
          tornWrites++;
          log(`  tore the last record of ${torn}`);
        }
      }
      log(`  SIGKILL coordinator #${coordinatorKills} (${lastProgress}/${o.sessions} sessions finished so far)`);
      continue;
    }
    if (finished && code === 0) break;
    unexpectedExits++;
    log(`  coordinator exited unexpectedly (code ${code}, signal ${signal}); restarting`);
    if (unexpectedExits > 5) {
      console.error('chaos: the coordinator keeps failing; giving up');
      break;
    }
  }

  const figures = await verify(o, ids, root, {
    coordinatorKills,
    serverKills,
    recoveryMs,
    inProcess,
    decisions,
    tornWrites,
    tornTailsDropped,
    wallMs: Date.now() - t0,
  });
  if (o.json) console.log(JSON.stringify(figures, null, 2));
  else printFigures(figures);
  if (!o.keep && !o.dir) await fsp.rm(root, { recursive: true, force: true });
  return figures.lost === 0 && figures.completed === figures.sessions ? 0 : 1;
}

/**
 * Simulates a power cut during an append: a random journal gets the first part of a record that
 * was never acknowledged (no newline). Recovery must drop it and lose nothing that was acknowledged.
 */
async function tearRandomJournal(journalDir: string, rand: () => number): Promise<string | undefined> {
  const names = (await fsp.readdir(journalDir)).filter((n) => n.endsWith('.journal'));
  const name = names[Math.floor(rand() * names.length)];
  if (!name) return undefined;
  const record = encodeRecord({ type: 'usage', at: Date.now(), stepId: 'L0:system-overseer', usage: { inputTokens: 999_999, outputTokens: 0 } });
  await fsp.appendFile(path.join(journalDir, name), record.slice(0, 1 + Math.floor(rand() * (record.length - 2))));
  return name;
}

function spawnCoordinator(cfg: CoordinatorConfig): Cycle {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], {
    env: { ...process.env, STRATA_CHAOS_ROLE: 'coordinator', STRATA_CHAOS_CONFIG: JSON.stringify(cfg) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Own process group: one SIGKILL takes the coordinator and its MCP servers down together.
    detached: true,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited };
}

async function verify(
  o: ChaosOptions,
  ids: readonly string[],
  root: string,
  run: { coordinatorKills: number; serverKills: number; recoveryMs: number[]; inProcess: number[]; decisions: ChaosDecisions; tornWrites: number; tornTailsDropped: number; wallMs: number },
): Promise<ChaosFigures> {
  const dirs = workloadDirs(root);
  const missing: string[] = [];
  const unreadable: string[] = [];
  const doubleRun: string[] = [];
  const effectsMissing: string[] = [];
  let started = 0;
  let completed = 0;
  let failed = 0;
  for (const id of ids) {
    const file = path.join(dirs.journal, `${id}.journal`);
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(file);
    } catch {
      missing.push(id);
      continue;
    }
    let snap: SessionSnapshot;
    try {
      snap = decodeJournal(file, bytes).snapshot;
    } catch (e) {
      unreadable.push(`${id}: ${(e as Error).message}`);
      continue;
    }
    started++;
    if (snap.status.kind === 'completed') completed++;
    if (snap.status.kind === 'failed') failed++;
    for (const step of LEDGER_STEPS) {
      const n = await countMarkers(dirs, id, step);
      if (n > 1) doubleRun.push(`${id} ${step} (${n} markers)`);
      if (n === 0 && snap.steps[step]?.status === 'succeeded') effectsMissing.push(`${id} ${step}`);
    }
  }
  const lostSessions = new Set([...missing, ...unreadable.map((u) => u.split(':')[0]!), ...doubleRun.map((d) => d.split(' ')[0]!)]);
  return {
    sessions: ids.length,
    started,
    completed,
    failed,
    lost: lostSessions.size,
    lostDetail: { missing, unreadable, doubleRun },
    effectsMissing,
    coordinatorKills: run.coordinatorKills,
    serverKills: run.serverKills,
    recoveries: run.recoveryMs.length,
    recoveryMs: { median: percentile(run.recoveryMs, 50), p99: percentile(run.recoveryMs, 99), max: Math.max(0, ...run.recoveryMs) },
    inProcessRecoverMs: { median: percentile(run.inProcess, 50), p99: percentile(run.inProcess, 99) },
    decisions: run.decisions,
    tornWrites: run.tornWrites,
    tornTailsDropped: run.tornTailsDropped,
    wallMs: run.wallMs,
    seed: o.seed,
    dir: root,
  };
}

function printFigures(f: ChaosFigures): void {
  const lines = [
    '',
    'chaos results',
    `  sessions started     ${f.started} / ${f.sessions}`,
    `  sessions completed   ${f.completed}`,
    `  sessions failed      ${f.failed}`,
    `  sessions lost        ${f.lost}  (missing ${f.lostDetail.missing.length}, unreadable ${f.lostDetail.unreadable.length}, completed step run twice ${f.lostDetail.doubleRun.length})`,
    `  side effects missing ${f.effectsMissing.length}`,
    `  coordinator SIGKILLs ${f.coordinatorKills}; MCP server SIGKILLs ${f.serverKills}`,
    `  recovery time        median ${f.recoveryMs.median} ms, p99 ${f.recoveryMs.p99} ms, max ${f.recoveryMs.max} ms  (kill → restarted coordinator has recovered all journals and resumed; ${f.recoveries} recoveries)`,
    `  journal recovery     median ${f.inProcessRecoverMs.median} ms, p99 ${f.inProcessRecoverMs.p99} ms  (in-process recoverAll)`,
    `  torn writes          ${f.tornWrites} simulated, ${f.tornTailsDropped} torn tails dropped on recovery`,
    `  user decisions       ${f.decisions.assumedDone} uncertain calls found done, ${f.decisions.resent} resent; ${f.decisions.escalationsRetried} escalations retried, ${f.decisions.escalationsSkipped} aborted`,
    `  wall time            ${(f.wallMs / 1000).toFixed(1)} s (seed ${f.seed})`,
  ];
  for (const d of [...f.lostDetail.missing.map((x) => `missing ${x}`), ...f.lostDetail.unreadable, ...f.lostDetail.doubleRun, ...f.effectsMissing.map((x) => `effect missing ${x}`)].slice(0, 20)) lines.push(`    ${d}`);
  console.log(lines.join('\n'));
}
