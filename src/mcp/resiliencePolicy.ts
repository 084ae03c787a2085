/**
 * Every resilience threshold of the connection manager in one place (documented in docs/mcp.md).
 * Tests shrink the timings; production uses {@link DEFAULT_RESILIENCE}.
 */
export interface ResiliencePolicy {
  /** Time allowed for spawn/connect + `initialize`. */
  readonly startTimeoutMs: number;
  /** Default per-call timeout; restarts on every progress notification. */
  readonly callTimeoutMs: number;
  /** Hard cap on one call even with progress (0 = none). */
  readonly maxTotalCallMs: number;
  /** `tools/list` timeout. */
  readonly listTimeoutMs: number;
  /** Concurrent calls per server (bulkhead) … */
  readonly maxConcurrentCalls: number;
  /** … and calls allowed to wait for a slot before `bulkhead-full`. */
  readonly maxQueuedCalls: number;
  /** Consecutive server faults (timeouts, lost connections, failed starts) that open the circuit. */
  readonly breakerConsecutiveFailures: number;
  /** How long the circuit stays open before one half-open trial call. */
  readonly breakerHalfOpenAfterMs: number;
  /** Interval of `ping` health checks on a connected server (0 = off). */
  readonly pingIntervalMs: number;
  readonly pingTimeoutMs: number;
  /** Failed pings in a row that recycle the connection (one failed ping only marks it degraded). */
  readonly pingFailuresBeforeRestart: number;
  /** Automatic restarts after an unexpected exit before giving up until the next use. */
  readonly maxAutoRestarts: number;
  /** A connection that stayed up this long resets the restart count (crash-loop protection). */
  readonly stableAfterMs: number;
  /** Exponential backoff with full jitter for restarts and retries: base·2^n capped at max. */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** Total attempts for a retry-safe tool call (1 = never retry). */
  readonly maxCallAttempts: number;
}

/** Production thresholds (the table in docs/mcp.md). */
export const DEFAULT_RESILIENCE: ResiliencePolicy = {
  startTimeoutMs: 30_000,
  callTimeoutMs: 60_000,
  maxTotalCallMs: 0,
  listTimeoutMs: 15_000,
  maxConcurrentCalls: 8,
  maxQueuedCalls: 64,
  breakerConsecutiveFailures: 3,
  breakerHalfOpenAfterMs: 15_000,
  pingIntervalMs: 30_000,
  pingTimeoutMs: 5_000,
  pingFailuresBeforeRestart: 2,
  maxAutoRestarts: 5,
  stableAfterMs: 30_000,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  maxCallAttempts: 3,
};

/**
 * Delay before attempt `attempt` (0-based): uniform in [base·2^attempt / 2, base·2^attempt], capped
 * at max ("equal jitter": never zero, so a crash loop cannot spin, yet restarts of many servers spread out).
 */
export function backoffDelay(policy: Pick<ResiliencePolicy, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
