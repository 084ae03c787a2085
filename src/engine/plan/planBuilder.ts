import type { AreaFinding, Analysis, ConcernFinding, ConcernId, Evidence } from '../analysis/analysisTypes';
import type { LayerId } from '../catalog/layers';
import type { PersonaId } from '../catalog/personas';
import { AREA_OWNER } from '../catalog/areaOwners';
import type { Corrections, RoutingDecision } from '../routing/routingTypes';
import type { AssignmentResult, PersonaAssignment } from '../routing/mcpAssignment';
import { canonicalJson, hashJoined } from '../cache/stableHash';
import { PERSONA_BRIEFS, type PersonaBrief } from './personaBriefs';
import { PLAN_SCHEMA_VERSION, type Handoff, type Plan, type PlanStep, type ServerAssignment } from './planSchema';

/**
 * Builds a delegation plan from an analysis, its routing decision and the server assignment.
 * This runs on the hot path (every uncached `Planner.plan`), so it does no schema validation:
 * the inputs are engine-made and typed; plans are validated where they cross a trust boundary
 * (`parsePlan`). Plans are shared by the cache: treat them as immutable.
 */

/** The L1 persona that owns each concern (ROUTING §6). */
export const CONCERN_OWNER: { readonly [C in ConcernId]: PersonaId } = {
  product: 'product-manager',
  architecture: 'solution-architect',
  compliance: 'security-strategist',
};

/** Which live target each L4 wrapper acts on (ROUTING §6). */
const WRAPPER_TARGET: Partial<Record<PersonaId, 'kubernetes' | 'security' | 'cloud'>> = {
  'kube-cli-wrapper': 'kubernetes',
  'scanner-cli-wrapper': 'security',
  'cloud-cli-wrapper': 'cloud',
};

/**
 * Weight of server coverage in a step's confidence: step = routing × (1 − W + W × coverage).
 * A persona with none of its needs met keeps 75 % of its routing confidence: the routing may be
 * right while the tooling is missing, and the plan says so rather than hiding the step.
 */
export const COVERAGE_WEIGHT = 0.25;

/** Longest task quote repeated in a hand-off objective (the full text is `plan.task`). */
const QUOTE_MAX = 160;
// Plan text uses ASCII quotes and dashes on purpose: V8 stores pure Latin-1 strings in one byte
// per character, typographic quotes would double the heap of every cached plan's hand-offs.

/** Everything `buildPlan` needs. */
export interface PlanBuildInput {
  readonly analysis: Analysis;
  readonly decision: RoutingDecision;
  /** Server assignment for exactly `decision.personas`, in the same order. */
  readonly assignment: AssignmentResult;
  /** Fingerprint of the catalog and configured servers the plan is computed against. */
  readonly fingerprint: string;
  /** Whether any server is configured; without a configuration, coverage does not move confidence. */
  readonly serversConfigured: boolean;
  readonly corrections?: Corrections;
  /** ISO timestamp; defaults to now. */
  readonly createdAt?: string;
}

/** Content-derived plan id: hash of the task, the fingerprint and the corrections. */
export function planId(task: string, fingerprint: string, corrections?: Corrections): string {
  return `plan-${hashJoined([task, fingerprint, corrections ? canonicalJson(corrections) : ''])}`;
}

/** The step id of a persona: `L3:backend-developer`. */
export function stepId(layer: LayerId, persona: PersonaId): string {
  // Memoised: a plan has ~5–12 steps and ids repeat across plans; one string each, not one per plan.
  const key = STEP_IDS.get(persona);
  if (key !== undefined && key.layer === layer) return key.id;
  const id = `${layer}:${persona}`;
  STEP_IDS.set(persona, { layer, id });
  return id;
}
const STEP_IDS = new Map<PersonaId, { readonly layer: LayerId; readonly id: string }>();

