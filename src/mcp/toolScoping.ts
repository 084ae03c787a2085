import type { ToolDescriptor } from '../engine/tools/toolGateway';

/** VS Code's chat limit: never expose more than this many tools in one request. */
export const MAX_TOOLS_PER_REQUEST = 128;

/**
 * Token estimate of exposing one tool to a model: ceil(chars / 4) of its name, description and
 * JSON-serialised input schema (the usual ~4 characters per token of English/JSON for GPT/Claude
 * tokenizers; an estimate, not a tokenizer).
 */
export function estimateToolTokens(tool: Pick<ToolDescriptor, 'name' | 'description' | 'inputSchema'>): number {
  const chars = tool.name.length + (tool.description?.length ?? 0) + JSON.stringify(tool.inputSchema ?? {}).length;
  return Math.ceil(chars / 4);
}

/** One persona's allow-list. */
export interface PersonaToolScope {
  readonly persona: string;
  /** Servers the plan assigned, in the plan's order, that have tools listed. */
  readonly servers: readonly string[];
  /** Allowed tools (≤ {@link MAX_TOOLS_PER_REQUEST}). */
  readonly tools: readonly ToolDescriptor[];
  /** Tools left out by the cap or by the user's tool allow-list, with the reason. */
  readonly excluded: readonly { readonly server: string; readonly tool: string; readonly reason: 'tool-cap' | 'not-in-allow-list' }[];
  /** Assigned servers whose tools are unknown (not started, failed). */
  readonly missingServers: readonly string[];
  readonly estimatedTokens: number;
}

/** The scoping of all personas of a plan, and the saving against one agent holding every tool. */
export interface ScopingReport {
  readonly scopes: readonly PersonaToolScope[];
  /** Every tool of every server, as a single unscoped agent would see it (uncapped). */
  readonly allTools: number;
  readonly allToolsTokens: number;
  /** Mean over personas of 1 − scopedTokens / allToolsTokens (0 when nothing is listed). */
  readonly meanTokenReduction: number;
  /** Human summary, e.g. `18 personas: mean 41 tools / 9.8k tokens each vs 180 tools / 36k tokens unscoped (−73%)`. */
  readonly summary: string;
}

function isMap<K, V>(v: ReadonlyMap<K, V> | object): v is ReadonlyMap<K, V> {
  return v instanceof Map;
}

/** Inputs of {@link scopeTools}. */
export interface ScopeToolsOptions {
  /** Persona → assigned server names, in preference order (from the plan). */
  readonly assignments: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>;
  /** Server → listed tools. */
  readonly tools: ReadonlyMap<string, readonly ToolDescriptor[]>;
  /** Optional user restriction per server: only these tool names are exposed. */
  readonly toolAllowList?: Readonly<Record<string, readonly string[]>>;
  readonly maxTools?: number;
}

/**
 * Builds each persona's allow-list from the servers the plan assigned it. When the assigned
 * servers offer more than the cap, tools are taken round-robin across servers in assignment
 * order (so every assigned server keeps some tools) and the rest are reported as excluded.
 */
export function scopeTools(options: ScopeToolsOptions): ScopingReport {
  const cap = options.maxTools ?? MAX_TOOLS_PER_REQUEST;
  const a = options.assignments;
  const entries: [string, readonly string[]][] = isMap(a) ? [...a.entries()] : Object.entries(a);
  const scopes: PersonaToolScope[] = entries.map(([persona, servers]) => {
    const excluded: { server: string; tool: string; reason: 'tool-cap' | 'not-in-allow-list' }[] = [];
    const missingServers: string[] = [];
    const queues: ToolDescriptor[][] = [];
    const present: string[] = [];
    for (const server of new Set(servers)) {
      const list = options.tools.get(server);
      if (!list) {
        missingServers.push(server);
        continue;
      }
      present.push(server);
      const allow = options.toolAllowList?.[server];
      const kept: ToolDescriptor[] = [];
      for (const t of list) {
        if (allow && !allow.includes(t.name)) excluded.push({ server, tool: t.name, reason: 'not-in-allow-list' });
        else kept.push(t);
      }
      queues.push(kept);
    }
    const chosen: ToolDescriptor[] = [];
    for (let round = 0; chosen.length < cap && queues.some((q) => q.length > round); round++) {
      for (const q of queues) {
        if (chosen.length >= cap) break;
        const t = q[round];
        if (t) chosen.push(t);
      }
    }
    const chosenSet = new Set(chosen);
    for (const q of queues) for (const t of q) if (!chosenSet.has(t)) excluded.push({ server: t.server, tool: t.name, reason: 'tool-cap' });
    return { persona, servers: present, tools: chosen, excluded, missingServers, estimatedTokens: chosen.reduce((n, t) => n + estimateToolTokens(t), 0) };
  });

  let allTools = 0;
  let allToolsTokens = 0;
  for (const list of options.tools.values()) {
    allTools += list.length;
    for (const t of list) allToolsTokens += estimateToolTokens(t);
  }
  const meanTokenReduction = scopes.length && allToolsTokens ? scopes.reduce((s, p) => s + (1 - p.estimatedTokens / allToolsTokens), 0) / scopes.length : 0;
  const meanTools = scopes.length ? scopes.reduce((s, p) => s + p.tools.length, 0) / scopes.length : 0;
  const meanTokens = scopes.length ? scopes.reduce((s, p) => s + p.estimatedTokens, 0) / scopes.length : 0;
  const summary = `${scopes.length} persona(s): mean ${meanTools.toFixed(1)} tools / ${Math.round(meanTokens)} tokens each vs ${allTools} tools / ${allToolsTokens} tokens unscoped (−${Math.round(meanTokenReduction * 100)}%)${allTools > cap ? `; unscoped exceeds the ${cap}-tool limit` : ''}`;
  return { scopes, allTools, allToolsTokens, meanTokenReduction, summary };
}
