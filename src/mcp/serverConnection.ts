import { ConsecutiveBreaker, circuitBreaker, bulkhead, handleWhen, type BulkheadPolicy, type CircuitBreakerPolicy } from 'cockatiel';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ToolListChangedNotificationSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Disposable } from '../engine/util/disposable';
import { ToolGatewayError, type ToolCallOptions, type ToolCallResult, type ToolDescriptor } from '../engine/tools/toolGateway';
import { isServerFault, isSessionLost, toGatewayError } from './errorMapping';
import type { HealthModel } from './healthModel';
import { descendantsOf, isAlive, killTree } from './processTree';
import { backoffDelay, type ResiliencePolicy } from './resiliencePolicy';
import { RETRYABLE_KINDS, isRetrySafe } from './retrySafety';
import type { ConfiguredServer } from './serverConfig';
import type { ServerLogSink } from './serverLog';
import { DeadlineTransport, NO_SDK_TIMEOUT } from './deadlineTransport';

/** What a {@link ServerConnection} needs from its manager. */
export interface ServerConnectionDeps {
  readonly policy: ResiliencePolicy;
  readonly log: ServerLogSink;
  readonly health: HealthModel;
  readonly clientInfo: { readonly name: string; readonly version: string };
  /** Called when the server's tool list changed (`notifications/tools/list_changed`). */
  readonly onToolsChanged: (server: string) => void;
}

type TransportKind = 'stdio' | 'http' | 'sse';

interface Live {
  readonly client: Client;
  /** The real transport (close, session termination); the client talks through `deadlines`. */
  readonly transport: Transport;
  /** Per-call timeouts that restart on progress (one timer per connection). */
  readonly deadlines: DeadlineTransport;
  readonly kind: TransportKind;
  readonly pid?: number;
}

/** SDK options shared by every call (no per-call allocation): its own timer parked, no signal (see DeadlineTransport). */
const PARKED_SDK_TIMEOUT = { timeout: NO_SDK_TIMEOUT } as const;
const NO_OPTIONS: ToolCallOptions = {};

/**
 * The SDK already validated the result with its zod `CallToolResultSchema` (and structuredContent
 * against the tool's outputSchema); only the legacy `toolResult` shape is converted here.
 */
function toToolCallResult(result: Awaited<ReturnType<Client['callTool']>>): ToolCallResult {
  if ('content' in result && Array.isArray(result.content)) {
    return { isError: result.isError === true, content: result.content, structuredContent: result.structuredContent };
  }
  return { isError: false, content: [{ type: 'text', text: JSON.stringify((result as { toolResult?: unknown }).toolResult ?? null) }] };
}

interface IndexedTool {
  readonly descriptor: ToolDescriptor;
  readonly retrySafe: boolean;
}

