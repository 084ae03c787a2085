import { randomUUID } from 'node:crypto';
import type { ResumedCall } from '../agents/agent';
import { ToolGatewayError, type ToolCallResult, type ToolDescriptor, type ToolGateway } from '../tools/toolGateway';
import { abortableDelay } from '../recovery/abortableDelay';
import { backoffDelay, type BackoffPolicy } from '../recovery/backoff';
import { BudgetExceededError, budgetExceeded } from '../recovery/budget';
import { canonicalJson, LoopDetector } from '../recovery/loopDetector';
import type { StallWatchdog } from '../recovery/stallWatchdog';
import type { LiveSession } from '../session/liveSession';
import { callsOfAttempt, type ToolCallRecord, type UserAnswer, type UserWaitRequest } from '../session/sessionModel';
import { AUTO_APPROVE, needsApproval } from './approvalPolicy';
import type { ExecutionOptions } from './executionOptions';
import { assumedDoneContent, hasReplayableOutcome, replayedResult, storedResult } from './storedResult';

/** Transient failures where the request never reached the server: always safe to resend. */
const NOT_SENT = new Set(['server-unavailable', 'circuit-open', 'bulkhead-full']);

/** What a {@link CallInvoker} needs from the session runner that owns the attempt. */
export interface CallInvokerEnv {
  readonly session: LiveSession;
  readonly gateway: ToolGateway;
  readonly options: ExecutionOptions;
  /** Backoff between retries of one transient tool call. */
  readonly backoff: BackoffPolicy;
  /** True while the runner shuts down (nothing may be written then). */
  isShuttingDown(): boolean;
}

/** One step attempt: who runs it, which tools it may use, how it is watched and asks the user. */
export interface AttemptScope {
  readonly stepId: string;
  readonly attempt: number;
  /** Servers in the persona's scope that can be used. */
  readonly servers: readonly string[];
  /** The tools of those servers, as the gateway listed them. */
  readonly tools: readonly ToolDescriptor[];
  /** True when the attempt resumes after an interruption: its journaled calls replay. */
  readonly resume: boolean;
  readonly watchdog: StallWatchdog;
  readonly signal: AbortSignal;
  readonly ask: (request: UserWaitRequest) => Promise<UserAnswer>;
}

/**
 * One step attempt's gate to the tools: scope check, loop detection, replay of calls journaled
 * before a crash, approval, budget, write-ahead journaling and safe retries.
 */
export class CallInvoker {
  private readonly loops: LoopDetector;
  private readonly replay: ToolCallRecord[];
  private replayPos = 0;
  private nextSeq: number;

  constructor(
    private readonly env: CallInvokerEnv,
    private readonly scope: AttemptScope,
  ) {
    this.loops = new LoopDetector(env.options.loopMaxRepeats ?? 3);
    const prior = callsOfAttempt(env.session.working, scope.stepId, scope.attempt);
    this.replay = scope.resume ? prior : [];
    this.nextSeq = prior.reduce((mx, c) => Math.max(mx, c.seq + 1), 0);
  }

  /** Calls of this attempt that finished before an interruption (what a resumed agent already did). */
  priorCalls(): ResumedCall[] {
    return this.replay
      .filter(hasReplayableOutcome)
      .map((c) => ({ server: c.server, tool: c.tool, args: c.args, ...(c.result !== undefined ? { result: c.result } : {}) }));
  }

  /** The next journaled call of this attempt if it matches and has an outcome to replay. */
  private replayed(server: string, tool: string, args: Record<string, unknown>): ToolCallResult | undefined {
    while (this.replayPos < this.replay.length) {
      const c = this.replay[this.replayPos]!;
      if (c.server !== server || c.tool !== tool || canonicalJson(c.args) !== canonicalJson(args)) {
        this.replayPos = Infinity; // diverged: everything from here runs live
        return undefined;
      }
      this.replayPos++;
      if (hasReplayableOutcome(c)) return replayedResult(c);
      // A failed attempt of this call: look at the next record (its retry) or run it live.
    }
    return undefined;
  }

