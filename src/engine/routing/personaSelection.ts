import type { Analysis, AreaId, ConcernId, Complexity, Evidence } from '../analysis/analysisTypes';
import { L2_AREAS } from '../analysis/reading';
import { internalAudience } from '../analysis/internalAudience';
import { AREA_OWNER } from '../catalog/areaOwners';
import type { LayerId } from '../catalog/layers';
import { PERSONA_IDS, personaRank, type PersonaId } from '../catalog/personas';
import { evidenceStrength, ruleConfidence } from './confidence';
import type { LayerDecision, PersonaDecision } from './routingTypes';

const RANK = new Map<PersonaId, number>(PERSONA_IDS.map((p) => [p, personaRank(p)]));
/** The sort's ranks (one slot per persona: a plan names each at most once); reused by every call. */
const RANKS = new Int32Array(PERSONA_IDS.length);

/** The L1 persona for each concern (ROUTING §6). */
export const CONCERN_PERSONA: Readonly<Record<ConcernId, PersonaId>> = {
  architecture: 'solution-architect',
  compliance: 'security-strategist',
  product: 'product-manager',
};

// Reasons that depend only on the area or concern, built once (not a new string per plan).
const L3_WHY = whyTable(AREA_OWNER, (a) => `§6 L3: ${a} area`);
const L2_WHY = whyTable(AREA_OWNER, (a) => `§6 L2: ${a} area`);
const L1_WHY = whyTable(CONCERN_PERSONA, (c) => `§6 L1: ${c} concern`);
function whyTable<K extends string>(keys: Readonly<Record<K, unknown>>, text: (k: K) => string): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, text(k as K)])) as Record<K, string>;
}

/** Inputs of persona selection: the (corrected) findings and the decided layers. */
export interface PersonaInput {
  readonly analysis: Analysis;
  readonly areas: readonly { area: AreaId; evidence: readonly Evidence[] }[];
  readonly concerns: readonly { concern: ConcernId; evidence: readonly Evidence[] }[];
  readonly complexity: Complexity;
  readonly complexityConf: number;
  readonly layers: readonly LayerDecision[];
  readonly live: boolean;
  readonly liveTargets: readonly ('kubernetes' | 'security' | 'cloud')[];
}

/** How many different personas the decisions name (a pairwise scan: at most a handful). */
function distinctPersonas(ds: readonly PersonaDecision[]): number {
  let n = 0;
  for (let k = 0; k < ds.length; k++) {
    let seen = false;
    for (let j = 0; j < k && !seen; j++) seen = ds[j]!.persona === ds[k]!.persona;
    if (!seen) n++;
  }
  return n;
}

/** Whether layer `l` is included (a loop: `find` with a closure ran several times per plan). */
function included(layers: readonly LayerDecision[], l: LayerId): boolean {
  for (const d of layers) if (d.layer === l) return d.included;
  return false;
}

/** The evidence of scope signal `kind`, or a shared empty list. */
function signal(a: Analysis, kind: string): readonly Evidence[] {
  for (const s of a.signals) if (s.kind === kind) return s.evidence;
  return NO_EVIDENCE;
}
// Shared by every structural decision without evidence (plans are immutable): frozen, so a mutation throws.
const NO_EVIDENCE: readonly Evidence[] = Object.freeze([]);
/** Substantial-scope rules that name a change of the codebase's technology rather than of its features. */
const CODEBASE_TECHNOLOGY = /^(substantial:framework-upgrade|cue:substantial:(strict mode|refactor the codebase|codebase))/;
/** The substantial evidence naming a change of the codebase's technology (`CODEBASE_TECHNOLOGY`), if any. */
function codebaseTechnology(a: Analysis): readonly Evidence[] | undefined {
  const ev = signal(a, 'substantial');
  let out: Evidence[] | undefined;
  for (const e of ev) if (CODEBASE_TECHNOLOGY.test(e.rule)) (out ??= []).push(e);
  return out;
}

/** Work for the organisation's own services or infrastructure serves the platform, not the product's users (§6). */
function internalWork(task: string): readonly Evidence[] | undefined {
  const e = internalAudience(task);
  return e ? [e] : undefined;
}

function hasPersona(out: readonly PersonaDecision[], persona: PersonaId): boolean {
  for (const p of out) if (p.persona === persona) return true;
  return false;
}