/** Builds the plan (no validation; see the module comment). */
export function buildPlan(input: PlanBuildInput): Plan {
  const { analysis, decision, assignment, fingerprint } = input;
  const corrections = decision.corrections ?? input.corrections;
  const areas = correctedAreas(analysis.areas, corrections);
  const concerns = correctedConcerns(analysis.concerns, corrections);
  const quote = quoteTask(analysis.task);
  const constraints = constraintsOf(analysis);
  const liveOps = corrections?.liveOps ?? analysis.liveOps.live;

  const requirements = new RequirementText(areas, concerns);
  // The constraints of live steps (L4, and L2 when the task acts on live systems): one array per
  // plan, made when the first such step needs it and shared by the others (plans are immutable).
  let liveConstraints: string[] | undefined;
  const steps: PlanStep[] = [];
  let prevLayerSteps: string[] = [];
  let curLayer: LayerId | undefined;
  let curLayerSteps: string[] = [];
  let factorSum = 0;
  const forms = stepForms(assignment);
  for (let i = 0; i < decision.personas.length; i++) {
    const p = decision.personas[i]!;
    const a = assignment.personas[i];
    if (!a || a.persona !== p.persona) throw new Error(`assignment does not match routing at persona ${i} (${p.persona})`);
    // The memoised plan form of this persona's assignment (checked: a caller may pass any assignment).
    const form = forms[i]?.source === a ? forms[i]! : personaForm(a);
    const id = form.layer === p.layer ? form.id : stepId(p.layer, p.persona);
    if (p.layer !== curLayer) {
      // Steps depend on every step of the nearest included layer above that has steps.
      if (curLayerSteps.length > 0) prevLayerSteps = curLayerSteps;
      curLayer = p.layer;
      // Started with its first id (`[]` then push would reserve 16 slots in every cached plan).
      curLayerSteps = [id];
    } else curLayerSteps.push(id);
    const liveStep = p.layer === 'L4' || (liveOps && p.layer === 'L2');
    if (liveStep) liveConstraints ??= [...constraints, LIVE_CONFIRM];
    const factor = input.serversConfigured ? 1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * a.coverage : 1;
    factorSum += factor;
    steps.push({
      id,
      persona: p.persona,
      layer: p.layer,
      dependsOn: prevLayerSteps,
      servers: form.servers,
      uncoveredNeeds: form.uncovered,
      confidence: round3(p.confidence * factor),
      why: input.serversConfigured && form.notes !== '' ? p.why + form.notes : p.why,
      evidence: p.evidence as Evidence[],
      handoff: handoffFor(p.persona, p.layer, form.brief, quote, analysis, requirements, liveStep ? liveConstraints! : constraints),
    });
  }

  const meanFactor = steps.length === 0 ? 1 : factorSum / steps.length;
  const confidence = round3(decision.confidence * meanFactor);
  const confidenceWhy = input.serversConfigured
    ? decision.confidenceWhy + coverageNote(assignment, meanFactor, steps.length)
    : `${decision.confidenceWhy}; no servers configured, so server coverage does not enter the figure`;

  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: planId(analysis.task, fingerprint, corrections),
    task: analysis.task,
    createdAt: input.createdAt ?? nowIso(),
    fingerprint,
    complexity: decision.complexity,
    complexityReasons: decision.complexityReasons as string[],
    areas: areas as Plan['areas'],
    concerns: concerns as Plan['concerns'],
    strategy: analysis.strategy.kind,
    liveOps,
    layers: decision.layers as Plan['layers'],
    steps,
    confidence,
    confidenceWhy,
    // Keys in schema order, so a plan serialises identically before and after `parsePlan`.
    ...(corrections ? { corrections: corrections as Plan['corrections'] } : {}),
    unassignedServers: assignment.unassigned as Plan['unassignedServers'],
  };
  return plan;
}

// A persona's assignment is memoised by the assigner, so its plan form is converted once and
// shared by every plan that uses it (cheaper to build, and far less heap per cached plan). The
// forms of a whole assignment result (also memoised, per persona list) are looked up once per plan:
// two WeakMap lookups per step were ~0.3 us of a 12-step plan.

/** A persona assignment in plan form. */
interface StepForm {
  /** The assignment it was made from. */
  readonly source: PersonaAssignment;
  readonly servers: ServerAssignment[];
  readonly uncovered: string[];
  /** What the step's why adds about the servers ('' when nothing). */
  readonly notes: string;
  /** The step id at the assignment's layer (`stepId`), and that layer. */
  readonly id: string;
  readonly layer: LayerId;
  /** The persona's brief (a keyed lookup per step otherwise). */
  readonly brief: PersonaBrief;
}
const personaForms = new WeakMap<PersonaAssignment, StepForm>();
const resultForms = new WeakMap<AssignmentResult, readonly StepForm[]>();

/** The plan forms of `assignment.personas`, in order (memoised per result). */
function stepForms(assignment: AssignmentResult): readonly StepForm[] {
  let forms = resultForms.get(assignment);
  if (!forms) {
    // A literal and push, not `map`: map's result is PACKED or HOLEY depending on which of its
    // paths ran, and an array of the other kind made buildPlan deoptimise ("wrong map") on the
    // first plans of a new server assigner.
    const list: StepForm[] = [];
    for (const a of assignment.personas) list.push(personaForm(a));
    forms = list;
    resultForms.set(assignment, forms);
  }
  return forms;
}

function personaForm(a: PersonaAssignment): StepForm {
  let form = personaForms.get(a);
  if (!form) {
    const servers = a.servers.map((s) => {
      const v: ServerAssignment = { server: s.server, capabilities: s.capabilities as string[], why: s.why };
      if (!s.toolsEstimated) v.toolCount = s.tools;
      return Object.freeze(v);
    });
    Object.freeze(servers);
    const uncovered = Object.freeze([...a.uncoveredNeeds, ...a.limitedNeeds]) as string[];
    form = { source: a, servers, uncovered, notes: serverNotes(a), id: stepId(a.layer, a.persona), layer: a.layer, brief: PERSONA_BRIEFS[a.persona] };
    personaForms.set(a, form);
  }
  return form;
}

