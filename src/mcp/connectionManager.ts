import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Emitter, type Event } from '../engine/util/emitter';
import type { Disposable } from '../engine/util/disposable';
import { ToolGatewayError, type ToolCallOptions, type ToolCallResult, type ToolDescriptor, type ToolGateway } from '../engine/tools/toolGateway';
import { HealthModel } from './healthModel';
import { DEFAULT_RESILIENCE, type ResiliencePolicy } from './resiliencePolicy';
import type { ConfiguredServer } from './serverConfig';
import { ServerConnection } from './serverConnection';
import { NULL_LOG_SINK, type ServerLogSink } from './serverLog';

/** Options of a {@link ConnectionManager}. */
export interface ConnectionManagerOptions {
  /** Initial servers (usually `importMcpConfig(...).servers`). */
  readonly servers?: readonly ConfiguredServer[];
  /** Overrides of the resilience thresholds (see docs/mcp.md). */
  readonly policy?: Partial<ResiliencePolicy>;
  /** Receives every server's stderr and connection events. */
  readonly log?: ServerLogSink;
  /** Client name/version sent in `initialize`. */
  readonly clientInfo?: { readonly name: string; readonly version: string };
}

/**
 * Owns one {@link ServerConnection} per configured server and implements the engine's
 * {@link ToolGateway}. Servers start lazily (first `listTools`/`callTool`, or `start`).
 * `dispose()` kills every child process synchronously; `shutdown()` stops them politely first.
 */
export class ConnectionManager implements ToolGateway, Disposable {
  /** Per-server health; subscribe to `health.onDidChange`, read `health.aggregate()`. */
  readonly health = new HealthModel();
  private readonly connections = new Map<string, ServerConnection>();
  private readonly toolsChanged = new Emitter<string>();
  /** Fires with a server name when its tool list changed (cache already invalidated). */
  readonly onDidChangeTools: Event<string> = this.toolsChanged.event;
  private readonly policy: ResiliencePolicy;
  private readonly log: ServerLogSink;
  private readonly clientInfo: { readonly name: string; readonly version: string };
  private disposed = false;

  constructor(options: ConnectionManagerOptions = {}) {
    this.policy = { ...DEFAULT_RESILIENCE, ...options.policy };
    this.log = options.log ?? NULL_LOG_SINK;
    this.clientInfo = options.clientInfo ?? { name: 'strata', version: '0.1.0' };
    if (options.servers) this.setServers(options.servers);
  }

  /**
   * Replaces the configured servers. Removed servers and servers whose definition changed are
   * stopped (a changed one restarts lazily with its new definition); unchanged ones keep running.
   */
  setServers(servers: readonly ConfiguredServer[]): void {
    this.assertAlive();
    const next = new Map(servers.map((s) => [s.name, s] as const));
    for (const [name, conn] of this.connections) {
      const replacement = next.get(name);
      if (!replacement || JSON.stringify(replacement) !== JSON.stringify(conn.config)) {
        conn.dispose();
        this.connections.delete(name);
        if (!replacement) this.health.delete(name);
      }
    }
    for (const server of servers) {
      if (this.connections.has(server.name)) continue;
      this.connections.set(server.name, new ServerConnection(server, this.deps()));
      this.health.set(server.name, server.startable ? { state: 'stopped', reason: 'not started yet' } : { state: 'stopped', reason: server.blockedReason ?? 'blocked' });
    }
  }

  /** The configured servers, in configuration order. */
  servers(): readonly ConfiguredServer[] {
    return [...this.connections.values()].map((c) => c.config);
  }

  /** Starts a server now (instead of on first use) and waits for `initialize`. */
  async start(server: string, signal?: AbortSignal): Promise<void> {
    await this.connection(server).start(signal);
  }

  /** Stops a server gracefully; it starts again on next use. */
  async stop(server: string): Promise<void> {
    await this.connection(server).stop();
  }

  /** @inheritdoc */
  listTools(server: string, signal?: AbortSignal): Promise<readonly ToolDescriptor[]> {
    try {
      return this.connection(server).listTools(signal);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** @inheritdoc */
  callTool(server: string, tool: string, args: Record<string, unknown>, options?: ToolCallOptions): Promise<ToolCallResult> {
    try {
      return this.connection(server).callTool(tool, args, options);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Lists the tools of every startable server (starting them), for classification. A server that
   * fails maps to its error instead of failing the whole listing.
   */
  async listAllTools(signal?: AbortSignal): Promise<ReadonlyMap<string, readonly ToolDescriptor[] | ToolGatewayError>> {
    const entries = await Promise.all(
      [...this.connections.values()]
        .filter((c) => c.config.startable)
        .map(async (c): Promise<[string, readonly ToolDescriptor[] | ToolGatewayError]> => {
          try {
            return [c.name, await c.listTools(signal)];
          } catch (e) {
            return [c.name, e instanceof ToolGatewayError ? e : new ToolGatewayError('protocol', c.name, String(e), false)];
          }
        }),
    );
    return new Map(entries);
  }

  /** Pids of running stdio server processes, by server name (diagnostics and tests). */
  pids(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    for (const c of this.connections.values()) if (c.pid !== undefined) out.set(c.name, c.pid);
    return out;
  }

  /**
   * @internal The SDK client of a connected server, for `scripts/benchMcp.ts` only: it measures
   * the manager against the very same client and process. Calls made through it bypass the
   * breaker, bulkhead, retries and health tracking; never use it in product code.
   */
  sdkClientForBenchmark(server: string): Client | undefined {
    return this.connections.get(server)?.sdkClient;
  }

  /** Stops every server gracefully, then disposes the manager. */
  async shutdown(): Promise<void> {
    if (this.disposed) return;
    await Promise.all([...this.connections.values()].map((c) => c.stop('shut down')));
    this.dispose();
  }

  /** Kills every server process tree at once and releases all resources. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const c of this.connections.values()) c.dispose();
    this.connections.clear();
    this.toolsChanged.dispose();
    this.health.dispose();
  }

  private deps(): ConstructorParameters<typeof ServerConnection>[1] {
    return {
      policy: this.policy,
      log: this.log,
      health: this.health,
      clientInfo: this.clientInfo,
      onToolsChanged: (name) => this.toolsChanged.fire(name),
    };
  }

  private connection(server: string): ServerConnection {
    this.assertAlive();
    const c = this.connections.get(server);
    if (!c) {
      const known = [...this.connections.keys()];
      throw new ToolGatewayError('server-unavailable', server, `no configured MCP server named "${server}" (configured: ${known.join(', ') || 'none'})`, false);
    }
    return c;
  }

  private assertAlive(): void {
    if (this.disposed) throw new ToolGatewayError('server-unavailable', '*', 'connection manager disposed', false);
  }
}
