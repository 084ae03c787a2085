import type { LayerId } from '../catalog/layers';
import type { AreaId, Complexity } from '../analysis/analysisTypes';
import type { LayerDecision } from './routingTypes';
import { L2_AREAS } from '../analysis/analyzer';

/** Inputs of the layer decision tree (ROUTING §5). */
export interface CascadeInput {
  readonly complexity: Complexity;
  readonly areas: readonly AreaId[];
  readonly strategyKind: 'none' | 'strategy' | 'strategy-only';
  readonly live: boolean;
}

const RANK: Record<Complexity, number> = { low: 0, medium: 1, high: 2, extreme: 3 };

/** Decides all five layers, each with its reason. */
export function decideCascade(x: CascadeInput): LayerDecision[] {
  const l2Areas = x.areas.filter((a) => L2_AREAS.has(a));
  const l3Areas = x.areas.filter((a) => !L2_AREAS.has(a));
  const r = RANK[x.complexity];
  const strategyOnly = x.strategyKind === 'strategy-only';
  const generalist = !strategyOnly && x.areas.length === 0;
  const d = (layer: LayerId, included: boolean, why: string): LayerDecision => ({ layer, included, why });
  return [
    d('L0', true, '§5: L0 always owns the session'),
    r >= 1
      ? d('L1', true, `§5: complexity is ${x.complexity} (medium or more)`)
      : x.strategyKind !== 'none'
        ? d('L1', true, '§5: the task itself is strategy (plan, evaluation, design, policy)')
        : d('L1', false, '§5: low complexity and not a strategy task'),
    l2Areas.length > 0
      ? d('L2', true, `§5: L2 area present (${l2Areas.join(', ')})`)
      : r >= 2
        ? d('L2', true, `§5: complexity is ${x.complexity} (high or extreme)`)
        : d('L2', false, '§5: no L2 area and complexity below high'),
    l3Areas.length > 0
      ? d('L3', true, `§5: L3 area present (${l3Areas.join(', ')})`)
      : generalist
        ? d('L3', true, '§3/§5: generalist task (no L2/L3 area) → backend-developer at L3')
        : strategyOnly
          ? d('L3', false, '§5: strategy-only task has no L3 step')
          : d('L3', false, '§3: only L2 areas — the L2 manager does the work with its tools'),
    x.live
      ? d('L4', true, '§5: the task carries out an operation on a live system')
      : r === 3
        ? d('L4', true, '§5: complexity is extreme')
        : d('L4', false, '§5: no live operation and complexity below extreme'),
  ];
}
