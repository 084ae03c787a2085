import type { PersonaId } from '../catalog/personas';
import type { Handoff, PlanStep } from '../plan/planSchema';
import { ToolGatewayError, type ToolDescriptor, type ToolGateway } from '../tools/toolGateway';
import type { SessionSnapshot, StepRecord } from '../session/sessionModel';

/*
 * What one step attempt is given: its plan step, the servers of its persona, the hand-off with
 * upstream outputs, and the tools of those servers. Pure over the snapshot, except the listing.
 */

/** The plan step of a step record; a step added at run time gets one rebuilt from its record. */
export function planStepOf(m: SessionSnapshot, s: StepRecord): PlanStep {
  const p = m.plan.steps.find((x) => x.id === s.id);
  if (p) return p;
  return {
    id: s.id,
    persona: s.plannedPersona,
    layer: s.layer,
    dependsOn: [...s.dependsOn],
    servers: s.servers.map((server) => ({ server, capabilities: [], why: 'inherited' })),
    uncoveredNeeds: [],
    confidence: 1,
    why: s.origin ? `${s.origin.kind} for ${s.origin.forStep}` : 'added at run time',
    evidence: [],
    handoff: s.handoff,
  };
}

/** Hand-off with upstream outputs (dependencies and re-plans for this step) as artifacts. */
export function handoffFor(m: SessionSnapshot, s: StepRecord, base: Handoff): Handoff {
  const upstream = [...s.dependsOn.map((d) => m.steps[d]), ...m.stepOrder.map((id) => m.steps[id]).filter((x) => x?.origin?.forStep === s.id && x.status === 'succeeded')];
  const artifacts = [...base.artifacts.filter((a) => !upstream.some((u) => u?.id === a.fromStep))];
  for (const u of upstream) {
    if (!u?.output) continue;
    artifacts.push({ fromStep: u.id, kind: u.origin ? u.origin.kind : u.status === 'skipped' ? 'skipped' : 'result', summary: u.output.summary, ...(u.output.data !== undefined ? { data: u.output.data } : {}) });
  }
  return { ...base, artifacts };
}

/** The servers a persona works with on a step: its own plan step's servers after a re-delegation. */
export function serversFor(m: SessionSnapshot, s: StepRecord, persona: PersonaId): string[] {
  if (persona === s.plannedPersona) return [...s.servers];
  const other = m.plan.steps.find((x) => x.persona === persona);
  return other ? other.servers.map((x) => x.server) : [...s.servers];
}

/**
 * The persona's tools: the scoped servers' tools as the gateway lists them. A server that
 * cannot be used at all (unknown, blocked: a permanent error) is left out so the persona works
 * with the rest; a transient listing failure fails the attempt so the ladder retries it.
 */
export async function listScopedTools(gateway: ToolGateway, servers: readonly string[], signal: AbortSignal): Promise<{ tools: ToolDescriptor[]; unavailable: string[] }> {
  const unavailable: string[] = [];
  const lists = await Promise.all(
    servers.map(async (srv) => {
      try {
        return await gateway.listTools(srv, signal);
      } catch (e) {
        if (e instanceof ToolGatewayError && !e.transient) {
          unavailable.push(`${srv}: ${e.message}`);
          return [];
        }
        throw e;
      }
    }),
  );
  return { tools: lists.flat(), unavailable };
}
