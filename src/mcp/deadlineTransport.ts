import { performance } from 'node:perf_hooks';
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, ProgressNotificationSchema, type JSONRPCMessage, type MessageExtraInfo, type RequestId } from '@modelcontextprotocol/sdk/types.js';

/** Longest delay `setTimeout` accepts; the SDK's own per-request timer is parked there. */
export const NO_SDK_TIMEOUT = 2_147_483_647;

/** Bound on remembered timed-out request ids whose late answers are dropped. */
const MAX_REMEMBERED_TIMEOUTS = 1024;

/** One tool call whose deadline a {@link DeadlineTransport} watches. */
export interface TrackedCall {
  /**
   * Progress token to put in the request's `params._meta.progressToken`: a negative integer, so it
   * can never collide with the SDK's own tokens (its request ids, ≥ 0), and a cheap map key.
   */
  readonly token: number;
  /** Inactivity timeout: the deadline moves to now + this on every progress notification. */
  readonly timeoutMs: number;
  /** Hard cap from the start of the call (0 = none) … */
  readonly maxTotalMs: number;
  /** … as a deadline (`Infinity` = none); progress never moves it. */
  readonly hardDeadline: number;
  /** Current deadline (`performance.now()` clock). */
  deadline: number;
  /** JSON-RPC id of the request, learnt when the SDK sends it. */
  requestId?: RequestId;
  readonly onProgress?: (progress: number, total?: number, message?: string) => void;
  /** The caller's cancellation signal, listened to only while the call is tracked. */
  readonly signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A transport wrapper that gives every tool call on one connection a timeout that restarts on
 * progress, without a timer, closure or AbortController per call (the SDK's `onprogress` +
 * `resetTimeoutOnProgress` path measurably slowed every call, see docs/mcp.md):
 *
 * - the caller puts {@link TrackedCall.token} in the request's `_meta.progressToken` and passes
 *   the SDK a timeout of {@link NO_SDK_TIMEOUT}; {@link send} learns the request id;
 * - `notifications/progress` for a tracked token is validated (zod) and consumed here: it moves
 *   the deadline and reaches the call's `onProgress`; the SDK never sees it;
 * - ONE timer per connection is armed at the earliest deadline; when it fires, every overdue call
 *   gets `notifications/cancelled` sent to the server and a synthetic JSON-RPC error
 *   (`RequestTimeout`) delivered to the SDK, which rejects that call and frees its handlers exactly
 *   as for its own timeout; a late answer from the server is dropped;
 * - the caller's AbortSignal takes the same way out (one listener while the call runs, removed
 *   when it settles; the SDK's own signal handling never removes its listener).
 *
 * Everything else passes through unchanged, so the SDK client works as over the inner transport.
 */
export class DeadlineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  private readonly calls = new Map<number, TrackedCall>();
  /** The call tracked last and not sent yet: the next request the SDK sends is normally its own. */
  private pending?: TrackedCall;
  private readonly timedOut = new Set<RequestId>();
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private seq = 0;
  private closed = false;

