import * as vscode from 'vscode';
import type { ServerLogSink } from '../mcp/serverLog';
import { Redactor } from './redaction';

/**
 * Strata's output channels: one `Strata` LogOutputChannel for the engine and one
 * `Strata: MCP <server>` channel per server (created on first output). Every line passes through
 * the shared {@link Redactor}, so resolved `${input:…}` values, secret env values and
 * Authorization headers never reach a log.
 */
export class StrataLogs implements ServerLogSink, vscode.Disposable {
  readonly redactor = new Redactor();
  private readonly engine = vscode.window.createOutputChannel('Strata', { log: true });
  private readonly servers = new Map<string, vscode.LogOutputChannel>();

  info(message: string): void {
    this.engine.info(this.redactor.redact(message));
  }
  warn(message: string): void {
    this.engine.warn(this.redactor.redact(message));
  }
  error(message: string, error?: unknown): void {
    const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.engine.error(this.redactor.redact(message + detail));
  }
  debug(message: string): void {
    this.engine.debug(this.redactor.redact(message));
  }

  /** ServerLogSink: a server's stderr line or a connection event. */
  append(server: string, stream: 'stderr' | 'event', line: string): void {
    const ch = this.serverChannel(server);
    const text = this.redactor.redact(line);
    if (stream === 'stderr') ch.info(text);
    else ch.debug(text);
  }

  /** The channel of one server (created if needed). */
  serverChannel(server: string): vscode.LogOutputChannel {
    let ch = this.servers.get(server);
    if (!ch) {
      ch = vscode.window.createOutputChannel(`Strata: MCP ${server}`, { log: true });
      this.servers.set(server, ch);
    }
    return ch;
  }

  /** Names of servers that have a log channel. */
  serverNames(): string[] {
    return [...this.servers.keys()].sort();
  }

  showEngine(): void {
    this.engine.show(true);
  }

  showServer(server: string): void {
    this.serverChannel(server).show(true);
  }

  dispose(): void {
    for (const ch of this.servers.values()) ch.dispose();
    this.servers.clear();
    this.engine.dispose();
  }
}
