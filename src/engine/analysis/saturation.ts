/**
 * The evidence saturation curve 1 − e^(−1.6·s) (docs/routing.md: one strong mention 0.80, two
 * 0.96), shared by the analyzer's area and concern scores and routing's evidence strength.
 */

/** Sums of whole and half weights up to this many halves are read from a table. */
const HALVES = 64;
// Precomputed with the very same expression, so a table value is the same double Math.exp gives:
// Math.exp cost ~20 ns, and a plan evaluates the curve ~20 times, nearly always at s = k/2.
const BY_HALF = Float64Array.from({ length: HALVES }, (_, k) => 1 - Math.exp(-1.6 * (k / 2)));

/** 1 − e^(−1.6·s), exactly as computed inline (a table read for s = 0, 0.5, 1, 1.5, …). */
export function saturation(s: number): number {
  const k = s * 2;
  // s * 2 is exact, so an integer k means s === k / 2 and the table entry is this s's value.
  if (k >= 0 && k < HALVES && Number.isInteger(k)) return BY_HALF[k]!;
  return 1 - Math.exp(-1.6 * s);
}
