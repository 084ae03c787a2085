import type { Catalog } from '../engine/catalog/catalog';
import { catalogIndex } from '../engine/catalog/catalog';
import type { Plan } from '../engine/plan/planSchema';

/**
 * The readable cascade `strata plan "task"` prints: complexity with reasons, each layer with why,
 * each step with its servers, uncovered needs, confidence and why.
 */
export function formatCascade(plan: Plan, catalog: Catalog, serversNote: string, listUnassigned = true): string {
  const layerName = new Map(catalog.layers.map((l) => [l.id, l.name]));
  const personaName = catalogIndex(catalog).personaById;
  const out: string[] = [];
  out.push(`Task:        ${plan.task.length > 300 ? `${plan.task.slice(0, 299)}…` : plan.task}`);
  out.push(`Complexity:  ${plan.complexity}`);
  for (const r of plan.complexityReasons) out.push(`             - ${r}`);
  out.push(`Cascade:     ${plan.layers.filter((l) => l.included).map((l) => l.layer).join(' → ')}`);
  out.push(`Confidence:  ${plan.confidence.toFixed(2)}  (${plan.confidenceWhy})`);
  if (plan.areas.length) out.push(`Areas:       ${plan.areas.map((a) => `${a.area} [${a.evidence.map((e) => `“${e.phrase}”`).join(', ') || 'added'}]`).join('; ')}`);
  if (plan.concerns.length) out.push(`Concerns:    ${plan.concerns.map((c) => `${c.concern} [${c.evidence.map((e) => `“${e.phrase}”`).join(', ') || 'added'}]`).join('; ')}`);
  out.push('', 'Layers:');
  for (const l of plan.layers) {
    out.push(`  ${l.included ? '●' : '○'} ${l.layer} ${(layerName.get(l.layer) ?? '').padEnd(18)} ${l.why}`);
  }
  out.push('', 'Delegation chain:');
  for (const s of plan.steps) {
    out.push(`  ${s.id.padEnd(26)} ${s.confidence.toFixed(2)}  ${personaName.get(s.persona)?.name ?? s.persona}`);
    out.push(`      why:       ${s.why}`);
    if (s.dependsOn.length) out.push(`      after:     ${s.dependsOn.join(', ')}`);
    out.push(`      servers:   ${s.servers.length ? s.servers.map((v) => `${v.server} (${v.capabilities.join(', ')})`).join(', ') : 'none'}`);
    if (s.uncoveredNeeds.length) out.push(`      uncovered: ${s.uncoveredNeeds.join(', ')}`);
  }
  if (plan.unassignedServers.length && !listUnassigned) {
    out.push('', `${plan.unassignedServers.length} knowledge-base servers are not needed by this plan.`);
  } else if (plan.unassignedServers.length) {
    out.push('', 'Configured servers given to no persona:');
    for (const u of plan.unassignedServers) out.push(`  ${u.server}: ${u.why}`);
  }
  out.push('', `Servers: ${serversNote}`, `Plan: ${plan.id}`);
  return out.join('\n');
}
