import type { AssignableServer } from '../catalog/assignableServer';
import { personaInfo, type Catalog } from '../catalog/catalog';
import type { LayerId } from '../catalog/layers';
import type { Capability, PersonaId, PersonaInfo } from '../catalog/personas';

/**
 * Layer-appropriate MCP server assignment (ROUTING §7). A persona gets only configured servers
 * that are available, tagged for the persona's layer, and meet at least one of its capability
 * needs. Needs are covered in priority order first (one best server per need), then further
 * eligible servers are added by rank, within 9 servers and 128 tools per persona.
 */

/** At most this many servers are exposed to one persona (ROUTING §7). */
export const MAX_SERVERS_PER_PERSONA = 9;
/** The contract's lower bound; a persona with fewer eligible servers gets a note, never an unrelated server. */
export const MIN_SERVERS_PER_PERSONA = 2;
/** VS Code's chat limit on tools in one request. */
export const MAX_TOOLS_PER_PERSONA = 128;
/**
 * Tool count assumed for a server whose `tools/list` has not been read yet. Most servers in the
 * knowledge base expose 5–30 tools; 20 keeps 6 unknown servers under the 128 limit while still
 * holding back a seventh. Every figure built on it is reported as an estimate.
 */
export const ESTIMATED_TOOLS_PER_SERVER = 20;

/** One server given to a persona. */
export interface AssignedServer {
  /** Configured server name. */
  readonly server: string;
  /** The persona's needs this server meets, in the persona's priority order. */
  readonly capabilities: readonly Capability[];
  readonly why: string;
  /** Tools counted against the 128 limit: the known count or {@link ESTIMATED_TOOLS_PER_SERVER}. */
  readonly tools: number;
  /** True when `tools` is an estimate (the server's tool list is not known yet). */
  readonly toolsEstimated: boolean;
}

/** The servers of one persona, and what it still lacks. */
export interface PersonaAssignment {
  readonly persona: PersonaId;
  readonly layer: LayerId;
  /** Assigned servers in rank order. */
  readonly servers: readonly AssignedServer[];
  /** Needs that no eligible server (available, layer-tagged, capability-matching) meets. */
  readonly uncoveredNeeds: readonly Capability[];
  /** Needs some eligible server meets but that the 9-server / 128-tool limits held back. */
  readonly limitedNeeds: readonly Capability[];
  /** Tools over all assigned servers (≤ 128). */
  readonly toolTotal: number;
  /** True when any assigned server's tool count is estimated. */
  readonly toolTotalEstimated: boolean;
  /** Priority-weighted share of needs met by the assigned servers, 0..1 (need i weighs 1/(i+1)). */
  readonly coverage: number;
  /** Human-readable remarks (estimates, limits, fewer than two servers, uncovered needs). */
  readonly notes: readonly AssignmentNote[];
}

/** A remark about one persona's assignment. */
export interface AssignmentNote {
  /**
   * `estimate`: tool counts are estimated. `limit`: eligible servers were held back by the caps.
   * `few`: fewer than two layer-appropriate servers exist. `uncovered`: needs no server meets.
   */
  readonly kind: 'estimate' | 'limit' | 'few' | 'uncovered';
  readonly text: string;
}

/** A configured server given to no persona of the plan. */
export interface UnassignedServer {
  readonly server: string;
  readonly why: string;
}

/** Assignment for a set of personas. */
export interface AssignmentResult {
  /** One entry per requested persona, in the order requested. */
  readonly personas: readonly PersonaAssignment[];
  readonly unassigned: readonly UnassignedServer[];
}

/**
 * Whether `server` may be given to a persona at `layer` with `needs`: available, tagged for the
 * layer, and meeting at least one need. This is the definition of "layer-appropriate".
 */
export function isEligible(server: AssignableServer, layer: LayerId, needs: readonly Capability[]): boolean {
  return server.available && server.layers.includes(layer) && server.capabilities.some((c) => needs.includes(c));
}

/** A node of the assigner's result trie: the result for the persona list leading here, if computed. */
interface ResultNode {
  result?: AssignmentResult;
  next?: Map<PersonaId, ResultNode>;
}

interface Candidate {
  readonly server: AssignableServer;
  /** Needs met, in priority order. */
  readonly met: readonly Capability[];
  /** Index of the best need met (lower is better). */
  readonly bestNeed: number;
  readonly tools: number;
  readonly estimated: boolean;
}

/**
 * Assigns servers for one catalog and one configured-server set. Each persona's assignment
 * depends only on the persona, so it is computed once and memoised: plans reuse it for free.
 */
