import * as vscode from 'vscode';
import type { CoordinatorApi } from './coordinatorApi';
import { statusView } from './statusModel';

/**
 * The Strata status bar item: MCP servers healthy/total, open circuits, failed servers, running
 * and waiting sessions; warning/error background when degraded; a Markdown tooltip with every
 * server; click → `strata.showServerHealth` (quick pick with restart / show log).
 */
export class StrataStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('strata.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly coordinator: CoordinatorApi) {
    this.item.name = 'Strata';
    this.item.command = 'strata.showServerHealth';
    this.subs.push(
      coordinator.onDidChangeHealth(() => this.schedule()),
      coordinator.onDidChangeServers(() => this.schedule()),
      coordinator.onDidChangeSessions(() => this.schedule()),
    );
    this.update();
    this.item.show();
  }

  /** The item's text (tests read it). */
  get text(): string {
    return this.item.text;
  }

  /** The status bar item itself (tests read text/tooltip/backgroundColor/command). */
  get statusBarItem(): vscode.StatusBarItem {
    return this.item;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.update();
    }, 100);
  }

  /** Recomputes text, colours and tooltip. */
  update(): void {
    const sessions = this.coordinator.sessions();
    const view = statusView({
      servers: this.coordinator.servers(),
      runningSessions: sessions.filter((s) => s.status === 'running').length,
      waitingSessions: sessions.filter((s) => s.status === 'waiting' || s.status === 'escalated').length,
    });
    this.item.text = view.text;
    this.item.backgroundColor =
      view.severity === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : view.severity === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(view.tooltipLines.join('\n\n'), true);
    md.isTrusted = false;
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: view.accessibility };
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