  constructor(
    /** The real transport (stdio, Streamable HTTP or SSE). */
    readonly inner: Transport,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  start(): Promise<void> {
    this.inner.onmessage = (message, extra) => this.receive(message, extra);
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => {
      this.stopTimer();
      this.calls.clear();
      this.onclose?.();
    };
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    // Hot path: track() is followed synchronously by the SDK sending that call's request, so the
    // request id is taken from the next request, after checking it carries the call's token.
    const call = this.pending;
    if (call !== undefined && 'id' in message && 'method' in message) {
      this.pending = undefined;
      if (message.params?._meta?.progressToken === call.token) call.requestId = message.id;
    }
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    this.calls.clear();
    return this.inner.close();
  }

  /**
   * Starts watching one call: `timeoutMs` without an answer or a progress notification times it
   * out; `maxTotalMs` (> 0) caps it regardless of progress. Call {@link untrack} when it settles.
   */
  track(timeoutMs: number, maxTotalMs: number, onProgress?: TrackedCall['onProgress'], signal?: AbortSignal): TrackedCall {
    const now = this.now();
    const hardDeadline = maxTotalMs > 0 ? now + maxTotalMs : Infinity;
    const call: TrackedCall = { token: -++this.seq, timeoutMs, maxTotalMs, hardDeadline, deadline: Math.min(now + timeoutMs, hardDeadline), requestId: undefined, onProgress, signal, onAbort: undefined };
    this.calls.set(call.token, call);
    if (signal) {
      // Cancellation is handled here, not by the SDK: the SDK adds an abort listener per request
      // and never removes it, so a long-lived signal (one per session step) would collect one
      // listener, and the request it holds, per call.
      call.onAbort = () => this.cancel(call, `cancelled: ${String(signal.reason)}`);
      signal.addEventListener('abort', call.onAbort, { once: true });
    }
    this.pending = call;
    // With one timeout for every call (the usual case) the timer armed for an earlier call fires
    // first, so a call arms nothing; it re-arms only for a shorter deadline.
    if (call.deadline < this.timerAt && !this.closed) this.arm(call.deadline, now);
    return call;
  }

  /** Stops watching a call (it answered, failed or was cancelled). The timer is left lazily. */
  untrack(call: TrackedCall): void {
    this.calls.delete(call.token);
    if (call.onAbort) call.signal?.removeEventListener('abort', call.onAbort);
    if (this.pending === call) this.pending = undefined;
  }

  /** Calls currently watched (tests and diagnostics). */
  get trackedCalls(): number {
    return this.calls.size;
  }

  private receive(message: JSONRPCMessage, extra?: MessageExtraInfo): void {
    if ('method' in message) {
      if (message.method === 'notifications/progress' && !('id' in message)) {
        const token = message.params?.['progressToken'];
        if (typeof token === 'number' && token < 0) {
          const call = this.calls.get(token);
          // Ours but no longer tracked: progress sent after the answer or the timeout; dropped
          // (the SDK would report it as an unknown token).
          return call ? this.progress(call, message) : undefined;
        }
      }
    } else if (this.timedOut.size > 0 && 'id' in message && this.timedOut.delete(message.id as RequestId)) {
      return; // the answer to a call that already timed out (and was cancelled)
    }
    this.onmessage?.(message, extra);
  }

  private progress(call: TrackedCall, message: JSONRPCMessage): void {
    // Trust boundary: progress comes from the server.
    const parsed = ProgressNotificationSchema.safeParse(message);
    if (!parsed.success) {
      this.onerror?.(new Error(`invalid progress notification for ${call.token}: ${parsed.error.message}`));
      return;
    }
    call.deadline = Math.min(this.now() + call.timeoutMs, call.hardDeadline);
    const p = parsed.data.params;
    call.onProgress?.(p.progress, p.total, p.message);
  }

  private arm(at: number, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // +1: timers may fire a fraction of a millisecond early relative to performance.now().
    this.timer = setTimeout(() => this.expire(), Math.min(NO_SDK_TIMEOUT, Math.max(0, Math.ceil(at - now)) + 1));
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private expire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    let next = Infinity;
    for (const call of this.calls.values()) {
      if (call.deadline <= now) this.timeOut(call);
      else if (call.deadline < next) next = call.deadline;
    }
    if (next < Infinity && !this.closed) this.arm(next, now);
  }

  private timeOut(call: TrackedCall): void {
    this.cancel(call, `timed out: ${call.deadline >= call.hardDeadline ? `exceeded the maximum total time of ${call.maxTotalMs} ms` : `no answer or progress within ${call.timeoutMs} ms`}`);
  }

  /** Ends a call early: tells the server, rejects the SDK's request, drops a late answer. */
  private cancel(call: TrackedCall, reason: string): void {
    if (!this.calls.delete(call.token)) return;
    if (call.onAbort) call.signal?.removeEventListener('abort', call.onAbort);
    if (this.pending === call) this.pending = undefined;
    const id = call.requestId;
    if (id === undefined) return; // never sent (the send itself failed and rejected the call)
    this.timedOut.add(id);
    if (this.timedOut.size > MAX_REMEMBERED_TIMEOUTS) this.timedOut.delete(this.timedOut.values().next().value as RequestId);
    this.inner.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: id, reason } }).catch((e: unknown) => {
      this.onerror?.(e instanceof Error ? e : new Error(String(e)));
    });
    // The SDK rejects the call with McpError(RequestTimeout) (as its own timeout and cancel do) and
    // drops its handlers and timer. The gateway maps it to `cancelled` when the signal is aborted.
    this.onmessage?.({ jsonrpc: '2.0', id, error: { code: ErrorCode.RequestTimeout, message: `Request ${reason}`, data: { timeout: call.timeoutMs } } });
  }
}