// The coverage factor depends only on the assignment (one memoised result per persona list), so its
// text is made once per result: `toFixed` is a runtime call, and this line was ~3 % of a plan.
const coverageNotes = new WeakMap<AssignmentResult, { readonly factor: number; readonly steps: number; readonly text: string }>();

/** `; × server-coverage factor F (mean over N steps of …)`, memoised per assignment result. */
function coverageNote(assignment: AssignmentResult, meanFactor: number, nSteps: number): string {
  const memo = coverageNotes.get(assignment);
  // Checked against the figures, not trusted: a caller may pass any assignment.
  if (memo !== undefined && memo.factor === meanFactor && memo.steps === nSteps) return memo.text;
  const text = `; × server-coverage factor ${meanFactor.toFixed(3)} (mean over ${nSteps} steps of ${1 - COVERAGE_WEIGHT} + ${COVERAGE_WEIGHT} × coverage)`;
  coverageNotes.set(assignment, { factor: meanFactor, steps: nSteps, text });
  return text;
}

/**
 * What a step's routing why gains about the servers: caps that held servers back, or too few
 * servers. (Uncovered needs have their own field; estimates show as a missing `toolCount`.)
 */
function serverNotes(a: PersonaAssignment): string {
  let out = '';
  for (const n of a.notes) if (n.kind === 'limit' || n.kind === 'few') out += `; servers: ${n.text}`;
  return out;
}

