import { z } from 'zod';
import { LAYER_IDS } from '../catalog/layers';
import { PERSONA_IDS } from '../catalog/personas';
import { AREA_IDS, COMPLEXITY_LEVELS, CONCERN_IDS } from '../analysis/analysisTypes';

/**
 * Versioned schema of a delegation plan. A plan is data: it is journaled, exported, sent to the
 * webview and read back, so it is validated at each of those trust boundaries. Bump
 * {@link PLAN_SCHEMA_VERSION} on any incompatible change and add a migration in the parser.
 */
export const PLAN_SCHEMA_VERSION = 1 as const;

export const layerIdSchema = z.enum(LAYER_IDS);
export const personaIdSchema = z.enum(PERSONA_IDS);
export const areaIdSchema = z.enum(AREA_IDS);
export const concernIdSchema = z.enum(CONCERN_IDS);
export const complexitySchema = z.enum(COMPLEXITY_LEVELS);

export const evidenceSchema = z.object({
  phrase: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  rule: z.string(),
  weight: z.number().min(0).max(1),
});

/** What one layer hands to the next: the structured hand-off object (ROUTING §6). */
export const handoffSchema = z.object({
  /** What the receiving persona must achieve. */
  objective: z.string(),
  /** Requirements it must meet (from areas and concerns). */
  requirements: z.array(z.string()),
  /** Constraints (negations, hard constraints, budgets). */
  constraints: z.array(z.string()),
  /** How the result will be judged. */
  acceptanceCriteria: z.array(z.string()),
  /** Artifacts produced so far by upstream steps (filled in at run time). */
  artifacts: z.array(
    z.object({
      /** Step that produced it. */
      fromStep: z.string(),
      kind: z.string(),
      summary: z.string(),
      data: z.unknown().optional(),
    }),
  ),
});

/** A server assigned to a step's persona, with why. */
export const serverAssignmentSchema = z.object({
  server: z.string(),
  /** The persona needs this server satisfies. */
  capabilities: z.array(z.string()),
  why: z.string(),
  toolCount: z.number().int().nonnegative().optional(),
});

/** One persona's step in the delegation DAG. */
export const planStepSchema = z.object({
  /** Stable id within the plan, e.g. `L3:backend-developer`. */
  id: z.string(),
  persona: personaIdSchema,
  layer: layerIdSchema,
  /** Step ids that must finish first (the previous layer's steps). */
  dependsOn: z.array(z.string()),
  servers: z.array(serverAssignmentSchema),
  /** Capability needs no configured server meets. */
  uncoveredNeeds: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  why: z.string(),
  evidence: z.array(evidenceSchema),
  handoff: handoffSchema,
});

export const layerDecisionSchema = z.object({
  layer: layerIdSchema,
  included: z.boolean(),
  why: z.string(),
});

export const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  /** Content-derived id (hash of task, fingerprint and corrections). */
  id: z.string(),
  task: z.string(),
  createdAt: z.string(),
  /** Fingerprint of catalog + configured servers the plan was computed against. */
  fingerprint: z.string(),
  complexity: complexitySchema,
  complexityReasons: z.array(z.string()),
  areas: z.array(z.object({ area: areaIdSchema, score: z.number(), evidence: z.array(evidenceSchema) })),
  concerns: z.array(z.object({ concern: concernIdSchema, score: z.number(), evidence: z.array(evidenceSchema) })),
  strategy: z.enum(['none', 'strategy', 'strategy-only']),
  liveOps: z.boolean(),
  layers: z.array(layerDecisionSchema),
  steps: z.array(planStepSchema),
  confidence: z.number().min(0).max(1),
  confidenceWhy: z.string(),
  corrections: z
    .object({
      addAreas: z.array(areaIdSchema).optional(),
      removeAreas: z.array(areaIdSchema).optional(),
      addConcerns: z.array(concernIdSchema).optional(),
      removeConcerns: z.array(concernIdSchema).optional(),
      complexity: complexitySchema.optional(),
      liveOps: z.boolean().optional(),
    })
    .optional(),
  /** Servers configured but given to no persona, with why. */
  unassignedServers: z.array(z.object({ server: z.string(), why: z.string() })),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type Handoff = z.infer<typeof handoffSchema>;
export type ServerAssignment = z.infer<typeof serverAssignmentSchema>;
