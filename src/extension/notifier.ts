import * as vscode from 'vscode';
import type { HealthChange } from '../mcp/healthModel';
import type { CoordinatorApi } from './coordinatorApi';
import type { StrataLogs } from './logs';
import { RateLimiter } from './rateLimiter';
import type { SessionStatus } from './sessionView';

/**
 * Notifications with actions, rate-limited per server / session (`strata.notifications.minIntervalSeconds`):
 * a server failed or its circuit opened (Restart / Open Log), a session needs the user
 * (Open Cascade). Everything suppressed is still logged.
 */
export class Notifier implements vscode.Disposable {
  private readonly limiter: RateLimiter;
  private readonly subs: vscode.Disposable[] = [];
  private readonly lastStatus = new Map<string, SessionStatus>();

  constructor(
    private readonly coordinator: CoordinatorApi,
    private readonly logs: StrataLogs,
    intervalMs: () => number,
  ) {
    this.limiter = new RateLimiter(intervalMs);
    for (const s of coordinator.sessions()) this.lastStatus.set(s.id, s.status);
    this.subs.push(
      coordinator.onDidChangeHealth((c) => this.onHealth(c)),
      coordinator.onDidChangeSessions((id) => this.onSession(id)),
    );
  }

  private onHealth(c: HealthChange): void {
    const { server, current, previous } = c;
    if (current.state !== 'failed' && current.state !== 'circuit-open') return;
    if (previous.state === current.state) return;
    const what = current.state === 'failed' ? `failed: ${current.reason}` : `circuit opened: ${current.reason}`;
    this.logs.warn(`MCP server ${server} ${what}`);
    const t = this.limiter.take(`server:${server}`);
    if (!t.allowed) return;
    const more = t.suppressed ? ` (${t.suppressed} more event${t.suppressed > 1 ? 's' : ''} since the last notice)` : '';
    void vscode.window.showWarningMessage(`Strata: MCP server "${server}" ${what}${more}`, 'Restart', 'Open Log').then((a) => {
      if (a === 'Restart') void vscode.commands.executeCommand('strata.restartServer', server);
      if (a === 'Open Log') this.logs.showServer(server);
    });
  }

  private onSession(id: string | undefined): void {
    const sessions = id ? [this.coordinator.session(id)].filter((s) => s !== undefined) : this.coordinator.sessions();
    for (const s of sessions) {
      const prev = this.lastStatus.get(s.id);
      this.lastStatus.set(s.id, s.status);
      if (prev === s.status || (s.status !== 'escalated' && s.status !== 'waiting' && s.status !== 'failed')) continue;
      const short = s.task.length > 60 ? `${s.task.slice(0, 59)}…` : s.task;
      const message =
        s.status === 'escalated'
          ? `Strata escalated "${short}" to you: ${s.error ?? 'a step failed after recovery'}`
          : s.status === 'failed'
            ? `Strata session "${short}" failed: ${s.error ?? 'see the cascade'}`
            : `Strata needs you: "${short}" waits for your input.`;
      this.logs.info(message);
      const t = this.limiter.take(`session:${s.id}:${s.status}`);
      if (!t.allowed) continue;
      const show = s.status === 'waiting' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
      void show(message, 'Open Cascade').then((a) => {
        if (a) void vscode.commands.executeCommand('strata.showCascade', s.id);
      });
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
