/**
 * The engine's view of MCP tools. `src/mcp/` implements it over real MCP clients; the engine
 * (executor, agents) only sees this interface, so it never imports the MCP SDK.
 */

/** Tool behaviour hints from MCP tool annotations. */
export interface ToolHints {
  readonly readOnlyHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly destructiveHint?: boolean;
  readonly openWorldHint?: boolean;
}

/** A tool offered by a configured server. */
export interface ToolDescriptor {
  /** Configured server name (unique per workspace). */
  readonly server: string;
  /** Tool name as the server reports it. */
  readonly name: string;
  readonly description?: string;
  /** JSON schema of the arguments. */
  readonly inputSchema: Record<string, unknown>;
  readonly annotations?: ToolHints;
}

/** The outcome of a tool call (MCP `CallToolResult`, validated). */
export interface ToolCallResult {
  readonly isError: boolean;
  /** MCP content blocks. */
  readonly content: readonly unknown[];
  readonly structuredContent?: unknown;
}

/** Options for one tool call. */
export interface ToolCallOptions {
  /** Cancels the call; the server is sent `notifications/cancelled`. */
  readonly signal?: AbortSignal;
  /** Per-call timeout in ms; it restarts on every progress notification. */
  readonly timeoutMs?: number;
  /** Called on each progress notification. */
  readonly onProgress?: (progress: number, total?: number, message?: string) => void;
}

/** Access to configured servers' tools. */
export interface ToolGateway {
  /** Tools of one server (cached; refreshed on `tools/list_changed`). */
  listTools(server: string, signal?: AbortSignal): Promise<readonly ToolDescriptor[]>;
  /** Calls a tool. Rejects with a {@link ToolGatewayError} on transport failures, timeouts, open circuits. */
  callTool(server: string, tool: string, args: Record<string, unknown>, options?: ToolCallOptions): Promise<ToolCallResult>;
}

/** Why a tool call failed before a result came back. */
export type ToolFailureKind =
  | 'timeout'
  | 'cancelled'
  | 'circuit-open'
  | 'bulkhead-full'
  | 'server-unavailable'
  | 'connection-lost'
  | 'protocol'
  | 'unknown-tool'
  | 'not-allowed';

/** Error thrown by a {@link ToolGateway}. `transient` says whether a retry may succeed. */
export class ToolGatewayError extends Error {
  constructor(
    readonly kind: ToolFailureKind,
    readonly server: string,
    message: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ToolGatewayError';
  }
}
