/**
 * k-fold cross-validation over labelled rows: fit on k−1 folds, score on the held-out fold, and
 * pool the held-out predictions. Deterministic folds (row index mod k) so figures are reproducible.
 */
export interface CvResult<P> {
  /** Held-out prediction for every row, in input order. */
  readonly predictions: readonly P[];
  readonly k: number;
}

/** Runs k-fold CV: `fit(trainRows)` returns a predictor applied to each held-out row. */
export function crossValidate<R, P>(rows: readonly R[], k: number, fit: (train: readonly R[]) => (row: R) => P): CvResult<P> {
  if (k < 2 || k > rows.length) throw new Error(`crossValidate: k must be between 2 and the row count (${rows.length}), got ${k}`);
  const predictions = new Array<P>(rows.length);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => i % k !== f);
    const predict = fit(train);
    rows.forEach((r, i) => {
      if (i % k === f) predictions[i] = predict(r);
    });
  }
  return { predictions, k };
}

/** Fits an L2-regularised logistic regression by batch gradient descent over sparse binary features. */
export function fitLogistic(
  rows: readonly { features: readonly string[]; label: 0 | 1 }[],
  opts: { l2: number; epochs: number; rate: number; minCount: number },
): { bias: number; weights: Map<string, number> } {
  const count = new Map<string, number>();
  for (const r of rows) for (const f of r.features) count.set(f, (count.get(f) ?? 0) + 1);
  const vocab = [...count.keys()].filter((f) => count.get(f)! >= opts.minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const X = rows.map((r) => r.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const w = new Float64Array(vocab.length);
  let b = 0;
  const n = rows.length;
  for (let e = 0; e < opts.epochs; e++) {
    const g = new Float64Array(vocab.length);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let z = b;
      for (const j of X[i]!) z += w[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const d = p - rows[i]!.label;
      gb += d;
      for (const j of X[i]!) g[j]! += d;
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - opts.rate * (g[j]! / n + opts.l2 * w[j]!);
    b -= opts.rate * (gb / n);
  }
  const weights = new Map<string, number>();
  vocab.forEach((f, j) => {
    if (Math.abs(w[j]!) > 1e-4) weights.set(f, w[j]!);
  });
  return { bias: b, weights };
}

/** Probability of the positive class under a fitted logistic model. */
export function logisticProbability(model: { bias: number; weights: ReadonlyMap<string, number> }, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

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
