import { LAYERS } from '../engine/catalog/layers';
import type { Plan } from '../engine/plan/planSchema';
import { cascadeText, type SessionView } from './sessionView';

/**
 * Markdown for the `@strata` chat participant (streamed chunk by chunk, one per layer) and the
 * plain-text plan summary the `strata_coordinate` language-model tool returns. Pure, unit-tested.
 * Task and server text is untrusted: it is put in inline code or escaped, never as raw Markdown.
 */

/** Escapes Markdown so untrusted text renders literally. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
export function mdCode(s: string): string {
  const ticks = (s.match(/`+/g) ?? []).reduce((m, t) => Math.max(m, t.length), 0);
  const fence = '`'.repeat(ticks + 1);
  return `${fence}${ticks ? ' ' : ''}${s.replace(/\r?\n/g, ' ')}${ticks ? ' ' : ''}${fence}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The plan as Markdown chunks: header, one per included layer, then why/confidence. */
export function planChatChunks(plan: Plan, lowConfidenceThreshold: number): string[] {
  const chunks: string[] = [];
  chunks.push(
    `**Task:** ${mdText(plan.task)}\n\n` +
      `**Complexity:** ${plan.complexity} · **Cascade:** ${cascadeText(plan)} · **Confidence:** ${pct(plan.confidence)}\n\n` +
      (plan.areas.length ? `**Areas:** ${plan.areas.map((a) => a.area).join(', ')}` : '**Areas:** none (generalist or strategy-only)') +
      (plan.concerns.length ? ` · **Concerns:** ${plan.concerns.map((c) => c.concern).join(', ')}` : '') +
      '\n\n',
  );
  if (plan.confidence < lowConfidenceThreshold) {
    chunks.push(`> ⚠️ **Low confidence** (${pct(plan.confidence)}): check the areas and complexity; open the cascade to correct them.\n\n`);
  }
  for (const l of plan.layers.filter((x) => x.included)) {
    const info = LAYERS.find((x) => x.id === l.layer)!;
    const steps = plan.steps.filter((s) => s.layer === l.layer);
    const lines = [`#### ${l.layer} ${info.name}${steps.length > 1 ? ` (parallel ×${steps.length})` : ''}`, `_${mdText(l.why)}_`, ''];
    for (const s of steps) {
      const servers = s.servers.length ? s.servers.map((x) => `${mdCode(x.server)}${x.toolCount !== undefined ? ` (${x.toolCount} tools)` : ''}`).join(', ') : 'no servers';
      lines.push(`- **${s.persona}** — ${servers} · confidence ${pct(s.confidence)}`);
      lines.push(`  - ${mdText(s.why)}`);
    }
    chunks.push(lines.join('\n') + '\n\n');
  }
  chunks.push(`**Why:** ${plan.complexityReasons.map(mdText).join('; ')}\n\n**Confidence:** ${mdText(plan.confidenceWhy)}\n\n`);
  return chunks;
}

/** Plain-text plan summary for language-model tools (compact, no Markdown escaping needed). */
export function planSummaryText(plan: Plan): string {
  const lines = [
    `Task: ${plan.task}`,
    `Complexity: ${plan.complexity} (${plan.complexityReasons.join('; ')})`,
    `Cascade: ${cascadeText(plan)}`,
    `Confidence: ${pct(plan.confidence)} — ${plan.confidenceWhy}`,
    `Areas: ${plan.areas.map((a) => a.area).join(', ') || 'none'}; concerns: ${plan.concerns.map((c) => c.concern).join(', ') || 'none'}`,
    'Steps:',
    ...plan.steps.map(
      (s) =>
        `- ${s.layer} ${s.persona}${s.dependsOn.length ? ` (after ${s.dependsOn.join(', ')})` : ''}: servers ${s.servers.map((x) => x.server).join(', ') || 'none'}; ${s.why}`,
    ),
  ];
  if (plan.unassignedServers.length) lines.push(`Unassigned servers: ${plan.unassignedServers.map((u) => `${u.server} (${u.why})`).join('; ')}`);
  return lines.join('\n');
}

/** One Markdown line per step whose status changed, for `/run` progress. */
export function sessionProgressLines(prev: SessionView | undefined, next: SessionView): string[] {
  const out: string[] = [];
  const before = new Map((prev?.steps ?? []).map((s) => [s.id, s.status]));
  for (const s of next.steps) {
    if (before.get(s.id) === s.status) continue;
    const icon = s.status === 'completed' ? '✅' : s.status === 'failed' ? '❌' : s.status === 'running' ? '▶️' : s.status === 'waiting' ? '⏸️' : '•';
    out.push(`${icon} ${s.layer} **${s.persona}**: ${s.status}${s.summary && s.status === 'completed' ? ` — ${mdText(s.summary.slice(0, 200))}` : ''}${s.error ? ` — ${mdText(s.error.slice(0, 200))}` : ''}\n`);
  }
  if (prev?.status !== next.status) out.push(`\n**Session ${next.status}**${next.error ? `: ${mdText(next.error)}` : ''}\n\n`);
  return out;
}
