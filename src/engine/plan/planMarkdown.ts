import type { Plan, PlanStep } from './planSchema';

/**
 * Renders a plan as Markdown for export: the cascade, each step with its servers, hand-off and
 * dependencies, and the reasons behind every decision.
 */
export function planToMarkdown(plan: Plan): string {
  const out: string[] = [];
  out.push(`# Strata plan ${plan.id}`, '');
  out.push(`> ${plan.task.replace(/\r?\n/g, '\n> ')}`, '');
  out.push(`- **Complexity:** ${plan.complexity}${plan.complexityReasons.length ? ` — ${plan.complexityReasons.join('; ')}` : ''}`);
  out.push(`- **Cascade:** ${plan.layers.filter((l) => l.included).map((l) => l.layer).join(' → ')}`);
  out.push(`- **Confidence:** ${plan.confidence.toFixed(2)} (${plan.confidenceWhy})`);
  out.push(`- **Strategy:** ${plan.strategy}; **live operation:** ${plan.liveOps ? 'yes' : 'no'}`);
  out.push(`- **Created:** ${plan.createdAt}; **fingerprint:** ${plan.fingerprint}`);
  if (plan.corrections) out.push(`- **Corrections:** \`${JSON.stringify(plan.corrections)}\``);
  out.push('', '## Layers', '');
  out.push('| Layer | Included | Why |', '|---|---|---|');
  for (const l of plan.layers) out.push(`| ${l.layer} | ${l.included ? 'yes' : 'no'} | ${cell(l.why)} |`);
  if (plan.areas.length || plan.concerns.length) {
    out.push('', '## Findings', '');
    for (const c of plan.concerns) out.push(`- concern **${c.concern}** (${c.score.toFixed(2)}): ${c.evidence.map((e) => `“${e.phrase}”`).join(', ') || 'added by the user'}`);
    for (const a of plan.areas) out.push(`- area **${a.area}** (${a.score.toFixed(2)}): ${a.evidence.map((e) => `“${e.phrase}”`).join(', ') || 'added by the user'}`);
  }
  out.push('', '## Steps', '');
  for (const s of plan.steps) out.push(...stepMarkdown(s), '');
  if (plan.unassignedServers.length) {
    out.push('## Configured servers given to no persona', '');
    for (const u of plan.unassignedServers) out.push(`- \`${u.server}\`: ${u.why}`);
    out.push('');
  }
  return out.join('\n');
}

function stepMarkdown(s: PlanStep): string[] {
  const out = [`### ${s.id}`, ''];
  out.push(`- **Confidence:** ${s.confidence.toFixed(2)}`);
  out.push(`- **Depends on:** ${s.dependsOn.length ? s.dependsOn.map((d) => `\`${d}\``).join(', ') : '—'}`);
  out.push(`- **Why:** ${s.why}`);
  out.push(`- **Servers:** ${s.servers.length ? s.servers.map((v) => `\`${v.server}\` (${v.capabilities.join(', ')})`).join(', ') : 'none'}`);
  if (s.uncoveredNeeds.length) out.push(`- **Uncovered needs:** ${s.uncoveredNeeds.join(', ')}`);
  out.push(`- **Objective:** ${s.handoff.objective}`);
  list(out, 'Requirements', s.handoff.requirements);
  list(out, 'Constraints', s.handoff.constraints);
  list(out, 'Acceptance criteria', s.handoff.acceptanceCriteria);
  if (s.handoff.artifacts.length) list(out, 'Artifacts', s.handoff.artifacts.map((a) => `${a.kind} from \`${a.fromStep}\`: ${a.summary}`));
  return out;
}

function list(out: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  out.push(`- **${title}:**`);
  for (const i of items) out.push(`  - ${i}`);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
