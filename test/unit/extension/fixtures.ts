import { planSchema, type Plan, type PlanStep } from '../../../src/engine/plan/planSchema';
import type { SessionView, StepView } from '../../../src/extension/sessionView';

/** A schema-valid plan L0 → L1 → L3 with two parallel L3 personas (hand-made test data). */
export function samplePlan(task = 'Add a login page with an API endpoint'): Plan {
  const handoff = { objective: 'do it', requirements: [], constraints: [], acceptanceCriteria: [], artifacts: [] };
  const step = (layer: PlanStep['layer'], persona: PlanStep['persona'], dependsOn: string[], servers: string[] = []): PlanStep => ({
    id: `${layer}:${persona}`,
    persona,
    layer,
    dependsOn,
    servers: servers.map((s) => ({ server: s, capabilities: ['files'], why: 'needs files', toolCount: 3 })),
    uncoveredNeeds: [],
    confidence: 0.8,
    why: `${persona} because`,
    evidence: [{ phrase: 'login', start: 6, end: 11, rule: 'lexicon:login', weight: 0.7 }],
    handoff,
  });
  return planSchema.parse({
    schemaVersion: 1,
    id: 'plan-1',
    task,
    createdAt: '2026-11-24T00:00:00.000Z',
    fingerprint: 'fp',
    complexity: 'medium',
    complexityReasons: ['A = 2 → medium'],
    areas: [
      { area: 'frontend', score: 0.8, evidence: [] },
      { area: 'backend', score: 0.7, evidence: [] },
    ],
    concerns: [],
    strategy: 'none',
    liveOps: false,
    layers: [
      { layer: 'L0', included: true, why: 'always' },
      { layer: 'L1', included: true, why: 'medium' },
      { layer: 'L2', included: false, why: 'no L2 area' },
      { layer: 'L3', included: true, why: 'L3 areas' },
      { layer: 'L4', included: false, why: 'no live op' },
    ],
    steps: [
      step('L0', 'system-overseer', []),
      step('L1', 'product-manager', ['L0:system-overseer']),
      step('L3', 'frontend-developer', ['L1:product-manager'], ['filesystem']),
      step('L3', 'backend-developer', ['L1:product-manager'], ['filesystem', 'memory']),
    ],
    confidence: 0.72,
    confidenceWhy: 'clear evidence',
    unassignedServers: [],
  });
}

/** A session view over {@link samplePlan} with the given status and step statuses (by persona). */
export function sampleSession(id: string, status: SessionView['status'], stepStatus: Partial<Record<string, StepView['status']>> = {}, updatedAt = '2026-11-24T01:00:00.000Z'): SessionView {
  const plan = samplePlan(`task ${id}`);
  return {
    id,
    task: plan.task,
    status,
    createdAt: '2026-11-24T00:00:00.000Z',
    updatedAt,
    plan,
    steps: plan.steps.map((s) => ({
      id: s.id,
      persona: s.persona,
      layer: s.layer,
      status: stepStatus[s.persona] ?? 'pending',
      attempts: 1,
      toolCalls: 0,
      startedAt: '2026-11-24T00:00:00.000Z',
      endedAt: '2026-11-24T00:00:05.000Z',
    })),
  };
}
