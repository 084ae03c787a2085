/**
 * The normalised shape of a configured MCP server, whatever dialect it came from
 * (VS Code, Cursor, Roo, Cline, Claude Desktop, `.mcp.json`, Strata settings).
 */

/** Where a server definition came from. `workspace` definitions need a trusted workspace to start. */
export type ConfigScope = 'workspace' | 'user';

/** Identifies one configuration source (a file, or Strata's settings object). */
export interface ConfigSourceInfo {
  /** Stable id, e.g. `vscode-workspace`, `cursor-user`, `claude-desktop`, `strata-settings`. */
  readonly id: string;
  /** Human label, e.g. "VS Code workspace (.vscode/mcp.json)". */
  readonly label: string;
  readonly scope: ConfigScope;
  /** Absolute path of the file, or `settings` for Strata's own settings object. */
  readonly file: string;
}

/** How to reach a server. `http` is Streamable HTTP with an automatic SSE fallback. */
export type ServerTransportConfig =
  | {
      readonly kind: 'stdio';
      readonly command: string;
      readonly args: readonly string[];
      /** Explicit environment, merged over the SDK's safe base (PATH, HOME, USER, SHELL, TERM, LOGNAME). */
      readonly env: Readonly<Record<string, string>>;
      readonly cwd?: string;
    }
  | { readonly kind: 'http'; readonly url: string; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'sse'; readonly url: string; readonly headers: Readonly<Record<string, string>> };

/** A server after import, variable expansion and trust evaluation. */
export interface ConfiguredServer {
  /** Configured name, unique after precedence is applied. */
  readonly name: string;
  readonly transport: ServerTransportConfig;
  readonly source: ConfigSourceInfo;
  /** `disabled: true` in the config: listed but never started. */
  readonly disabled: boolean;
  /** Tools the user pre-approved (`alwaysAllow` / `autoApprove`). */
  readonly autoApprove: readonly string[];
  /** Per-call timeout from the config (`timeout`; Cline/Roo give seconds, normalised to ms). */
  readonly timeoutMs?: number;
  /**
   * Tools the user declared safe to retry after a transient failure (Strata setting
   * `retrySafeTools`); `['*']` means every tool of the server.
   */
  readonly retrySafeTools?: readonly string[];
  /** False when the server must not start; `blockedReason` says why. */
  readonly startable: boolean;
  /** Why the server is not startable (disabled, untrusted workspace, unresolved input…). */
  readonly blockedReason?: string;
}

/** A problem found while importing configuration. Nothing else is lost because of it. */
export interface ConfigDiagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  /** File (absolute path) or `settings`. */
  readonly file: string;
  /** JSON path of the offending value, e.g. `$.servers.github.type`. `$` for the whole file. */
  readonly jsonPath: string;
  /** 1-based line and column for syntax errors. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** One-line rendering of a diagnostic: `file:line:col $.path: message`. */
export function formatDiagnostic(d: ConfigDiagnostic): string {
  const pos = d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : '';
  return `${d.severity}: ${d.file}${pos} ${d.jsonPath}: ${d.message}`;
}
