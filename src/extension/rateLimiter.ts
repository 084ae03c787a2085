/**
 * Per-key rate limiting for notifications: at most one notification per key per interval; the
 * events in between are counted so the next notification can say "(3 more since)".
 * Pure (clock injected), unit-tested.
 */
export class RateLimiter {
  private readonly last = new Map<string, number>();
  private readonly suppressed = new Map<string, number>();

  constructor(
    private readonly intervalMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a notification for `key` may be shown now; records it. Returns the number suppressed since the last one. */
  take(key: string): { allowed: true; suppressed: number } | { allowed: false } {
    const t = this.now();
    const prev = this.last.get(key);
    if (prev !== undefined && t - prev < this.intervalMs()) {
      this.suppressed.set(key, (this.suppressed.get(key) ?? 0) + 1);
      return { allowed: false };
    }
    this.last.set(key, t);
    const n = this.suppressed.get(key) ?? 0;
    this.suppressed.delete(key);
    return { allowed: true, suppressed: n };
  }
}
