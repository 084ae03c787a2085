/** A counting semaphore bounding how many steps run at once across all sessions. */
export class Semaphore {
  private waiters: (() => void)[] = [];
  private inUse = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`semaphore capacity must be >= 1, got ${capacity}`);
  }

  /** Slots in use now. */
  get active(): number {
    return this.inUse;
  }

  /** Highest number of slots ever in use at once (for tests and benchmarks). */
  peak = 0;

  /** Resolves with a release function once a slot is free. Rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.inUse++;
        this.peak = Math.max(this.peak, this.inUse);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.inUse--;
          const next = this.waiters.shift();
          if (next) next();
        });
      };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== grant);
        reject(signal?.reason ?? new Error('aborted'));
      };
      if (this.inUse < this.capacity) grant();
      else {
        this.waiters.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      }
    });
  }
}