export class ServerAssigner {
  private readonly memo = new Map<PersonaId, PersonaAssignment>();
  /**
   * Results per persona list: few distinct cascades occur, and plans sit on the hot path. A trie
   * over the list (one level per persona) rather than a Map keyed by the joined ids: a lookup then
   * builds no key string (joining and hashing it was ~3 % of a plan).
   */
  private readonly resultRoot: ResultNode = {};
  private resultCount = 0;

  constructor(
    private readonly catalog: Catalog,
    readonly servers: readonly AssignableServer[],
  ) {}

  /** The assignment of one persona (memoised). */
  assignPersona(persona: PersonaId): PersonaAssignment {
    let a = this.memo.get(persona);
    if (!a) {
      a = assignOne(personaInfo(this.catalog, persona), this.servers);
      this.memo.set(persona, a);
    }
    return a;
  }

  /** Assignments for `personas`, plus the configured servers none of them got, with why. */
  assign(personas: readonly PersonaId[]): AssignmentResult {
    let node: ResultNode | undefined = this.resultRoot;
    for (let k = 0; k < personas.length && node; k++) node = node.next?.get(personas[k]!);
    return node?.result ?? this.remember(personas);
  }

  /**
   * `assign` for the personas of routing decisions (or plan steps), in their order: the planner's
   * path, which then needs no array of ids per plan.
   */
  assignSteps(steps: readonly { readonly persona: PersonaId }[]): AssignmentResult {
    let node: ResultNode | undefined = this.resultRoot;
    for (let k = 0; k < steps.length && node; k++) node = node.next?.get(steps[k]!.persona);
    return node?.result ?? this.remember(steps.map((s) => s.persona));
  }

  /** Computes the result for `personas` and memoises it in the trie. */
  private remember(personas: readonly PersonaId[]): AssignmentResult {
    const r = this.compute(personas);
    // Bounded: 18 personas give at most a few hundred realistic cascades; stop memoising beyond that.
    if (this.resultCount < 4096) {
      let node = this.resultRoot;
      for (const p of personas) {
        node.next ??= new Map();
        let child = node.next.get(p);
        if (!child) {
          child = {};
          node.next.set(p, child);
        }
        node = child;
      }
      if (!node.result) this.resultCount++;
      node.result = r;
    }
    return r;
  }

  private compute(personas: readonly PersonaId[]): AssignmentResult {
    // A literal and push rather than `map`, whose result is PACKED or HOLEY depending on the path
    // it took: buildPlan reads this array, and a second kind made it deoptimise (see planBuilder).
    const result: PersonaAssignment[] = [];
    for (const p of personas) result.push(this.assignPersona(p));
    if (this.servers.length === 0) return { personas: result, unassigned: [] };
    const used = new Set<string>();
    for (const a of result) for (const s of a.servers) used.add(s.server);
    const unassigned: UnassignedServer[] = [];
    for (const s of this.servers) {
      if (!used.has(s.name)) unassigned.push({ server: s.name, why: this.whyUnassigned(s, result) });
    }
    return { personas: result, unassigned };
  }

  private whyUnassigned(s: AssignableServer, result: readonly PersonaAssignment[]): string {
    if (!s.available) return 'not available (disabled, or not trusted in this workspace)';
    if (s.classification.kind === 'unassigned' || s.capabilities.length === 0 || s.layers.length === 0) {
      const reason = s.classification.kind === 'unassigned' ? s.classification.reason : 'it has no layer or capability tags';
      return `not classified yet: ${reason}`;
    }
    const atLayer = result.filter((a) => s.layers.includes(a.layer));
    if (atLayer.length === 0) return `tagged ${s.layers.join(' ')}; no persona of this plan works at those layers`;
    const eligibleFor = atLayer.filter((a) => isEligible(s, a.layer, personaInfo(this.catalog, a.persona).needs));
    if (eligibleFor.length === 0) {
      return `its capabilities (${s.capabilities.join(', ')}) meet no need of this plan's ${[...new Set(atLayer.map((a) => a.layer))].join('/')} personas`;
    }
    return `held back by the ${MAX_SERVERS_PER_PERSONA}-server / ${MAX_TOOLS_PER_PERSONA}-tool limits for ${eligibleFor.map((a) => a.persona).join(', ')}`;
  }
}

/** Convenience wrapper: one-off assignment without memoisation across calls. */
export function assignServers(personas: readonly PersonaId[], catalog: Catalog, servers: readonly AssignableServer[]): AssignmentResult {
  return new ServerAssigner(catalog, servers).assign(personas);
}

function rankCompare(a: Candidate, b: Candidate): number {
  return a.bestNeed - b.bestNeed || b.met.length - a.met.length || a.tools - b.tools || (a.server.name < b.server.name ? -1 : a.server.name > b.server.name ? 1 : 0);
}

