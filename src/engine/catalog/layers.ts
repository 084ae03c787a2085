/** The five layers of the cascade (ROUTING §1). Order matters: it is the delegation order. */
export const LAYER_IDS = ['L0', 'L1', 'L2', 'L3', 'L4'] as const;

/** A layer of the cascade, `L0` (Meta-Control) to `L4` (Execution Wrappers). */
export type LayerId = (typeof LAYER_IDS)[number];

/** Static description of one layer. */
export interface LayerInfo {
  /** Layer id, e.g. `L2`. */
  readonly id: LayerId;
  /** Human name, e.g. "Workflow". */
  readonly name: string;
  /** What the layer does in a session. */
  readonly role: string;
}

export const LAYERS: readonly LayerInfo[] = [
  { id: 'L0', name: 'Meta-Control', role: 'Owns the session: governance, budget, health, escalation target. Always present.' },
  { id: 'L1', name: 'Strategy', role: 'Turns intent into requirements, architecture or policy.' },
  { id: 'L2', name: 'Workflow', role: 'Orchestrates delivery workflows: pipelines, infrastructure, security gates, data flows.' },
  { id: 'L3', name: 'Tool Experts', role: 'Specialists who do the technical work with their tools.' },
  { id: 'L4', name: 'Execution Wrappers', role: 'Direct operations against live systems: cloud APIs, clusters, scanners.' },
];

/** Numeric depth of a layer (L0 → 0), for ordering. */
export function layerIndex(layer: LayerId): number {
  return LAYER_IDS.indexOf(layer);
}

/** Type guard for layer ids coming from untrusted input. */
export function isLayerId(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYER_IDS as readonly string[]).includes(value);
}
