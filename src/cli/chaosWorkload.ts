import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Plan, PlanStep } from '../engine/plan/planSchema';
import type { PersonaId } from '../engine/catalog/personas';
import type { LayerId } from '../engine/catalog/layers';
import { ScriptedAgent, type ScriptAction } from '../engine/agents/scriptedAgent';
import type { ConfiguredServer } from '../mcp/serverConfig';

/**
 * The workload shared by the 100-session load test and the chaos benchmark: real MCP servers
 * from npm (filesystem, memory, everything) and a four-step plan per session whose L3 steps each
 * leave one side effect in a ledger file (a non-idempotent `edit_file` that inserts a marker line;
 * applied twice, it inserts two). Counting marker lines tells whether a completed step ran twice.
 */

/** Where the workload lives: `<root>/files` is the filesystem server's root. */
export interface WorkloadDirs {
  readonly root: string;
  readonly files: string;
  readonly ledger: string;
  readonly journal: string;
  readonly memoryFile: string;
}

export function workloadDirs(root: string): WorkloadDirs {
  const files = path.join(root, 'files');
  return { root, files, ledger: path.join(files, 'ledger'), journal: path.join(root, 'journal'), memoryFile: path.join(root, 'memory.jsonl') };
}

/** Path of an npm-installed server binary. */
export function serverBin(repoRoot: string, name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

function stdio(name: string, command: string, args: string[], env: Record<string, string> = {}): ConfiguredServer {
  return {
    name,
    transport: { kind: 'stdio', command, args, env },
    source: { id: 'workload', label: 'workload', scope: 'user', file: 'workload' },
    disabled: false,
    autoApprove: [],
    startable: true,
  };
}

/** The three real servers of the workload. */
export function workloadServers(repoRoot: string, dirs: WorkloadDirs): ConfiguredServer[] {
  return [
    stdio('fs', serverBin(repoRoot, 'mcp-server-filesystem'), [dirs.files]),
    stdio('memory', serverBin(repoRoot, 'mcp-server-memory'), [], { MEMORY_FILE_PATH: dirs.memoryFile }),
    stdio('everything', serverBin(repoRoot, 'mcp-server-everything'), []),
  ];
}

/** The L3 steps that write ledger markers. */
export const LEDGER_STEPS = ['L3:backend-developer', 'L3:testing-specialist'] as const;

const LEDGER_HEAD = 'LEDGER\n';

/** Ledger file of one step of one session. */
export function ledgerFile(dirs: WorkloadDirs, sessionId: string, stepId: string): string {
  return path.join(dirs.ledger, `${sessionId}.${stepId.replace(/[^A-Za-z0-9-]/g, '_')}.txt`);
}

/** The marker a step's side effect writes. */
export function ledgerMarker(sessionId: string, stepId: string): string {
  return `MARK ${sessionId} ${stepId}`;
}

/** Creates the folders and, for each session, its empty ledger files (idempotent). */
export async function prepareWorkload(dirs: WorkloadDirs, sessionIds: readonly string[]): Promise<void> {
  await fsp.mkdir(dirs.ledger, { recursive: true });
  await fsp.mkdir(dirs.journal, { recursive: true });
  for (const id of sessionIds) {
    for (const step of LEDGER_STEPS) {
      const f = ledgerFile(dirs, id, step);
      await fsp.writeFile(f, LEDGER_HEAD, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  }
}

/** Number of markers in a step's ledger (0 = effect never happened, 2+ = ran twice). */
export async function countMarkers(dirs: WorkloadDirs, sessionId: string, stepId: string): Promise<number> {
  const text = await fsp.readFile(ledgerFile(dirs, sessionId, stepId), 'utf8').catch(() => '');
  const marker = ledgerMarker(sessionId, stepId);
  return text.split('\n').filter((l) => l === marker).length;
}

function planStep(id: string, persona: PersonaId, layer: LayerId, dependsOn: string[], servers: string[], objective: string): PlanStep {
  return {
    id,
    persona,
    layer,
    dependsOn,
    servers: servers.map((server) => ({ server, capabilities: [], why: 'workload' })),
    uncoveredNeeds: [],
    confidence: 1,
    why: 'workload step',
    evidence: [],
    handoff: { objective, requirements: [], constraints: [], acceptanceCriteria: [], artifacts: [] },
  };
}

/** The plan of one workload session: L0 → L1 → two parallel L3 experts. Valid per the plan schema. */
export function workloadPlan(sessionId: string): Plan {
  return {
    schemaVersion: 1,
    id: `workload-${sessionId}`,
    task: `Workload session ${sessionId}: record a marker for each expert`,
    createdAt: new Date(0).toISOString(),
    fingerprint: 'workload',
    complexity: 'medium',
    complexityReasons: ['workload'],
    areas: [],
    concerns: [],
    strategy: 'none',
    liveOps: false,
    layers: [],
    steps: [
      planStep('L0:system-overseer', 'system-overseer', 'L0', [], ['memory', 'everything'], 'Own the session'),
      planStep('L1:solution-architect', 'solution-architect', 'L1', ['L0:system-overseer'], ['everything'], 'Plan the work'),
      planStep('L3:backend-developer', 'backend-developer', 'L3', ['L1:solution-architect'], ['fs', 'everything'], 'Record the backend marker'),
      planStep('L3:testing-specialist', 'testing-specialist', 'L3', ['L1:solution-architect'], ['fs', 'everything'], 'Record the testing marker'),
    ],
    confidence: 1,
    confidenceWhy: 'workload',
    unassignedServers: [],
  };
}

/** Deterministic pseudo-random in [0,1) from a string (so a resumed step repeats its script exactly). */
function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

/**
 * The scripted agent of the workload. Each step's actions depend only on the session and step,
 * never on the persona running it, so re-delegation and resume behave. `thinkMs` scales the
 * simulated thinking time between calls.
 */
export function workloadAgent(dirs: WorkloadDirs, thinkMs = 150): ScriptedAgent {
  return new ScriptedAgent((ctx) => {
    const sid = ctx.sessionId;
    const id = ctx.step.id.split('~')[0]!;
    const think = (k: string): ScriptAction => ({ delayMs: Math.round(thinkMs * (0.3 + hash01(`${sid}/${id}/${k}`))) });
    switch (id) {
      case 'L0:system-overseer':
        return [think('a'), { call: { server: 'memory', tool: 'search_nodes', args: { query: sid } } }, { call: { server: 'everything', tool: 'echo', args: { message: `${sid} start` } } }];
      case 'L1:solution-architect':
        return [think('a'), { call: { server: 'everything', tool: 'get-sum', args: { a: sid.length, b: 2 } } }, think('b'), { call: { server: 'everything', tool: 'echo', args: { message: `${sid} plan` } } }];
      default: {
        const rel = path.relative(dirs.files, ledgerFile(dirs, sid, id)).split(path.sep).join('/');
        const file = path.join(dirs.files, rel);
        return [
          think('a'),
          { call: { server: 'fs', tool: 'read_text_file', args: { path: file } } },
          think('b'),
          { call: { server: 'fs', tool: 'edit_file', args: { path: file, edits: [{ oldText: LEDGER_HEAD, newText: `${LEDGER_HEAD}${ledgerMarker(sid, id)}\n` }] } } },
          think('c'),
          { call: { server: 'everything', tool: 'echo', args: { message: `${sid} ${id} done` } } },
        ];
      }
    }
  });
}
