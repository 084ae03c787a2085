import type { Disposable } from '../util/disposable';
import { StallDetectedError } from './failure';

/**
 * Aborts a step that makes no progress for `stallMs`. Progress = a tool call starting or ending,
 * a model reply. Paused while the step waits for the user (waiting is not stalling).
 */
export class StallWatchdog implements Disposable {
  private last = Date.now();
  private paused = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly stepId: string,
    private readonly stallMs: number,
    private readonly onStall: (e: StallDetectedError) => void,
  ) {
    this.timer = setInterval(() => this.check(), Math.max(10, Math.min(1000, stallMs / 4)));
    this.timer.unref();
  }

  /** Marks progress. */
  progress(): void {
    this.last = Date.now();
  }

  /** Pauses the watchdog until the returned function is called (nestable). */
  pause(): () => void {
    this.paused++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.paused--;
      this.last = Date.now();
    };
  }

  private check(): void {
    if (this.paused > 0) return;
    const idle = Date.now() - this.last;
    if (idle >= this.stallMs) {
      clearInterval(this.timer);
      this.onStall(new StallDetectedError(this.stepId, idle));
    }
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}