/** A private signal that follows `signal` until disposed (then the caller's signal holds no listener of ours). */
function linkSignal(signal: AbortSignal | undefined): { readonly signal: AbortSignal | undefined; dispose(): void } {
  if (!signal) return { signal: undefined, dispose: () => undefined };
  const ctrl = new AbortController();
  if (signal.aborted) ctrl.abort(signal.reason);
  const onAbort = (): void => ctrl.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return { signal: ctrl.signal, dispose: () => signal.removeEventListener('abort', onAbort) };
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * One configured server: its MCP client, process or HTTP session, tool cache, circuit breaker,
 * bulkhead, health checks and restart loop. Created lazily by the ConnectionManager; the server
 * starts on first use or on an explicit {@link start}.
 */
export class ServerConnection implements Disposable {
  private live?: Live;
  private connecting?: Promise<Live>;
  private tools?: readonly ToolDescriptor[];
  private toolsLoading?: Promise<readonly ToolDescriptor[]>;
  /** Bumped whenever the current connection is dropped on purpose, so its late events are ignored. */
  private generation = 0;
  private startAttempt = 0;
  private restartAttempts = 0;
  private connectedAt = 0;
  private restartTimer?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private pingFailures = 0;
  private pinging = false;
  private disposed = false;
  private readonly stderrTail: string[] = [];
  private garbageLines = 0;
  private lastGarbage = '';
  private lastFault = '';
  private toolIndex = new Map<string, IndexedTool>();
  private toolIndexOf?: readonly ToolDescriptor[];
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;

  constructor(
    readonly config: ConfiguredServer,
    private readonly deps: ServerConnectionDeps,
  ) {
    const p = deps.policy;
    // Only server faults (timeouts, lost connections, failed starts) count; a tool's own error
    // result, a cancellation or an unknown tool say nothing about the server's health.
    this.breaker = circuitBreaker(
      handleWhen((e) => e instanceof ToolGatewayError && isServerFault(e)),
      { halfOpenAfter: p.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(p.breakerConsecutiveFailures) },
    );
    this.bulkhead = bulkhead(p.maxConcurrentCalls, p.maxQueuedCalls);
    this.breaker.onBreak(() => {
      this.event(`circuit opened after ${p.breakerConsecutiveFailures} consecutive faults (last: ${this.lastFault})`);
      this.cancelRestart();
      // The trial call after the pause starts from a fresh process/session.
      this.dropConnection();
      this.setHealth({ state: 'circuit-open', reason: this.lastFault || 'repeated failures', retryAt: Date.now() + p.breakerHalfOpenAfterMs });
    });
    this.breaker.onHalfOpen(() => this.event('circuit half-open: next call is a trial'));
    this.breaker.onReset(() => {
      this.event('circuit closed');
      if (this.live) this.setHealthy(this.live);
    });
  }

  get name(): string {
    return this.config.name;
  }

  /** Pid of the running stdio server process, if any. */
  get pid(): number | undefined {
    return this.live?.pid;
  }

  /** @internal The SDK client while connected (benchmarks only; bypasses every policy). */
  get sdkClient(): Client | undefined {
    return this.live?.client;
  }

  /** Transport in use while connected. */
  get transportKind(): TransportKind | undefined {
    return this.live?.kind;
  }

  /** Starts the server (if not running) and waits for `initialize` to complete. */
  async start(signal?: AbortSignal): Promise<void> {
    this.assertStartable();
    await this.guard(() => this.ensureConnected(), signal);
  }

  /** Tools of the server; cached until `tools/list_changed` or a reconnect. */
  async listTools(signal?: AbortSignal): Promise<readonly ToolDescriptor[]> {
    this.assertStartable();
    if (this.tools) return this.tools;
    const gen = this.generation;
    this.toolsLoading ??= this.guard(async () => {
      const live = await this.ensureConnected();
      const all: ToolDescriptor[] = [];
      let cursor: string | undefined;
      // The SDK never removes the abort listener it adds to a request's signal, so it gets a
      // private signal linked to the caller's for this listing only.
      const linked = linkSignal(signal);
      try {
        do {
          const page = await live.client.listTools(cursor ? { cursor } : undefined, { timeout: this.deps.policy.listTimeoutMs, signal: linked.signal });
          for (const t of page.tools) all.push(this.describeTool(t));
          cursor = page.nextCursor;
        } while (cursor);
      } finally {
        linked.dispose();
      }
      if (gen === this.generation || this.live === live) this.tools = all;
      return all;
    }, signal).finally(() => {
      this.toolsLoading = undefined;
    });
    return this.toolsLoading;
  }

  /**
   * Calls a tool through breaker → bulkhead → client, retrying only retry-safe tools. The hot
   * path (cached tools, closed breaker, free bulkhead slot, live connection) is synchronous up to
   * the write and takes no timer, AbortController or progress closure of its own (see
   * {@link DeadlineTransport}); anything else (tool lookup, failures, retries) takes the slow path.
   */
  callTool(tool: string, args: Record<string, unknown>, options: ToolCallOptions = NO_OPTIONS): Promise<ToolCallResult> {
    try {
      this.assertStartable();
      const signal = options.signal;
      if (signal?.aborted) throw toGatewayError(this.name, signal.reason, signal);
      const entry = this.indexedTool(tool);
      if (entry === undefined) return this.callToolSlow(tool, args, options);
      return this.attempt(tool, args, options).catch((e: unknown) => this.afterFailure(e, entry, tool, args, options));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** One attempt: cockatiel breaker → bulkhead → invoke (which maps errors, so the breaker's
   * handleWhen filter sees ToolGatewayErrors and counts only server faults). */
  private attempt(tool: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
    const signal = options.signal;
    return this.breaker.execute(() => this.bulkhead.execute(() => this.invoke(tool, args, options), signal), signal);
  }

  private async callToolSlow(tool: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
    const entry = await this.lookUpTool(tool, options.signal);
    try {
      return await this.attempt(tool, args, options);
    } catch (e) {
      return this.afterFailure(e, entry, tool, args, options);
    }
  }

  /** A failed first attempt: map the error, then retry only retry-safe tools and transient kinds. */
  private async afterFailure(first: unknown, entry: IndexedTool, tool: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
    const signal = options.signal;
    const attempts = entry.retrySafe ? Math.max(1, this.deps.policy.maxCallAttempts) : 1;
    let failure = first;
    let previous: ToolGatewayError | undefined;
    for (let attempt = 0; ; attempt++) {
      let err = toGatewayError(this.name, failure, signal);
      // A retry refused because our own failures opened the circuit: report the real cause.
      if (err.kind === 'circuit-open' && previous) {
        err = new ToolGatewayError(previous.kind, this.name, `${previous.message}; ${attempt} attempt(s) failed and the circuit is now open`, true, { cause: previous });
      }
      previous = err;
      if (attempt + 1 >= attempts || !RETRYABLE_KINDS.has(err.kind) || signal?.aborted || this.disposed) throw err;
      const delay = backoffDelay(this.deps.policy, attempt);
      this.event(`retrying ${tool} (retry-safe) in ${delay} ms after: ${err.message}`);
      try {
        await sleep(delay, signal);
      } catch (abortReason) {
        throw toGatewayError(this.name, abortReason, signal);
      }
      try {
        return await this.attempt(tool, args, options);
      } catch (e) {
        failure = e;
      }
    }
  }

  /** Stops the server gracefully (closes stdin / ends the HTTP session), then kills what is left. */
  async stop(reason = 'stopped'): Promise<void> {
    this.cancelRestart();
    const live = this.live;
    this.dropConnection(false);
    if (live) await this.closeGracefully(live);
    if (!this.disposed) this.setHealth({ state: 'stopped', reason });
  }

  /** Kills the process tree at once (synchronous) and refuses further use. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelRestart();
    this.dropConnection();
  }

  // ---- internals ------------------------------------------------------------------------

  private assertStartable(): void {
    if (this.disposed) throw new ToolGatewayError('server-unavailable', this.name, `${this.name}: connection manager disposed`, false);
    if (!this.config.startable) {
      throw new ToolGatewayError('not-allowed', this.name, `${this.name}: not started: ${this.config.blockedReason ?? 'blocked'}`, false);
    }
  }

  /** Runs `fn` through the circuit breaker with every error mapped to a ToolGatewayError. */
  private async guard<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await this.breaker.execute(async () => {
        try {
          return await fn();
        } catch (e) {
          const err = toGatewayError(this.name, e, signal);
          if (isServerFault(err)) this.lastFault = err.message;
          throw err;
        }
      }, signal);
    } catch (e) {
      throw toGatewayError(this.name, e, signal);
    }
  }

  /** Sends the call (connecting first if needed); every error leaves as a ToolGatewayError. */
  private invoke(tool: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
    const live = this.live;
    if (live === undefined) return this.invokeSlow(tool, args, options);
    const call = live.deadlines.track(options.timeoutMs ?? this.config.timeoutMs ?? this.deps.policy.callTimeoutMs, this.deps.policy.maxTotalCallMs, options.onProgress, options.signal);
    // The progress token lets the server report progress, which restarts the timeout; the SDK's
    // own timer is parked (DeadlineTransport times the call out and cancels it).
    return live.client.callTool({ name: tool, arguments: args, _meta: { progressToken: call.token } }, undefined, PARKED_SDK_TIMEOUT).then(
      (result) => {
        live.deadlines.untrack(call);
        return toToolCallResult(result);
      },
      (e: unknown) => {
        live.deadlines.untrack(call);
        // "Session not found": the server never ran the request, so re-initialising and sending
        // it once more is safe even for non-idempotent tools.
        if (isSessionLost(e)) {
          this.event('HTTP session not found: re-initialising');
          if (this.live === live) this.dropConnection();
          return this.invokeSlow(tool, args, options, false);
        }
        throw this.fault(e, options.signal);
      },
    );
  }

  /** Connects first if needed; `sessionRetry` allows one re-send after "session not found". */
  private async invokeSlow(tool: string, args: Record<string, unknown>, options: ToolCallOptions, sessionRetry = true): Promise<ToolCallResult> {
    for (;;) {
      const live = this.live ?? (await this.ensureConnectedMapped(options.signal));
      const call = live.deadlines.track(options.timeoutMs ?? this.config.timeoutMs ?? this.deps.policy.callTimeoutMs, this.deps.policy.maxTotalCallMs, options.onProgress, options.signal);
      try {
        return toToolCallResult(
          await live.client.callTool({ name: tool, arguments: args, _meta: { progressToken: call.token } }, undefined, PARKED_SDK_TIMEOUT),
        );
      } catch (e) {
        if (sessionRetry && isSessionLost(e)) {
          sessionRetry = false;
          this.event('HTTP session not found: re-initialising');
          if (this.live === live) this.dropConnection();
          continue;
        }
        throw this.fault(e, options.signal);
      } finally {
        live.deadlines.untrack(call);
      }
    }
  }

  private async ensureConnectedMapped(signal?: AbortSignal): Promise<Live> {
    try {
      return await this.ensureConnected();
    } catch (e) {
      throw this.fault(e, signal);
    }
  }

  /** Maps an error and remembers a server fault's message (for the breaker's "opened" event). */
  private fault(e: unknown, signal?: AbortSignal): ToolGatewayError {
    const err = toGatewayError(this.name, e, signal);
    if (isServerFault(err)) this.lastFault = err.message;
    return err;
  }

  /** The cached tool entry, if the tool list is cached and offers `tool` (synchronous hot path). */
  private indexedTool(tool: string): IndexedTool | undefined {
    const tools = this.tools;
    if (!tools) return undefined;
    if (this.toolIndexOf !== tools) {
      this.toolIndex = new Map(tools.map((t) => [t.name, { descriptor: t, retrySafe: isRetrySafe(t, this.config) }] as const));
      this.toolIndexOf = tools;
    }
    return this.toolIndex.get(tool);
  }

  /** Lists tools (cache miss), re-listing once for servers that add tools without list_changed. */
  private async lookUpTool(tool: string, signal?: AbortSignal): Promise<IndexedTool> {
    if (this.tools) this.tools = undefined; // cached but missing the tool: look once more
    const listed = await this.listTools(signal);
    const descriptor = listed.find((t) => t.name === tool);
    if (descriptor) return { descriptor, retrySafe: isRetrySafe(descriptor, this.config) };
    const offered = listed.map((t) => t.name);
    throw new ToolGatewayError('unknown-tool', this.name, `${this.name}: no tool named "${tool}" (offers ${offered.slice(0, 12).join(', ') || 'none'}${offered.length > 12 ? ', …' : ''})`, false);
  }

  private describeTool(t: Tool): ToolDescriptor {
    const a = t.annotations;
    return {
      server: this.name,
      name: t.name,
      description: t.description,
      inputSchema: t.inputSchema as Record<string, unknown>,
      annotations: a
        ? { readOnlyHint: a.readOnlyHint, idempotentHint: a.idempotentHint, destructiveHint: a.destructiveHint, openWorldHint: a.openWorldHint }
        : undefined,
    };
  }

  private ensureConnected(): Promise<Live> {
    if (this.disposed) return Promise.reject(new ToolGatewayError('server-unavailable', this.name, `${this.name}: connection manager disposed`, false));
    if (this.live) return Promise.resolve(this.live);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<Live> {
    const gen = ++this.generation;
    this.startAttempt++;
    this.garbageLines = 0;
    this.stderrTail.length = 0;
    this.setHealth({ state: 'starting', attempt: this.startAttempt });
    let live: Live;
    try {
      live = await this.open(gen);
    } catch (e) {
      const err = this.describeStartFailure(toGatewayError(this.name, e));
      if (!this.disposed && this.breakerClosed()) this.setHealth({ state: 'failed', reason: err.message });
      this.event(err.message);
      throw err;
    }
    if (this.disposed || gen !== this.generation) {
      void this.closeGracefully(live);
      throw new ToolGatewayError('server-unavailable', this.name, `${this.name}: connection dropped while starting`, true);
    }
    this.live = live;
    this.connectedAt = Date.now();
    this.startAttempt = 0;
    this.pingFailures = 0;
    this.setHealthy(live);
    this.event(`connected over ${live.kind}${live.pid !== undefined ? ` (pid ${live.pid})` : ''}`);
    this.startPing(gen);
    return live;
  }

  private breakerClosed(): boolean {
    return this.deps.health.get(this.name).state !== 'circuit-open';
  }

  private describeStartFailure(err: ToolGatewayError): ToolGatewayError {
    const details: string[] = [];
    if (this.garbageLines > 0) details.push(`server wrote ${this.garbageLines} non-JSON-RPC line(s) to stdout, e.g. ${JSON.stringify(this.lastGarbage.slice(0, 80))}`);
    if (this.stderrTail.length > 0) details.push(`stderr: ${this.stderrTail.slice(-3).join(' | ')}`);
    const what =
      err.kind === 'connection-lost' ? 'exited during start' : err.kind === 'timeout' ? `did not answer initialize within ${this.deps.policy.startTimeoutMs} ms` : err.message.replace(`${this.name}: `, '');
    const kind = err.kind === 'connection-lost' ? 'server-unavailable' : err.kind;
    return new ToolGatewayError(kind, this.name, `${this.name}: failed to start: ${what}${details.length ? `; ${details.join('; ')}` : ''}`, err.transient, { cause: err });
  }

  private newClient(gen: number): Client {
    const client = new Client(this.deps.clientInfo, { capabilities: {} });
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      if (gen !== this.generation) return;
      this.tools = undefined;
      this.event('tools/list_changed: tool cache invalidated');
      this.deps.onToolsChanged(this.name);
    });
    client.onclose = () => this.onClosed(gen);
    client.onerror = (e) => this.onTransportError(gen, e);
    return client;
  }

  private async open(gen: number): Promise<Live> {
    const t = this.config.transport;
    const timeout = this.deps.policy.startTimeoutMs;
    switch (t.kind) {
      case 'stdio': {
        const transport = new StdioClientTransport({ command: t.command, args: [...t.args], env: { ...t.env }, cwd: t.cwd, stderr: 'pipe' });
        this.pipeStderr(transport);
        const client = this.newClient(gen);
        const deadlines = new DeadlineTransport(transport);
        try {
          await client.connect(deadlines, { timeout });
        } catch (e) {
          const pid = transport.pid;
          if (pid !== null) killTree(pid);
          await transport.close().catch(() => undefined);
          throw e;
        }
        return { client, transport, deadlines, kind: 'stdio', pid: transport.pid ?? undefined };
      }
      case 'http': {
        const url = new URL(t.url);
        const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { ...t.headers } } });
        const client = this.newClient(gen);
        const deadlines = new DeadlineTransport(transport);
        try {
          await client.connect(deadlines, { timeout });
          return { client, transport, deadlines, kind: 'http' };
        } catch (e) {
          await transport.close().catch(() => undefined);
          // Servers that only speak the 2024-11-05 HTTP+SSE transport answer the POST with 4xx
          // (404/405/400); an auth failure is not a reason to try SSE.
          if (!(e instanceof StreamableHTTPError) || e.code === undefined || e.code < 400 || e.code >= 500 || e.code === 401 || e.code === 403) throw e;
          this.event(`Streamable HTTP refused (HTTP ${e.code}); falling back to SSE`);
          return this.openSse(gen, url, t.headers);
        }
      }
      case 'sse':
        return this.openSse(gen, new URL(t.url), t.headers);
      default: {
        const _x: never = t;
        throw new Error(`unknown transport ${JSON.stringify(_x)}`);
      }
    }
  }

  private async openSse(gen: number, url: URL, headers: Readonly<Record<string, string>>): Promise<Live> {
    const transport = new SSEClientTransport(url, { requestInit: { headers: { ...headers } } });
    const client = this.newClient(gen);
    const deadlines = new DeadlineTransport(transport);
    try {
      await client.connect(deadlines, { timeout: this.deps.policy.startTimeoutMs });
    } catch (e) {
      await transport.close().catch(() => undefined);
      throw e;
    }
    return { client, transport, deadlines, kind: 'sse' };
  }

  private pipeStderr(transport: StdioClientTransport): void {
    let partial = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        this.stderrTail.push(line);
        if (this.stderrTail.length > 20) this.stderrTail.shift();
        this.deps.log.append(this.name, 'stderr', line);
      }
    });
  }

  private onTransportError(gen: number, error: Error): void {
    if (gen !== this.generation) return;
    // The stdio transport reports unparsable stdout lines here and keeps reading.
    if (error instanceof SyntaxError || error.name === 'ZodError' || /JSON/.test(error.message)) {
      this.garbageLines++;
      this.lastGarbage = error.message;
    }
    this.event(`transport error: ${error.message}`);
  }

  /** The client's transport closed. Unexpected while connected → schedule an automatic restart. */
  private onClosed(gen: number): void {
    if (gen !== this.generation || this.disposed) return;
    const wasLive = this.live !== undefined;
    this.clearLive();
    if (!wasLive) return; // a failed start is reported by connect()
    const uptime = Date.now() - this.connectedAt;
    // Only a connection that stayed up resets the count, so a server that crashes right after
    // every start ends in `failed` instead of restarting forever.
    if (uptime >= this.deps.policy.stableAfterMs) this.restartAttempts = 0;
    this.event(`connection closed unexpectedly after ${uptime} ms`);
    this.scheduleRestart('connection lost');
  }

  private scheduleRestart(reason: string): void {
    if (this.disposed || this.restartTimer) return;
    if (this.restartAttempts >= this.deps.policy.maxAutoRestarts) {
      this.setHealth({ state: 'failed', reason: `${reason}; ${this.restartAttempts} automatic restarts failed, will retry on next use` });
      this.restartAttempts = 0;
      return;
    }
    const delay = backoffDelay(this.deps.policy, this.restartAttempts++);
    if (this.breakerClosed()) {
      this.setHealth({ state: 'degraded', reason: `${reason}; restart ${this.restartAttempts}/${this.deps.policy.maxAutoRestarts} in ${delay} ms` });
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.disposed || this.live || this.connecting) return;
      this.guard(() => this.ensureConnected()).then(
        () => undefined,
        (e: unknown) => {
          const err = toGatewayError(this.name, e);
          if (err.kind === 'circuit-open') return; // the breaker's half-open trial takes over
          this.scheduleRestart(err.message);
        },
      );
    }, delay);
    this.restartTimer.unref();
  }

  private cancelRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  private startPing(gen: number): void {
    const interval = this.deps.policy.pingIntervalMs;
    if (interval <= 0) return;
    this.pingTimer = setInterval(() => void this.pingOnce(gen), interval);
    this.pingTimer.unref();
  }

  private async pingOnce(gen: number): Promise<void> {
    const live = this.live;
    if (!live || gen !== this.generation || this.pinging) return;
    this.pinging = true;
    try {
      await live.client.ping({ timeout: this.deps.policy.pingTimeoutMs });
      if (gen !== this.generation) return;
      if (this.pingFailures > 0) {
        this.pingFailures = 0;
        if (this.deps.health.get(this.name).state === 'degraded') this.setHealthy(live);
      }
    } catch (e) {
      if (gen !== this.generation || this.disposed) return;
      this.pingFailures++;
      const msg = toGatewayError(this.name, e).message;
      if (this.pingFailures >= this.deps.policy.pingFailuresBeforeRestart) {
        this.event(`health check failed ${this.pingFailures} times: recycling the connection`);
        this.dropConnection();
        this.scheduleRestart(`health check failed ${this.pingFailures} times (${msg})`);
      } else {
        this.setHealth({ state: 'degraded', reason: `ping failed: ${msg}` });
      }
    } finally {
      this.pinging = false;
    }
  }

  private clearLive(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.live = undefined;
    this.tools = undefined;
  }

  /** Forgets the current connection and kills its process tree at once (no restart scheduled). */
  private dropConnection(kill = true): void {
    this.generation++;
    const live = this.live;
    this.clearLive();
    if (!live || !kill) return;
    if (live.pid !== undefined) killTree(live.pid);
    live.deadlines.close().catch(() => undefined);
  }

  private async closeGracefully(live: Live): Promise<void> {
    // Collect the tree first: once the parent exits its children are re-parented and lost to us.
    const tree = live.pid !== undefined ? [live.pid, ...descendantsOf(live.pid)] : [];
    if (live.transport instanceof StreamableHTTPClientTransport) {
      await live.transport.terminateSession().catch(() => undefined);
    }
    await Promise.race([live.deadlines.close().catch(() => undefined), sleep(3000)]);
    for (const pid of tree) if (isAlive(pid)) killTree(pid);
  }

  private setHealthy(live: Live): void {
    this.setHealth({ state: 'healthy', since: Date.now(), pid: live.pid, transport: live.kind });
  }

  private setHealth(h: Parameters<HealthModel['set']>[1]): void {
    if (!this.disposed) this.deps.health.set(this.name, h);
  }

  private event(line: string): void {
    this.deps.log.append(this.name, 'event', line);
  }
}
