import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ConnectionManager } from '../mcp/connectionManager';
import { SessionManager } from '../engine/session/sessionManager';
import type { SessionSnapshot } from '../engine/session/sessionModel';
import { isTerminal } from '../engine/session/sessionState';
import { countMarkers, workloadAgent, workloadDirs, workloadPlan, workloadServers } from './chaosWorkload';

/** What the harness passes to a coordinator process (JSON in STRATA_CHAOS_CONFIG). */
export interface CoordinatorConfig {
  readonly root: string;
  readonly repoRoot: string;
  readonly sessionIds: readonly string[];
  readonly maxConcurrentSteps: number;
  readonly thinkMs: number;
}

/** Messages from the coordinator to the harness (over the IPC channel). */
export type CoordinatorMessage =
  | { type: 'recovered'; recoverMs: number; bootMs: number; loaded: number; resumed: number; quarantined: string[]; tornTails: number }
  | { type: 'pids'; pids: number[] }
  | { type: 'progress'; completed: number; total: number; decisions: ChaosDecisions }
  | { type: 'done'; decisions: ChaosDecisions };

/** Decisions the coordinator took in the user's place. */
export interface ChaosDecisions {
  /** Uncertain calls whose effect the ledger showed: treated as done. */
  assumedDone: number;
  /** Uncertain calls whose effect was absent: sent again. */
  resent: number;
  escalationsRetried: number;
  escalationsSkipped: number;
}

/** Finds the folder holding node_modules/.bin (the repo in development). */
export function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules', '.bin', 'mcp-server-everything'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

function send(msg: CoordinatorMessage): void {
  process.send?.(msg);
}

/**
 * The coordinator process of the chaos benchmark: recovers every session from the journal,
 * creates the sessions that do not exist yet, runs them all against real MCP servers, and plays
 * the user for decisions (an uncertain call is resolved by looking at the ledger, as a person
 * checking the side effect would; an escalation is retried). The harness SIGKILLs it at random.
 */
export async function runCoordinator(cfg: CoordinatorConfig): Promise<number> {
  const bootStart = Date.now() - process.uptime() * 1000;
  const dirs = workloadDirs(cfg.root);
  const cm = new ConnectionManager({
    servers: workloadServers(cfg.repoRoot, dirs),
    policy: { backoffBaseMs: 50, backoffMaxMs: 1000, breakerHalfOpenAfterMs: 500, maxAutoRestarts: 1000, maxQueuedCalls: 4096, maxConcurrentCalls: 16, callTimeoutMs: 15_000 },
  });
  const mgr = new SessionManager({
    storageDir: dirs.journal,
    gateway: cm,
    agentFor: () => workloadAgent(dirs, cfg.thinkMs),
    maxConcurrentSteps: cfg.maxConcurrentSteps,
    execution: { toolRetry: { maxAttempts: 6, backoff: { baseMs: 100, maxMs: 1500, factor: 2, jitter: 0.5 } }, stallMs: 60_000, callTimeoutMs: 15_000 },
    onError: (e) => console.error('[coordinator]', e),
  });
  const decisions: ChaosDecisions = { assumedDone: 0, resent: 0, escalationsRetried: 0, escalationsSkipped: 0 };
  const answered = new Set<string>();
  const escalations = new Map<string, number>();
  const decide = async (s: SessionSnapshot): Promise<void> => {
    for (const w of s.waits) {
      if (answered.has(w.id)) continue;
      answered.add(w.id);
      try {
        await answerOne(s, w);
      } catch (e) {
        answered.delete(w.id); // try again on the next change
        throw e;
      }
    }
  };
  const answerOne = async (s: SessionSnapshot, w: SessionSnapshot['waits'][number]): Promise<void> => {
    {
      switch (w.request.kind) {
        case 'uncertain-call': {
          const n = await countMarkers(dirs, s.id, w.stepId);
          if (n > 0) decisions.assumedDone++;
          else decisions.resent++;
          await mgr.answer(s.id, w.id, n > 0 ? { kind: 'assume-done', note: `ledger shows the marker (${n})` } : { kind: 'retry' });
          break;
        }
        case 'escalation': {
          const k = (escalations.get(s.id) ?? 0) + 1;
          escalations.set(s.id, k);
          if (k <= 20) decisions.escalationsRetried++;
          else decisions.escalationsSkipped++;
          await mgr.answer(s.id, w.id, k <= 20 ? { kind: 'retry' } : { kind: 'abort', note: 'too many escalations' });
          break;
        }
        case 'manual':
        case 'approval':
          break;
        default: {
          const _x: never = w.request;
          void _x;
        }
      }
    }
  };
  mgr.onDidChange((c) => {
    if (c.session.waits.length > 0) void decide(c.session).catch((e) => console.error('[coordinator] decision', e));
  });
  const report = await mgr.recoverAll();
  for (const s of mgr.list()) await decide(s);
  send({
    type: 'recovered',
    recoverMs: report.ms,
    bootMs: Date.now() - bootStart,
    loaded: report.loaded.length,
    resumed: report.resumed.length,
    quarantined: report.quarantined.map((q) => q.message),
    tornTails: report.tornTails.length,
  });
  const pidTimer = setInterval(() => send({ type: 'pids', pids: [...cm.pids().values()] }), 200);
  for (const s of mgr.list()) if (s.status.kind === 'planned') mgr.start(s.id);
  const missing = cfg.sessionIds.filter((id) => !mgr.get(id));
  for (const id of missing) {
    await mgr.create(workloadPlan(id), { id });
    mgr.start(id);
  }
  for (;;) {
    const all = mgr.list();
    const done = all.filter((s) => isTerminal(s.status)).length;
    send({ type: 'progress', completed: done, total: cfg.sessionIds.length, decisions });
    // Sweep for waits a change event did not get answered (e.g. an answer raced a commit).
    for (const s of all) if (s.waits.length > 0) void decide(s).catch((e) => console.error('[coordinator] decision', e));
    if (done === cfg.sessionIds.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(pidTimer);
  send({ type: 'done', decisions });
  await mgr.close();
  await cm.shutdown();
  return 0;
}
