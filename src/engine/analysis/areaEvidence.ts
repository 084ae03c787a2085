/**
 * Per-area evidence and scores while areas are read (`areaReading.ts`, `areaCorrections.ts`): arrays indexed like
 * `AREA_IDS`, credited mention by mention.
 */
import type { Evidence } from './analysisTypes';
import { append } from './reading';

/** Whether some evidence has full weight (a strong mention). */
export function hasFullWeight(list: readonly Evidence[]): boolean {
  for (const e of list) if (e.weight >= 1) return true;
  return false;
}

/** Adds evidence `e` of weight `weight` to area `ax` (the per-area arrays of `readAreas`). */
export function credit(areaEv: (Evidence[] | undefined)[], areaScore: Float64Array, ax: number, e: Evidence, weight: number): void {
  areaEv[ax] = append(areaEv[ax], e);
  areaScore[ax] += weight;
}
/** Whether area `ax` has evidence and some of it is of full weight (a word that names the area on its own). */
export function namedInFull(areaEv: readonly (Evidence[] | undefined)[], ax: number): boolean {
  const list = areaEv[ax];
  return list !== undefined && hasFullWeight(list);
}