function assignOne(info: PersonaInfo, servers: readonly AssignableServer[]): PersonaAssignment {
  const needs = info.needs;
  const candidates: Candidate[] = [];
  for (const server of servers) {
    if (!isEligible(server, info.layer, needs)) continue;
    const met = needs.filter((n) => server.capabilities.includes(n));
    const estimated = server.toolCount === undefined;
    candidates.push({ server, met, bestNeed: needs.indexOf(met[0]!), tools: server.toolCount ?? ESTIMATED_TOOLS_PER_SERVER, estimated });
  }
  candidates.sort(rankCompare);

  const chosen: Candidate[] = [];
  const chosenNames = new Set<string>();
  const covered = new Set<Capability>();
  let tools = 0;
  const notes: AssignmentNote[] = [];
  const fits = (c: Candidate) => chosen.length < MAX_SERVERS_PER_PERSONA && tools + c.tools <= MAX_TOOLS_PER_PERSONA;
  const take = (c: Candidate) => {
    chosen.push(c);
    chosenNames.add(c.server.name);
    tools += c.tools;
    for (const n of c.met) covered.add(n);
  };

  // Pass 1: cover needs in priority order, each with the candidate meeting most still-open needs.
  for (const need of needs) {
    if (covered.has(need)) continue;
    let best: Candidate | undefined;
    let bestOpen = -1;
    for (const c of candidates) {
      if (chosenNames.has(c.server.name) || !c.met.includes(need) || !fits(c)) continue;
      const open = c.met.reduce((k, n) => k + (covered.has(n) ? 0 : 1), 0);
      if (open > bestOpen || (open === bestOpen && best !== undefined && c.tools < best.tools)) {
        best = c;
        bestOpen = open;
      }
    }
    if (best) take(best);
  }
  // Pass 2: further eligible servers by rank while the limits allow (extra tools for the same needs).
  const heldBack: string[] = [];
  for (const c of candidates) {
    if (chosenNames.has(c.server.name)) continue;
    if (fits(c)) take(c);
    else heldBack.push(c.server.name);
  }

  // Open needs split by why: no eligible server at all, or eligible ones held back by the limits.
  const open = needs.filter((n) => !covered.has(n));
  const limited = open.filter((n) => candidates.some((c) => c.met.includes(n)));
  const uncovered = open.filter((n) => !limited.includes(n));
  chosen.sort(rankCompare);
  const estimatedAny = chosen.some((c) => c.estimated);
  const assigned: AssignedServer[] = chosen.map((c) => ({
    server: c.server.name,
    capabilities: c.met,
    why: `tagged ${info.layer}; meets ${c.met.join(', ')}${c.estimated ? ` (tools not listed yet: ~${ESTIMATED_TOOLS_PER_SERVER} estimated)` : ` (${c.tools} tools)`}`,
    tools: c.tools,
    toolsEstimated: c.estimated,
  }));

  if (estimatedAny) notes.push({ kind: 'estimate', text: `tool total ${tools} is an estimate (~${ESTIMATED_TOOLS_PER_SERVER} per server whose tools are not listed yet)` });
  if (heldBack.length > 0) {
    notes.push({ kind: 'limit', text: `held back by the ${MAX_SERVERS_PER_PERSONA}-server / ${MAX_TOOLS_PER_PERSONA}-tool limits: ${heldBack.join(', ')}` });
  }
  if (chosen.length < MIN_SERVERS_PER_PERSONA && candidates.length < MIN_SERVERS_PER_PERSONA) {
    notes.push({
      kind: 'few',
      text: `${chosen.length === 0 ? 'no layer-appropriate server' : `only ${chosen.length} layer-appropriate server`} configured (the contract aims for ${MIN_SERVERS_PER_PERSONA}-${MAX_SERVERS_PER_PERSONA}); no unrelated server is added`,
    });
  }
  if (uncovered.length > 0) notes.push({ kind: 'uncovered', text: `uncovered needs: ${uncovered.join(', ')} (no available ${info.layer} server meets them)` });

  let total = 0;
  let met = 0;
  needs.forEach((n, i) => {
    total += 1 / (i + 1);
    if (covered.has(n)) met += 1 / (i + 1);
  });
  return {
    persona: info.id,
    layer: info.layer,
    servers: assigned,
    uncoveredNeeds: uncovered,
    limitedNeeds: limited,
    toolTotal: tools,
    toolTotalEstimated: estimatedAny,
    coverage: total === 0 ? 1 : met / total,
    notes,
  };
}
