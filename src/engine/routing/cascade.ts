import type { LayerId } from '../catalog/layers';
import type { AreaId, Complexity } from '../analysis/analysisTypes';
import type { LayerDecision } from './routingTypes';
import { L2_AREAS } from '../analysis/reading';

/** Inputs of the layer decision tree (ROUTING §5). */
export interface CascadeInput {
  readonly complexity: Complexity;
  readonly areas: readonly AreaId[];
  readonly strategyKind: 'none' | 'strategy' | 'strategy-only';
  readonly live: boolean;
}

const RANK: Record<Complexity, number> = { low: 0, medium: 1, high: 2, extreme: 3 };

// The decisions whose reason names no area are the same in every plan: built once and shared by
// the plans that carry them (plans are immutable), instead of five new objects per plan.
const d = (layer: LayerId, included: boolean, why: string): LayerDecision => ({ layer, included, why });
const L0_ALWAYS = d('L0', true, '§5: L0 always owns the session');
const L1_BY_COMPLEXITY = complexityTable((c) => d('L1', true, `§5: complexity is ${c} (medium or more)`));
const L1_STRATEGY = d('L1', true, '§5: the task itself is strategy (plan, evaluation, design, policy)');
const L1_OUT = d('L1', false, '§5: low complexity and not a strategy task');
const L2_BY_COMPLEXITY = complexityTable((c) => d('L2', true, `§5: complexity is ${c} (high or extreme)`));
const L2_OUT = d('L2', false, '§5: no L2 area and complexity below high');
const L3_GENERALIST = d('L3', true, '§3/§5: generalist task (no L2/L3 area) → backend-developer at L3');
const L3_STRATEGY_ONLY = d('L3', false, '§5: strategy-only task has no L3 step');
const L3_L2_ONLY = d('L3', false, '§3: only L2 areas — the L2 manager does the work with its tools');
const L4_LIVE = d('L4', true, '§5: the task carries out an operation on a live system');
const L4_EXTREME = d('L4', true, '§5: complexity is extreme');
const L4_OUT = d('L4', false, '§5: no live operation and complexity below extreme');

function complexityTable(make: (c: Complexity) => LayerDecision): Readonly<Record<Complexity, LayerDecision>> {
  return { low: make('low'), medium: make('medium'), high: make('high'), extreme: make('extreme') };
}

/** `(areas that are L2 or not, per `l2`)` joined with ", " (no filtered copy of the list). */
function joinAreas(areas: readonly AreaId[], l2: boolean): string {
  let out = '';
  for (const a of areas) if (L2_AREAS.has(a) === l2) out = out === '' ? a : `${out}, ${a}`;
  return out;
}

/** Decides all five layers, each with its reason. */
export function decideCascade(x: CascadeInput): LayerDecision[] {
  let nL2 = 0;
  for (const a of x.areas) if (L2_AREAS.has(a)) nL2++;
  const nL3 = x.areas.length - nL2;
  const r = RANK[x.complexity];
  const strategyOnly = x.strategyKind === 'strategy-only';
  const generalist = !strategyOnly && x.areas.length === 0;
  return [
    L0_ALWAYS,
    r >= 1 ? L1_BY_COMPLEXITY[x.complexity] : x.strategyKind !== 'none' ? L1_STRATEGY : L1_OUT,
    nL2 > 0 ? d('L2', true, `§5: L2 area present (${joinAreas(x.areas, true)})`) : r >= 2 ? L2_BY_COMPLEXITY[x.complexity] : L2_OUT,
    nL3 > 0
      ? d('L3', true, `§5: L3 area present (${joinAreas(x.areas, false)})`)
      : generalist
        ? L3_GENERALIST
        : strategyOnly
          ? L3_STRATEGY_ONLY
          : L3_L2_ONLY,
    x.live ? L4_LIVE : r === 3 ? L4_EXTREME : L4_OUT,
  ];
}