let lastMs = -1;
let lastIso = '';
/** The current time as ISO text, formatted at most once per millisecond (plans are built faster). */
function nowIso(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function quoteTask(task: string): string {
  const t = task.length > QUOTE_MAX ? `${task.slice(0, QUOTE_MAX - 3).trimEnd()}...` : task;
  return `"${t}"`;
}

/** Areas after the user's corrections: removed ones dropped, added ones present with no evidence. */
function correctedAreas(areas: readonly AreaFinding[], c: Corrections | undefined): readonly AreaFinding[] {
  if (!c || (!c.addAreas?.length && !c.removeAreas?.length)) return areas;
  const out = areas.filter((a) => !c.removeAreas?.includes(a.area));
  for (const add of c.addAreas ?? []) if (!out.some((a) => a.area === add)) out.push({ area: add, score: 1, evidence: [] });
  return out;
}

function correctedConcerns(concerns: readonly ConcernFinding[], c: Corrections | undefined): readonly ConcernFinding[] {
  if (!c || (!c.addConcerns?.length && !c.removeConcerns?.length)) return concerns;
  const out = concerns.filter((x) => !c.removeConcerns?.includes(x.concern));
  for (const add of c.addConcerns ?? []) if (!out.some((x) => x.concern === add)) out.push({ concern: add, score: 1, evidence: [] });
  return out;
}

/** Requirement lines of one plan, each built once and shared by the steps that carry it. */
class RequirementText {
  private whole: string[] | undefined;
  /**
   * Per area (same index as `areas`): its owner and its line, made on first use. Arrays by position
   * rather than a Map by area and an AREA_OWNER lookup per step and area: those keyed lookups were
   * ~15 % of building a 12-step plan.
   */
  private readonly owners: PersonaId[];
  private readonly lines: (string | undefined)[];

  constructor(
    private readonly areas: readonly AreaFinding[],
    private readonly concerns: readonly ConcernFinding[],
  ) {
    const n = areas.length;
    this.owners = new Array<PersonaId>(n);
    this.lines = new Array<string | undefined>(n);
    for (let k = 0; k < n; k++) {
      this.owners[k] = AREA_OWNER[areas[k]!.area];
      this.lines[k] = undefined;
    }
  }

  /** Every concern and area: what coordinators and strategists (L0, L1) see. */
  wholeRequest(): string[] {
    if (!this.whole) {
      this.whole = [];
      for (const c of this.concerns) this.whole.push(concernRequirement(c));
      for (let k = 0; k < this.areas.length; k++) this.whole.push(this.area(k));
      // Nothing named (a generalist task): say so rather than hand down an empty list.
      if (this.whole.length === 0) this.whole = GENERALIST_REQ;
    }
    return this.whole;
  }

  /** The areas a persona owns. */
  ownedBy(persona: PersonaId): string[] {
    // Usually one area: a list started with its first line is exact-size (see `buildPlan`).
    let out: string[] | undefined;
    for (let k = 0; k < this.owners.length; k++) {
      if (this.owners[k] !== persona) continue;
      if (out) out.push(this.area(k));
      else out = [this.area(k)];
    }
    return out ?? NO_LINES;
  }

  /** The line of area number `k`. */
  private area(k: number): string {
    return (this.lines[k] ??= areaRequirement(this.areas[k]!));
  }
}

const LIVE_CONFIRM = 'Acts on live systems: confirm each operation before it runs and verify the result';
// Shared by many plans: frozen, so an accidental mutation throws instead of changing every plan.
const GENERALIST_REQ = Object.freeze(['general change: no specific area named; deliver what the task asks']) as string[];
const NO_LINES = Object.freeze([]) as unknown as string[];
const NO_ARTIFACTS = Object.freeze([]) as unknown as Handoff['artifacts'];
const SUPPORT_REQ = Object.freeze(['no area of its own named; support the plan at this layer']) as string[];

function phrases(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return 'added by the user';
  // Distinct phrases, quoted, in first-seen order (a linear scan: lists are short). The quotes
  // between phrases are added as one '", "' piece, and the outer ones once: two string pieces per
  // phrase instead of four (~40 % faster, and less garbage per plan).
  let out = `"${evidence[0]!.phrase}`;
  for (let k = 1; k < evidence.length; k++) {
    const p = evidence[k]!.phrase;
    let dup = false;
    for (let j = 0; j < k && !dup; j++) dup = evidence[j]!.phrase === p;
    if (!dup) out = out + '", "' + p;
  }
  return out + '"';
}

function areaRequirement(a: AreaFinding): string {
  return `${a.area}: ${phrases(a.evidence)}`;
}

function concernRequirement(c: ConcernFinding): string {
  return `${c.concern} concern: ${phrases(c.evidence)}`;
}

/** Words that open a negated clause ("without changing the database"). */
const NEGATION_CUE = /\b(?:without|not|no|never|don't|do not|doesn't|except|excluding|avoid|avoiding|keep|keeping)\b/gi;
/** How far before a negated mention its cue may stand. */
const NEGATION_REACH = 60;

/**
 * Plan-wide constraints: what the task excludes and the hard constraints it sets. A negated
 * mention is quoted with its clause, from the negation cue to the last negated mention after it
 * ("without changing the database schema"), so the hand-off reads as the user wrote it.
 */
function constraintsOf(analysis: Analysis): string[] {
  const out: string[] = [];
  const task = analysis.task;
  let clauses: Map<number, number> | undefined; // cue start -> clause end (made for the first negation: most tasks have none)
  for (const e of analysis.ignored) {
    if (!/negat/i.test(e.rule)) continue;
    clauses ??= new Map();
    const from = Math.max(0, e.start - NEGATION_REACH);
    let cue = e.start;
    NEGATION_CUE.lastIndex = 0;
    const window = task.slice(from, e.start);
    for (let m = NEGATION_CUE.exec(window); m; m = NEGATION_CUE.exec(window)) cue = from + m.index;
    clauses.set(cue, Math.max(clauses.get(cue) ?? 0, e.end));
  }
  if (clauses) for (const [start, end] of [...clauses].sort((a, b) => a[0] - b[0])) out.push(`Excluded by the task: "${task.slice(start, end)}"`);
  for (const s of analysis.signals) {
    if (s.kind !== 'hard-constraint') continue;
    for (const e of s.evidence) out.push(`Hard constraint: "${e.phrase}"`);
  }
  return out;
}

function handoffFor(
  persona: PersonaId,
  layer: LayerId,
  /** PERSONA_BRIEFS[persona]. */
  brief: PersonaBrief,
  quote: string,
  analysis: Analysis,
  text: RequirementText,
  /** The step's constraints (the plan's, plus the live-operation rule on live steps). */
  constraints: readonly string[],
): Handoff {
  let requirements: string[];
  if (layer === 'L0' || layer === 'L1') {
    requirements = text.wholeRequest();
  } else if (layer === 'L4') {
    const target = WRAPPER_TARGET[persona] ?? 'cloud';
    const live = analysis.liveOps;
    requirements = [
      live.evidence.length > 0 ? `live operation (${target} target): ${phrases(live.evidence)}` : `live operation (${target} target): required by the plan's complexity`,
    ];
  } else {
    requirements = text.ownedBy(persona);
    // A persona chosen by a structural rule (generalist L3, default L2 manager) works on the whole task.
    if (requirements.length === 0) requirements = analysis.generalist ? GENERALIST_REQ : SUPPORT_REQ;
  }
  return {
    objective: brief.objectivePrefix + quote,
    requirements,
    constraints: constraints as string[],
    acceptanceCriteria: brief.acceptanceCriteria as string[],
    // Filled in by the executor on a copy (attemptInputs), never on the plan: one frozen array for all.
    artifacts: NO_ARTIFACTS,
  };
}
