import { formatIssuePath } from '../catalog/catalogSchema';
import { planSchema, type Plan } from './planSchema';

/** Why a plan could not be read: where (JSON path) and what. */
export interface PlanParseError {
  /** `json`: the text is not JSON. `schema`: JSON, but not a valid plan. */
  readonly kind: 'json' | 'schema';
  /** JSON path of the first bad field, e.g. `steps[2].persona`, or `(root)`. */
  readonly path: string;
  readonly message: string;
  /** Every problem found, first one first (`path: message`). */
  readonly problems: readonly string[];
}

/** Result of {@link parsePlan}. */
export type PlanParseResult = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly error: PlanParseError };

/**
 * Reads a plan at a trust boundary (journal, export, webview message): JSON text or an already
 * parsed value, validated against the versioned schema. Never throws.
 */
export function parsePlan(input: string | unknown): PlanParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      const message = `not valid JSON: ${(e as Error).message}`;
      return { ok: false, error: { kind: 'json', path: '(root)', message, problems: [`(root): ${message}`] } };
    }
  }
  const r = planSchema.safeParse(value);
  if (r.success) return { ok: true, plan: r.data };
  const problems = r.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
  const first = problems[0] ?? { path: '(root)', message: 'invalid plan' };
  return { ok: false, error: { kind: 'schema', path: first.path, message: first.message, problems: problems.map((p) => `${p.path}: ${p.message}`) } };
}

/** Formats a parse error for people: `plan: steps[2].persona: Invalid option…`. */
export function formatPlanParseError(e: PlanParseError, label = 'plan'): string {
  return `${label}: ${e.path}: ${e.message}`;
}
