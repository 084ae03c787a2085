import * as vscode from 'vscode';
import type { CoordinatorApi } from './coordinatorApi';
import { treeChildren, type TreeNodeView } from './sessionTreeModel';

/**
 * The Sessions view: a thin TreeDataProvider over {@link treeChildren}. Refreshes are coalesced
 * (session events can come in bursts) and, while sessions run, repeated every few seconds so
 * durations stay current.
 */
export class SessionsTreeProvider implements vscode.TreeDataProvider<TreeNodeView>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNodeView | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly coordinator: CoordinatorApi) {
    this.subs.push(coordinator.onDidChangeSessions(() => this.refresh()));
    this.updateContext();
  }

  /** Schedules a refresh of the whole tree (coalesced to one per 150 ms). */
  refresh(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changed.fire(undefined);
      this.updateContext();
    }, 150);
  }

  private updateContext(): void {
    const sessions = this.coordinator.sessions();
    const active = sessions.some((s) => s.status === 'running' || s.status === 'waiting' || s.status === 'escalated' || s.status === 'planned');
    void vscode.commands.executeCommand('setContext', 'strata.hasSessions', sessions.length > 0);
    void vscode.commands.executeCommand('setContext', 'strata.hasActiveSessions', active);
    const running = sessions.some((s) => s.status === 'running');
    if (running && !this.ticker) this.ticker = setInterval(() => this.changed.fire(undefined), 5000);
    if (!running && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  getTreeItem(node: TreeNodeView): vscode.TreeItem {
    const state =
      node.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : node.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.accessibilityInformation = { label: `${node.label}${node.description ? `, ${node.description}` : ''}` };
    if (node.kind === 'session' && node.sessionId) {
      item.command = { command: 'strata.showCascade', title: 'Show Cascade', arguments: [node.sessionId] };
    }
    return item;
  }

  getChildren(node?: TreeNodeView): TreeNodeView[] {
    return treeChildren(this.coordinator.sessions(), node);
  }

  getParent(node: TreeNodeView): TreeNodeView | undefined {
    // Needed for TreeView.reveal: walk down from the root to find the node's parent.
    const find = (parent: TreeNodeView | undefined): TreeNodeView | undefined => {
      for (const child of this.getChildren(parent)) {
        if (child.id === node.id) return parent;
        if (node.sessionId && child.sessionId && child.sessionId !== node.sessionId && child.kind !== 'group') continue;
        const hit = child.kind === 'step' ? undefined : find(child);
        if (hit) return hit;
      }
      return undefined;
    };
    return find(undefined);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    if (this.ticker) clearInterval(this.ticker);
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
