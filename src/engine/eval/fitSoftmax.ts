/**
 * Fitting the learned complexity check (scripts/trainComplexityModel.ts): a multinomial logistic
 * regression over sparse binary features. Training only; the router reads the fitted weights.
 */

/** A fitted multinomial logistic model: one bias and one weight per feature for each class. */
export interface SoftmaxModel {
  readonly bias: readonly number[];
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

/**
 * Fits an L2-regularised multinomial logistic regression (softmax) by batch gradient descent over
 * sparse binary features. Deterministic: the vocabulary is sorted and every epoch visits the rows in
 * input order, so the same rows always give the same weights.
 */
export function fitSoftmax(
  rows: readonly { features: readonly string[]; label: number }[],
  opts: {
    /** Number of classes; labels are 0 … classes − 1. */
    classes: number;
    /** L2 penalty on the weights (not the biases). */
    l2: number;
    epochs: number;
    /** Step size of each full-batch gradient step. */
    rate: number;
    /** Features seen in fewer training rows are left out. */
    minCount: number;
  },
): SoftmaxModel {
  const K = opts.classes;
  const count = new Map<string, number>();
  for (const r of rows) for (const f of new Set(r.features)) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count.keys()].filter((f) => count.get(f)! >= opts.minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = rows.map((r) => [...new Set(r.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const w = new Float64Array(vocab.length * K);
  const b = new Float64Array(K);
  const n = rows.length;
  const p = new Float64Array(K);
  for (let e = 0; e < opts.epochs; e++) {
    const g = new Float64Array(w.length);
    const gb = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      const xi = X[i]!;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let z = b[k]!;
        for (const j of xi) z += w[j * K + k]!;
        p[k] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) { p[k] = Math.exp(p[k]! - max); sum += p[k]!; }
      const label = rows[i]!.label;
      for (let k = 0; k < K; k++) {
        const d = p[k]! / sum - (k === label ? 1 : 0);
        gb[k] = gb[k]! + d;
        for (const j of xi) g[j * K + k] = g[j * K + k]! + d;
      }
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - opts.rate * (g[j]! / n + opts.l2 * w[j]!);
    for (let k = 0; k < K; k++) b[k] = b[k]! - opts.rate * (gb[k]! / n);
  }
  const weights = new Map<string, readonly number[]>();
  vocab.forEach((f, j) => weights.set(f, Array.from(w.subarray(j * K, j * K + K))));
  return { bias: Array.from(b), weights };
}
