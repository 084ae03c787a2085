/** Exponential backoff with full jitter. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** 0 = no jitter, 1 = full jitter (delay uniformly in [0, computed]). */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 200, maxMs: 5000, factor: 2, jitter: 0.5 };

/** Delay before retry number `retry` (1-based). `random` is injectable for tests. */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.max(0, retry - 1));
  const j = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(raw * (1 - j) + raw * j * random());
}
