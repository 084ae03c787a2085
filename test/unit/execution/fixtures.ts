import type { Plan, PlanStep } from '../../../src/engine/plan/planSchema';
import type { PersonaId } from '../../../src/engine/catalog/personas';
import type { LayerId } from '../../../src/engine/catalog/layers';
import type { SessionManager } from '../../../src/engine/session/sessionManager';
import type { SessionSnapshot } from '../../../src/engine/session/sessionModel';
import { ToolGatewayError, type ToolCallResult, type ToolDescriptor, type ToolGateway } from '../../../src/engine/tools/toolGateway';

/** A plan step for tests. */
export function step(id: string, persona: PersonaId, layer: LayerId, dependsOn: string[] = [], servers: string[] = ['srv']): PlanStep {
  return {
    id,
    persona,
    layer,
    dependsOn,
    servers: servers.map((server) => ({ server, capabilities: ['files'], why: 'test' })),
    uncoveredNeeds: [],
    confidence: 1,
    why: 'test',
    evidence: [],
    handoff: { objective: `do ${id}`, requirements: [], constraints: [], acceptanceCriteria: [], artifacts: [] },
  };
}

/** A schema-valid plan from steps. */
export function plan(steps: PlanStep[], id = 'plan-1'): Plan {
  return {
    schemaVersion: 1,
    id,
    task: 'test task',
    createdAt: new Date(0).toISOString(),
    fingerprint: 'fp',
    complexity: 'medium',
    complexityReasons: [],
    areas: [],
    concerns: [],
    strategy: 'none',
    liveOps: false,
    layers: [],
    steps,
    confidence: 1,
    confidenceWhy: 'test',
    unassignedServers: [],
  };
}

/** L0 → L1 → (L3 a, L3 b) → L4 */
export function diamondPlan(servers = ['srv']): Plan {
  return plan([
    step('L0:system-overseer', 'system-overseer', 'L0', [], servers),
    step('L1:solution-architect', 'solution-architect', 'L1', ['L0:system-overseer'], servers),
    step('L3:backend-developer', 'backend-developer', 'L3', ['L1:solution-architect'], servers),
    step('L3:database-expert', 'database-expert', 'L3', ['L1:solution-architect'], servers),
    step('L4:cloud-cli-wrapper', 'cloud-cli-wrapper', 'L4', ['L3:backend-developer', 'L3:database-expert'], servers),
  ]);
}

/**
 * An in-process gateway for unit tests of the executor's logic (integration tests use the real
 * MCP servers). Tools: `read` (read-only), `write` (not idempotent), `slow` (waits `ms`).
 * Failures can be injected per tool.
 */
export class TestGateway implements ToolGateway {
  readonly calls: { server: string; tool: string; args: Record<string, unknown> }[] = [];
  inFlight = 0;
  peakInFlight = 0;
  /** tool name → errors to throw on the next calls. */
  readonly failures = new Map<string, ToolGatewayError[]>();

  constructor(readonly servers: string[] = ['srv']) {}

  async listTools(server: string): Promise<readonly ToolDescriptor[]> {
    if (!this.servers.includes(server)) throw new ToolGatewayError('server-unavailable', server, 'no such server', false);
    const schema = { type: 'object', properties: { text: { type: 'string' }, ms: { type: 'integer', minimum: 0 } } };
    return [
      { server, name: 'read', inputSchema: schema, annotations: { readOnlyHint: true } },
      { server, name: 'write', inputSchema: { ...schema, required: ['text'] }, annotations: { readOnlyHint: false, idempotentHint: false } },
      { server, name: 'slow', inputSchema: schema, annotations: { readOnlyHint: true } },
    ];
  }

  async callTool(server: string, tool: string, args: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<ToolCallResult> {
    this.calls.push({ server, tool, args });
    const queued = this.failures.get(tool);
    if (queued && queued.length) throw queued.shift()!;
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      if (tool === 'slow') {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, Number(args['ms'] ?? 20));
          options?.signal?.addEventListener('abort', () => {
            clearTimeout(t);
            reject(new ToolGatewayError('cancelled', server, 'cancelled', false));
          });
        });
      }
      return { isError: false, content: [{ type: 'text', text: `${tool}:${JSON.stringify(args)}` }] };
    } finally {
      this.inFlight--;
    }
  }
}

/** Resolves once a session satisfies `pred`. */
export function waitFor(m: SessionManager, id: string, pred: (s: SessionSnapshot) => boolean, ms = 10_000): Promise<SessionSnapshot> {
  return new Promise((resolve, reject) => {
    const now = m.get(id);
    if (now && pred(now)) return resolve(now);
    const t = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timeout waiting for session ${id}; status ${JSON.stringify(m.get(id)?.status)}`));
    }, ms);
    const sub = m.onDidChange((c) => {
      if (c.session.id === id && pred(c.session)) {
        clearTimeout(t);
        sub.dispose();
        resolve(c.session);
      }
    });
  });
}
