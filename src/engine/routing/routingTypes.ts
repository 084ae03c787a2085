import type { LayerId } from '../catalog/layers';
import type { PersonaId } from '../catalog/personas';
import type { AreaId, Complexity, ConcernId, Evidence } from '../analysis/analysisTypes';

/**
 * A user's corrections to an analysis (from the plan preview). Applied before routing, so the
 * plan is recomputed by the contract's rules; kept with the session as a learning record.
 */
export interface Corrections {
  readonly addAreas?: readonly AreaId[];
  readonly removeAreas?: readonly AreaId[];
  readonly addConcerns?: readonly ConcernId[];
  readonly removeConcerns?: readonly ConcernId[];
  /** Forces the complexity class instead of the computed one. */
  readonly complexity?: Complexity;
  /** Forces live-operation detection on or off. */
  readonly liveOps?: boolean;
}

/** Why a layer is (or is not) in the cascade. */
export interface LayerDecision {
  readonly layer: LayerId;
  readonly included: boolean;
  /** Human-readable reason citing the contract rule. */
  readonly why: string;
}

/** Why a persona is in the plan. */
export interface PersonaDecision {
  readonly persona: PersonaId;
  readonly layer: LayerId;
  readonly why: string;
  /** Evidence from the analysis that drove the choice (may be empty for structural rules such as L0). */
  readonly evidence: readonly Evidence[];
  /** Confidence in this step, 0..1. */
  readonly confidence: number;
}

/** The result of routing one analysis. */
export interface RoutingDecision {
  readonly complexity: Complexity;
  /** Reasons for the complexity class, citing ROUTING §4. */
  readonly complexityReasons: readonly string[];
  /** All five layers, included or not, each with its reason. */
  readonly layers: readonly LayerDecision[];
  /** Personas in delegation order. */
  readonly personas: readonly PersonaDecision[];
  /** Plan-level confidence, 0..1. */
  readonly confidence: number;
  /** Explanation of the confidence figure (the formula's terms). */
  readonly confidenceWhy: string;
  /** Corrections applied, if any. */
  readonly corrections?: Corrections;
}
