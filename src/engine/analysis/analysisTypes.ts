/**
 * The analyzer's output: what a task text asks for, with the evidence behind every finding.
 * Routing (complexity, layers, personas) is a pure function of this structure plus the user's
 * corrections, so a corrected analysis re-routes by the contract's rules without re-reading text.
 */

/** Requirement areas (ROUTING §3): six L3 areas and four L2 areas. */
export const AREA_IDS = [
  'backend',
  'frontend',
  'database',
  'containers/kubernetes',
  'observability',
  'testing',
  'CI/CD',
  'infrastructure/cloud',
  'security',
  'data pipelines',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** L1 concerns (ROUTING §3). */
export const CONCERN_IDS = ['product', 'architecture', 'compliance'] as const;
export type ConcernId = (typeof CONCERN_IDS)[number];

/** Complexity classes (ROUTING §4). */
export const COMPLEXITY_LEVELS = ['low', 'medium', 'high', 'extreme'] as const;
export type Complexity = (typeof COMPLEXITY_LEVELS)[number];

/** One piece of evidence: the phrase that matched, where, and which rule read it. */
export interface Evidence {
  /** The matched text as it stands in the task. */
  readonly phrase: string;
  /** Start offset (UTF-16 code units) in the task text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** Which rule or lexicon entry produced it, e.g. `lexicon:cncf:Vitess→database`. */
  readonly rule: string;
  /** Contribution to the finding's score (0..1); used by the confidence formula. */
  readonly weight: number;
}

/** A requirement area the task touches. */
export interface AreaFinding {
  readonly area: AreaId;
  /** Combined strength of the evidence, 0..1. */
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

/** An L1 concern the task raises. */
export interface ConcernFinding {
  readonly concern: ConcernId;
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

/**
 * Scope signals the complexity rules read (ROUTING §4). Each is present only with evidence.
 * - `contained`: a bug fix, small feature, one test, a doc or config change.
 * - `substantial`: a new service/module, codebase-wide refactor, integration with an external system.
 * - `whole-system`: building or deploying a whole product or platform.
 * - `production-rollout`: running/rolling out a whole system in production.
 * - `certification`: achieving a compliance certification for an organisation or product.
 * - `migration`: migrating/re-platforming an existing system (hosting, orchestrator, monolith split, DB engine).
 * - `multi-region`: making the system itself run across regions or clouds.
 * - `hard-constraint`: zero downtime, numeric availability/recovery targets, real-time at scale.
 */
export const SCOPE_SIGNALS = [
  'contained',
  'substantial',
  'whole-system',
  'production-rollout',
  'certification',
  'migration',
  'multi-region',
  'hard-constraint',
] as const;
export type ScopeSignalKind = (typeof SCOPE_SIGNALS)[number];

export interface ScopeSignal {
  readonly kind: ScopeSignalKind;
  readonly evidence: readonly Evidence[];
}

/**
 * Whether the task is strategy (ROUTING §3):
 * - `none`: it delivers a change.
 * - `strategy`: it delivers a plan/spike/evaluation/RFC/ADR/design/decision and keeps its technical areas.
 * - `strategy-only`: a strategy task naming no technical area, or delivering a policy, threat model,
 *   control mapping, compliance or risk analysis.
 */
export type StrategyKind = 'none' | 'strategy' | 'strategy-only';

export interface StrategyFinding {
  readonly kind: StrategyKind;
  readonly evidence: readonly Evidence[];
}

/** Live-operation detection (ROUTING §5, L4). */
export interface LiveOpsFinding {
  readonly live: boolean;
  /** Live targets named by the text (kubernetes cluster, cloud, security scanning…). */
  readonly targets: readonly ('kubernetes' | 'security' | 'cloud')[];
  readonly evidence: readonly Evidence[];
}

/** Everything the analyzer found in one task text. */
export interface Analysis {
  /** The task text as given. */
  readonly task: string;
  readonly areas: readonly AreaFinding[];
  readonly concerns: readonly ConcernFinding[];
  readonly strategy: StrategyFinding;
  /** True when the task has no L2/L3 area and is not strategy-only (a backend-developer generalist task). */
  readonly generalist: boolean;
  readonly liveOps: LiveOpsFinding;
  readonly signals: readonly ScopeSignal[];
  /** Mentions that were read and deliberately not counted (negated, documentation subject, not work). */
  readonly ignored: readonly Evidence[];
}

/**
 * Rule prefix of the contained-change evidence for a title that opens with "Fix" (after its label, if
 * any): the classifier counts such a cue twice, since the title says the work is a fix first.
 */
export const TITLE_FIX_RULE = 'title-fix:';
/**
 * Rule of the substantial-scope evidence that a text produces what a compliance audit asks for (evidence packs,
 * audit documentation): the one piece of a plan's output that §4 rates as substantial besides a migration or rewrite.
 */
export const AUDIT_EVIDENCE_RULE = 'substantial:audit-evidence';
