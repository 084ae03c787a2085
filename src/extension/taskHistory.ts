/**
 * Task input history for the Coordinate Task input box (kept in globalState by the caller).
 * Pure: most recent first, de-duplicated (trimmed, case-sensitive), bounded.
 */
export const TASK_HISTORY_KEY = 'strata.taskHistory';
export const TASK_HISTORY_MAX = 30;

/** Adds a task to the front of the history. */
export function pushHistory(history: readonly string[], task: string, max = TASK_HISTORY_MAX): string[] {
  const t = task.trim();
  if (!t) return [...history];
  return [t, ...history.filter((h) => h !== t)].slice(0, max);
}

/** Reads a history value from storage defensively (it is untrusted data). */
export function readHistory(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, TASK_HISTORY_MAX) : [];
}