  /** Runs one tool call of the agent through every gate; see the class comment. */
  async call(server: string, tool: string, args: Record<string, unknown>): Promise<ToolCallResult> {
    const { session, options: opts } = this.env;
    const { stepId, attempt, servers, tools, watchdog, signal } = this.scope;
    if (signal.aborted) throw signal.reason;
    if (!servers.includes(server)) throw new ToolGatewayError('not-allowed', server, `server ${server} is not in this persona's scope (${servers.join(', ') || 'none'})`, false);
    const desc = tools.find((t) => t.server === server && t.name === tool);
    if (!desc) throw new ToolGatewayError('unknown-tool', server, `tool ${tool} is not offered by ${server}`, false);
    this.loops.record(server, tool, args);
    const again = this.replayed(server, tool, args);
    if (again) {
      watchdog.progress();
      return again;
    }
    const override = opts.toolSafety?.(server, tool);
    const readOnly = override?.readOnly ?? desc.annotations?.readOnlyHint === true;
    const idempotent = override?.idempotent ?? (readOnly || desc.annotations?.idempotentHint === true);
    if (needsApproval(opts.approval ?? AUTO_APPROVE, server, tool, readOnly)) {
      const answer = await this.scope.ask({ kind: 'approval', server, tool, args, readOnly });
      if (answer.kind === 'deny') return { isError: true, content: [{ type: 'text', text: `The user denied this call${answer.reason ? `: ${answer.reason}` : ''}.` }] };
    }
    const seq = this.nextSeq++;
    const maxAttempts = opts.toolRetry?.maxAttempts ?? 3;
    for (let n = 1; ; n++) {
      const over = budgetExceeded(session.working, Date.now(), 1);
      if (over) throw new BudgetExceededError(over);
      const callId = `c${seq}-${randomUUID().slice(0, 12)}`;
      const record: ToolCallRecord = { callId, stepId, attempt, seq, server, tool, args, readOnly, idempotent, startedAt: Date.now(), status: 'started' };
      await session.commit({ type: 'call-started', at: Date.now(), call: record });
      watchdog.progress();
      try {
        const r = await this.env.gateway.callTool(server, tool, args, {
          signal,
          timeoutMs: opts.callTimeoutMs ?? 30_000,
          onProgress: () => watchdog.progress(),
        });
        watchdog.progress();
        await session.commit({ type: 'call-finished', at: Date.now(), callId, status: r.isError ? 'tool-error' : 'ok', ...storedResult(r, opts.maxStoredResultChars ?? 8192) });
        return r;
      } catch (e) {
        watchdog.progress();
        if (signal.aborted) {
          // On shutdown nothing is written: the journal must look exactly like a crash left it.
          if (!this.env.isShuttingDown()) await session.commit({ type: 'call-finished', at: Date.now(), callId, status: 'failed', error: 'aborted' }).catch(() => undefined);
          throw signal.reason;
        }
        const gwe = e instanceof ToolGatewayError ? e : undefined;
        const message = e instanceof Error ? e.message : String(e);
        const maybeExecuted = !gwe || !NOT_SENT.has(gwe.kind);
        if (gwe?.transient && maybeExecuted && !idempotent) {
          // The call may have taken effect: only the user can say whether to send it again.
          const answer = await this.scope.ask({ kind: 'uncertain-call', callId, server, tool, args, why: `${gwe.kind}: ${message}` });
          if (answer.kind === 'assume-done') {
            const content = assumedDoneContent(answer.note);
            await session.commit({ type: 'call-finished', at: Date.now(), callId, status: 'assumed-done', result: JSON.stringify(content) });
            return { isError: false, content };
          }
          await session.commit({ type: 'call-finished', at: Date.now(), callId, status: 'failed', error: message });
          if (answer.kind === 'retry') continue;
          throw new ToolGatewayError(gwe.kind, server, `${message} (the user chose not to retry)`, false);
        }
        await session.commit({ type: 'call-finished', at: Date.now(), callId, status: 'failed', error: message });
        if (gwe?.transient && n < maxAttempts) {
          try {
            await abortableDelay(backoffDelay(this.env.backoff, n), signal);
          } catch {
            throw signal.reason;
          }
          continue;
        }
        throw e;
      }
    }
  }
}
