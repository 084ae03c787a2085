import type { Analysis } from './analysis/analysisTypes';
import { analyzeTask } from './analysis/analyzer';
import type { AssignableServer } from './catalog/assignableServer';
import { builtinCatalog, catalogFingerprint, type Catalog } from './catalog/catalog';
import { LruCache, normalizeTaskText, type CacheStats } from './cache/planCache';
import { canonicalJson, hashString, hashValue } from './cache/stableHash';
import { buildPlan } from './plan/planBuilder';
import type { Plan } from './plan/planSchema';
import { ServerAssigner } from './routing/mcpAssignment';
import { routeAnalysis } from './routing/route';
import type { Corrections, RoutingDecision } from './routing/routingTypes';

/** Longest task accepted, in UTF-8 bytes (100 KB). */
export const MAX_TASK_BYTES = 100 * 1024;

/** Default number of cached plans. */
export const DEFAULT_PLAN_CACHE_SIZE = 1000;

/** A task the planner refuses, with why. */
export class TaskInputError extends Error {
  constructor(
    readonly reason: 'empty' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'TaskInputError';
  }
}

/** The problem with a task text, or `undefined` when it can be planned. */
export function checkTask(task: string): TaskInputError | undefined {
  // A visible ASCII first character (33–126, never whitespace) settles it without running the regex.
  const c = task.charCodeAt(0);
  if (!(c > 32 && c < 127) && !/\S/.test(task)) return new TaskInputError('empty', 'the task is empty');
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short texts skip the byte count.
  if (task.length * 3 > MAX_TASK_BYTES) {
    const bytes = Buffer.byteLength(task, 'utf8');
    if (bytes > MAX_TASK_BYTES) return new TaskInputError('too-large', `the task is ${bytes} bytes; the limit is ${MAX_TASK_BYTES} bytes (100 KB)`);
  }
  return undefined;
}

/** Options of a {@link Planner}. */
export interface PlannerOptions {
  /** Catalog to route with; the built-in catalog by default. */
  readonly catalog?: Catalog;
  /** Configured servers to assign; none by default. */
  readonly servers?: readonly AssignableServer[];
  /** Plans kept in the LRU cache (default 1000; 0 disables caching). */
  readonly cacheSize?: number;
}

/**
 * The engine's front door: task text → analysis → routing → server assignment → plan, with an
 * LRU cache keyed by the normalised text, the corrections, and the fingerprint of the catalog and
 * configured servers (so a changed server set or catalog never returns a stale plan).
 */
export class Planner {
  private catalogValue: Catalog;
  private serversValue: readonly AssignableServer[];
  private assigner: ServerAssigner;
  private fingerprintValue: string;
  private readonly cache: LruCache<Plan>;

  constructor(opts: PlannerOptions = {}) {
    this.catalogValue = opts.catalog ?? builtinCatalog();
    this.serversValue = opts.servers ?? [];
    this.cache = new LruCache<Plan>(opts.cacheSize ?? DEFAULT_PLAN_CACHE_SIZE);
    this.assigner = new ServerAssigner(this.catalogValue, this.serversValue);
    this.fingerprintValue = this.computeFingerprint();
  }

  /** The catalog in use. */
  get catalog(): Catalog {
    return this.catalogValue;
  }

  /** The configured servers in use. */
  get servers(): readonly AssignableServer[] {
    return this.serversValue;
  }

  /** Fingerprint of catalog + configured servers; part of every cache key and plan id. */
  get fingerprint(): string {
    return this.fingerprintValue;
  }

  /** Analyzes a task (uncached). Throws {@link TaskInputError} for an empty or oversized task. */
  analyze(task: string): Analysis {
    const bad = checkTask(task);
    if (bad) throw bad;
    return analyzeTask(task);
  }

  /** Analyzes and routes a task (uncached). */
  route(task: string, corrections?: Corrections): { analysis: Analysis; decision: RoutingDecision } {
    const analysis = this.analyze(task);
    return { analysis, decision: routeAnalysis(analysis, corrections) };
  }

  /**
   * The delegation plan for `task` (cached). Throws {@link TaskInputError} for an empty or
   * oversized task. The returned plan is shared with the cache: do not mutate it.
   */
  plan(task: string, corrections?: Corrections): Plan {
    const bad = checkTask(task);
    if (bad) throw bad;
    // With caching off (capacity 0) there is nothing to look up: skip normalising and hashing the key.
    const key = this.cache.capacity > 0 ? `${this.fingerprintValue}\u0000${corrections ? canonicalJson(corrections) : ''}\u0000${normalizeTaskText(task)}` : undefined;
    if (key === undefined) this.cache.countMiss();
    else {
      const hit = this.cache.get(key);
      if (hit) return hit;
    }
    const analysis = analyzeTask(task);
    const decision = routeAnalysis(analysis, corrections);
    const assignment = this.assigner.assignSteps(decision.personas);
    const fingerprint = this.fingerprintValue;
    const serversConfigured = this.serversValue.length > 0;
    // Two plain literals rather than one with a conditional spread: a spread builds the object on a
    // slow path and gives it a map of its own, which made buildPlan's reads of `input` polymorphic.
    const plan = buildPlan(
      corrections
        ? { analysis, decision, assignment, fingerprint, serversConfigured, corrections }
        : { analysis, decision, assignment, fingerprint, serversConfigured },
    );
    if (key !== undefined) this.cache.set(key, plan);
    return plan;
  }

  /** Replaces the configured servers; later plans use them (cached plans for other sets are never returned). */
  setServers(servers: readonly AssignableServer[]): void {
    this.serversValue = servers;
    this.assigner = new ServerAssigner(this.catalogValue, servers);
    this.fingerprintValue = this.computeFingerprint();
  }

  /** Replaces the catalog (e.g. after an override file changed). */
  setCatalog(catalog: Catalog): void {
    this.catalogValue = catalog;
    this.assigner = new ServerAssigner(catalog, this.serversValue);
    this.fingerprintValue = this.computeFingerprint();
  }

  /** Cache counters: hits, misses, evictions, size, capacity. */
  cacheStats(): CacheStats {
    return this.cache.stats();
  }

  /** Drops every cached plan. */
  clearCache(): void {
    this.cache.clear();
  }

  private computeFingerprint(): string {
    return hashString(`${catalogFingerprint(this.catalogValue)}\u0000${serversFingerprint(this.serversValue)}`);
  }
}

/**
 * Stable hash of a configured-server set: order-independent, over everything assignment reads
 * (name, tags, availability, tool count, classification kind).
 */
export function serversFingerprint(servers: readonly AssignableServer[]): string {
  const rows = servers
    .map((s) => ({ n: s.name, l: [...s.layers].sort(), c: [...s.capabilities].sort(), a: s.available, t: s.toolCount ?? null, k: s.classification.kind }))
    .sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return hashValue(rows);
}
