// Placeholder until scripts/trainScopeModel.ts runs.
/** Logistic scope model: bias and feature weights. */
export const SCOPE_MODEL: { readonly bias: number; readonly weights: readonly (readonly [string, number])[]; readonly trainedOn: string } = { bias: 0, weights: [], trainedOn: 'none' };
