import { COMPLEXITY_LEVELS, type Complexity } from '../analysis/analysisTypes';

/** One labelled or predicted row (ROUTING §8; layers and personas are sets). */
export interface EvalRow {
  readonly id: string;
  readonly complexity: string;
  readonly layers: readonly string[];
  readonly personas: readonly string[];
}

/** Accuracy figures of a prediction set against gold labels. */
export interface EvalReport {
  /** Rows scored (gold rows with a prediction of the same id). */
  readonly n: number;
  /** Gold ids with no prediction (scored as wrong on every measure). */
  readonly missing: readonly string[];
  readonly complexityAccuracy: number;
  readonly layerSetAccuracy: number;
  readonly personaSetAccuracy: number;
  readonly personaMicroF1: number;
  readonly personaPrecision: number;
  readonly personaRecall: number;
  /** confusion[gold][predicted] counts over the four classes plus `other` for unknown labels. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Ids of rows with any mismatch, for error analysis. */
  readonly errors: readonly { id: string; complexity: boolean; layers: boolean; personas: boolean }[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
};

/**
 * Scores predictions against gold rows, matched by id. Complexity exact match, layer-set and
 * persona-set exact match, and persona micro-F1 over (task, persona) pairs. A gold row without a
 * prediction counts as wrong (and its personas as missed).
 */
export function scorePredictions(gold: readonly EvalRow[], predicted: readonly EvalRow[]): EvalReport {
  const byId = new Map<string, EvalRow>();
  for (const p of predicted) byId.set(p.id, p);
  const classes = [...COMPLEXITY_LEVELS, 'other'];
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of classes) {
    confusion[g] = {};
    for (const p of classes) confusion[g]![p] = 0;
  }
  const cls = (c: string): string => ((COMPLEXITY_LEVELS as readonly string[]).includes(c) ? (c as Complexity) : 'other');
  let cOk = 0, lOk = 0, pOk = 0, tp = 0, fp = 0, fn = 0;
  const missing: string[] = [];
  const errors: { id: string; complexity: boolean; layers: boolean; personas: boolean }[] = [];
  for (const g of gold) {
    const p = byId.get(g.id);
    if (!p) {
      missing.push(g.id);
      fn += new Set(g.personas).size;
      confusion[cls(g.complexity)]!['other']! += 1;
      errors.push({ id: g.id, complexity: true, layers: true, personas: true });
      continue;
    }
    const c = g.complexity === p.complexity;
    const l = sameSet(g.layers, p.layers);
    const s = sameSet(g.personas, p.personas);
    if (c) cOk++;
    if (l) lOk++;
    if (s) pOk++;
    confusion[cls(g.complexity)]![cls(p.complexity)]! += 1;
    const gs = new Set(g.personas);
    const ps = new Set(p.personas);
    for (const x of ps) (gs.has(x) ? tp++ : fp++);
    for (const x of gs) if (!ps.has(x)) fn++;
    if (!c || !l || !s) errors.push({ id: g.id, complexity: !c, layers: !l, personas: !s });
  }
  const n = gold.length;
  const prec = tp + fp === 0 ? 0 : tp / (tp + fp);
  const rec = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    n,
    missing,
    complexityAccuracy: n ? cOk / n : 0,
    layerSetAccuracy: n ? lOk / n : 0,
    personaSetAccuracy: n ? pOk / n : 0,
    personaMicroF1: prec + rec === 0 ? 0 : (2 * prec * rec) / (prec + rec),
    personaPrecision: prec,
    personaRecall: rec,
    confusion,
    errors,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Human-readable report: the four figures and the complexity confusion matrix (rows gold, columns predicted). */
export function formatEvalReport(r: EvalReport): string {
  const classes = [...COMPLEXITY_LEVELS];
  const w = 9;
  const lines = [
    `tasks scored:            ${r.n}${r.missing.length ? ` (${r.missing.length} without a prediction)` : ''}`,
    `complexity accuracy:     ${pct(r.complexityAccuracy)}`,
    `layer-set accuracy:      ${pct(r.layerSetAccuracy)}`,
    `persona-set accuracy:    ${pct(r.personaSetAccuracy)}`,
    `persona micro-F1:        ${r.personaMicroF1.toFixed(3)} (precision ${r.personaPrecision.toFixed(3)}, recall ${r.personaRecall.toFixed(3)})`,
    '',
    'complexity confusion (rows: gold, columns: predicted)',
    ['gold\\pred'.padEnd(w), ...classes.map((c) => c.padStart(w))].join(''),
    ...classes.map((g) => [g.padEnd(w), ...classes.map((p) => String(r.confusion[g]?.[p] ?? 0).padStart(w))].join('')),
  ];
  return lines.join('\n');
}
