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
    if (id === undefined) {
      // The list changed (sessions recovered after a reload, created or removed): record the
      // sessions not seen yet without a notice each, and remind once about those waiting for the user.
      const fresh = this.coordinator.sessions().filter((s) => !this.lastStatus.has(s.id));
      for (const s of fresh) this.lastStatus.set(s.id, s.status);
      const waiting = fresh.filter((s) => s.status === 'waiting' || s.status === 'escalated');
      if (waiting.length > 0 && this.limiter.take('sessions:recovered').allowed) {
        const message = waiting.length === 1 ? `Strata: a session waits for you: "${short(waiting[0]!.task)}".` : `Strata: ${waiting.length} sessions wait for you.`;
        void vscode.window.showInformationMessage(message, 'Open Cascade').then((a) => {
          if (a) void vscode.commands.executeCommand('strata.showCascade', waiting.length === 1 ? waiting[0]!.id : undefined);
        });
      }
      return;
    }
    const s = this.coordinator.session(id);
    if (!s) return;
    const prev = this.lastStatus.get(s.id);
    this.lastStatus.set(s.id, s.status);
    if (prev === s.status || (s.status !== 'escalated' && s.status !== 'waiting' && s.status !== 'failed')) return;
    const task = short(s.task);
    const message =
      s.status === 'escalated'
        ? `Strata escalated "${task}" to you: ${s.error ?? 'a step failed after recovery'}`
        : s.status === 'failed'
          ? `Strata session "${task}" failed: ${s.error ?? 'see the cascade'}`
          : `Strata needs you: "${task}" waits for your input.`;
    this.logs.info(message);
    const t = this.limiter.take(`session:${s.id}:${s.status}`);
    if (!t.allowed) return;
    const show = s.status === 'waiting' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(message, 'Open Cascade').then((a) => {
      if (a) void vscode.commands.executeCommand('strata.showCascade', s.id);
    });
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}

function short(task: string): string {
  return task.length > 60 ? `${task.slice(0, 59)}…` : task;
}