function hasLayer(out: readonly PersonaDecision[], layer: LayerId): boolean {
  for (const p of out) if (p.layer === layer) return true;
  return false;
}

function hasArea(areas: readonly { area: AreaId }[], area: AreaId): boolean {
  for (const a of areas) if (a.area === area) return true;
  return false;
}

/** Appends a decision unless its persona is already chosen. */
function add(out: PersonaDecision[], persona: PersonaId, layer: LayerId, why: string, evidence: readonly Evidence[], confidence: number): void {
  if (!hasPersona(out, persona)) out.push({ persona, layer, why, evidence, confidence });
}

/** Selects personas per included layer (ROUTING §6), in delegation order. */
export function selectPersonas(x: PersonaInput): PersonaDecision[] {
  // Plain helper functions rather than closures over `x` and `out`: no closure objects per plan.
  const out: PersonaDecision[] = [];
  const rule = ruleConfidence(x.complexityConf);
  const strategyOnly = x.analysis.strategy.kind === 'strategy-only';
  const migration = signal(x.analysis, 'migration');
  const multi = signal(x.analysis, 'multi-region');

  // L3 first (the L0 provisioner rule counts L3 personas).
  const l3: PersonaDecision[] = [];
  if (included(x.layers, 'L3')) {
    for (const a of x.areas) {
      if (L2_AREAS.has(a.area)) continue;
      l3.push({ persona: AREA_OWNER[a.area], layer: 'L3', why: L3_WHY[a.area], evidence: a.evidence, confidence: evidenceStrength(a.evidence) });
    }
    if (l3.length === 0 && x.areas.length === 0 && !strategyOnly) {
      l3.push({ persona: 'backend-developer', layer: 'L3', why: '§3 generalist task (no L2/L3 area): backend-developer', evidence: NO_EVIDENCE, confidence: rule });
    }
  }

  add(out, 'system-overseer', 'L0', '§6 L0: system-overseer owns every session', NO_EVIDENCE, 1);
  const nL3 = distinctPersonas(l3);
  if (nL3 >= 3 || x.complexity === 'extreme') {
    add(out, 'agent-provisioner', 'L0', nL3 >= 3 ? `§6 L0: ${nL3} L3 personas run in parallel (3 or more)` : '§6 L0: extreme complexity', NO_EVIDENCE, nL3 >= 3 ? 1 : rule);
  }

  if (included(x.layers, 'L1')) {
    // Product framing on platform work ("As a product owner migrating to GovCloud…", "Feature Request:
    // Kubernetes Operator") is how the request is told, not product work: judged by meaning (§6), the
    // work names no product code (no backend or frontend area), so the platform default decides.
    let productCode = x.areas.length === 0;
    for (const { area: a } of x.areas) if (a === 'backend' || a === 'frontend') productCode = true;
    for (const c of x.concerns) {
      if (c.concern === 'product' && !productCode) continue;
      add(out, CONCERN_PERSONA[c.concern], 'L1', L1_WHY[c.concern], c.evidence, evidenceStrength(c.evidence));
    }
    if ((migration.length > 0 || multi.length > 0) && !hasPersona(out, 'solution-architect')) {
      add(out, 'solution-architect', 'L1', '§6 L1: migration / multi-region work is an architecture concern', [...migration, ...multi], evidenceStrength([...migration, ...multi]));
    }
    // A plan, evaluation or scoping of security work (pen-test scope, scanner evaluation, benchmarks) is
    // security strategy: risk and policy decisions (§6 security-strategist).
    if (!hasLayer(out, 'L1') && x.analysis.strategy.kind === 'strategy' && hasArea(x.areas, 'security')) {
      add(out, 'security-strategist', 'L1', '§6 L1: a plan or evaluation of security work is a security-strategy concern', x.analysis.strategy.evidence, rule);
    }
    if (!hasLayer(out, 'L1')) {
      let technology: readonly Evidence[] | undefined;
      let platform = false;
      for (const { area: a } of x.areas) if (L2_AREAS.has(a) || a === 'containers/kubernetes' || a === 'observability') platform = true;
      // Work on the database alone (backups, scaling it, separating it, a provisioned instance) is data-platform
      // work, not a product feature: no product code is named beside it.
      const databaseOnly = x.areas.length === 1 && x.areas[0]!.area === 'database';
      if (platform) add(out, 'solution-architect', 'L1', '§6 L1 default: no concern stands out and the work is platform work (L2 area, containers/kubernetes or observability)', NO_EVIDENCE, rule);
      else if (databaseOnly) add(out, 'solution-architect', 'L1', '§6 L1 default: no concern stands out and the work is on the database alone (data-platform work)', NO_EVIDENCE, rule);
      else if (strategyOnly) add(out, 'solution-architect', 'L1', '§6 L1 default: strategy-only plan about delivery or operations', x.analysis.strategy.evidence, rule);
      // A plan, design or evaluation of backend, database or testing work chooses or shapes technology
      // (§6 "technology choice": "Evaluate k6 as a load testing tool", "Define tenant boundaries for data
      // isolation"); one about the UI stays product work (§6: a UI redesign is product work).
      else if (x.analysis.strategy.kind === 'strategy' && !hasArea(x.areas, 'frontend')) {
        add(out, 'solution-architect', 'L1', '§6 L1: a plan, design or evaluation of technical work is a technology choice', x.analysis.strategy.evidence, rule);
      }
      // A framework upgrade, a type checker's strict mode or a codebase-wide refactor changes the technology
      // the product is built on, not what it does: technology work (§6 solution-architect).
      else if ((technology = codebaseTechnology(x.analysis)) !== undefined) add(out, 'solution-architect', 'L1', '§6 L1 default: no concern stands out and the work changes the technology the codebase is built on (framework upgrade, strict mode, codebase refactor)', technology, rule);
      else if ((technology = internalWork(x.analysis.task)) !== undefined) add(out, 'solution-architect', 'L1', '§6 L1 default: no concern stands out and the work serves internal services or infrastructure, not the product (platform work)', technology, rule);
      else add(out, 'product-manager', 'L1', '§6 L1 default: no concern stands out and the work is product work', NO_EVIDENCE, rule);
    }
  }

  if (included(x.layers, 'L2')) {
    for (const a of x.areas) {
      if (!L2_AREAS.has(a.area)) continue;
      add(out, AREA_OWNER[a.area], 'L2', L2_WHY[a.area], a.evidence, evidenceStrength(a.evidence));
    }
    if (!hasLayer(out, 'L2')) {
      const cert = signal(x.analysis, 'certification');
      if (migration.length > 0 || multi.length > 0) add(out, 'infra-manager', 'L2', '§6 L2 default: migration, re-platforming or multi-region work', [...migration, ...multi], rule);
      else if (cert.length > 0) add(out, 'appsec-manager', 'L2', '§6 L2 default: compliance certification programme', cert, rule);
      else add(out, 'pipeline-manager', 'L2', '§6 L2 default: no L2 area present', NO_EVIDENCE, rule);
    }
  }

  // The L3 decisions themselves (same fields, same order) rather than a copy of each.
  for (const p of l3) if (!hasPersona(out, p.persona)) out.push(p);

  if (included(x.layers, 'L4')) {
    const t = x.liveTargets;
    const lev = x.analysis.liveOps.evidence;
    const conf = x.live ? evidenceStrength(lev) : rule;
    if (t.includes('kubernetes')) add(out, 'kube-cli-wrapper', 'L4', '§6 L4: a Kubernetes cluster is the target, source or destination', lev, conf);
    if (t.includes('security')) add(out, 'scanner-cli-wrapper', 'L4', '§6 L4: the security area is present in a live operation', lev, conf);
    if (t.includes('cloud')) add(out, 'cloud-cli-wrapper', 'L4', '§6 L4: cloud, infrastructure or another deployment target', lev, conf);
    if (!hasLayer(out, 'L4')) add(out, 'cloud-cli-wrapper', 'L4', '§6 L4 default: no target stands out', NO_EVIDENCE, rule);
  }

  // Delegation order. Insertion sort: at most 18 decisions, each persona once (ranks are distinct),
  // so this is the order Array#sort gives, without its copy or a rank lookup per comparison.
  const ranks = RANKS; // scratch, overwritten below (read only by this sort)
  for (let i = 0; i < out.length; i++) ranks[i] = RANK.get(out[i]!.persona)!;
  for (let i = 1; i < out.length; i++) {
    const p = out[i]!;
    const r = ranks[i]!;
    let j = i - 1;
    for (; j >= 0 && ranks[j]! > r; j--) {
      out[j + 1] = out[j]!;
      ranks[j + 1] = ranks[j]!;
    }
    out[j + 1] = p;
    ranks[j + 1] = r;
  }
  return out;
}
