import { homedir } from 'node:os';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { CascadePanel, CASCADE_VIEW_TYPE } from './cascadePanel';
import { registerChatParticipant } from './chatParticipant';
import { registerCommands } from './commands';
import { Configuration } from './configuration';
import { registerCoordinateTool } from './coordinateTool';
import { Coordinator, type McpSettingsInput } from './coordinator';
import { selectModelForLayer } from './lmChatModel';
import { StrataLogs } from './logs';
import { Notifier } from './notifier';
import { SecretStorageProvider } from './secretStorageProvider';
import { SessionsTreeProvider } from './sessionsTree';
import { StrataStatusBar } from './statusBar';
import type { TreeNodeView } from './sessionTreeModel';
import type { SessionManager } from '../engine/session/sessionManager';

/** What `activate` returns (tests read it through `extension.exports`). */
export interface StrataExtensionApi {
  readonly coordinator: Coordinator;
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** The status bar item's current text. */
  statusBarText(): string;
  /** The status bar item `strata.status`. */
  readonly statusBarItem: vscode.StatusBarItem;
  /** The TreeDataProvider registered for the `strata.sessions` view. */
  readonly sessionsTree: vscode.TreeDataProvider<TreeNodeView>;
  /** helper D's SessionManager the extension uses. */
  readonly sessions: SessionManager;
  /** Resolves when stored sessions were recovered. */
  readonly recovered: Promise<void>;
}

let active: { coordinator: Coordinator; logs: StrataLogs } | undefined;

/** Wires the extension. Nothing here starts an MCP server: servers start when a session needs them. */
export function activate(context: vscode.ExtensionContext): StrataExtensionApi {
  const t0 = performance.now();
  const logs = new StrataLogs();
  const config = new Configuration(logs);
  const secrets = new SecretStorageProvider(context.secrets, logs.redactor);
  const cfg = () => vscode.workspace.getConfiguration('strata');
  const mcpSettings = (): McpSettingsInput => {
    const servers = cfg().inspect<unknown>('mcp.servers');
    const extra = cfg().inspect<string[]>('mcp.extraConfigPaths');
    const ws = servers?.workspaceFolderValue ?? servers?.workspaceValue;
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      ...(servers?.globalValue !== undefined ? { user: { servers: servers.globalValue } } : {}),
      ...(ws !== undefined ? { workspace: { servers: ws } } : {}),
      extraConfigPaths: { user: strings(extra?.globalValue), workspace: [...strings(extra?.workspaceValue), ...strings(extra?.workspaceFolderValue)] },
    };
  };
  const coordinator = new Coordinator({
    storageDir: context.globalStorageUri.fsPath,
    environment: {
      ...(vscode.workspace.workspaceFolders?.[0] ? { workspaceFolder: vscode.workspace.workspaceFolders[0].uri.fsPath } : {}),
      userHome: homedir(),
      platform: process.platform,
      env: process.env,
      // globalStorageUri is <user dir>/globalStorage/<extension id>: the user dir holds the user mcp.json.
      vscodeUserDir: dirname(dirname(context.globalStorageUri.fsPath)),
    },
    workspaceTrusted: () => vscode.workspace.isTrusted,
    secrets,
    settings: () => config.settings,
    mcpSettings,
    modelFor: (layer) => selectModelForLayer(layer, config.settings.models[layer]),
    redactor: logs.redactor,
    serverLog: logs,
    log: logs,
  });
  const threshold = () => config.settings.lowConfidenceThreshold;
  const tree = new SessionsTreeProvider(coordinator);
  const treeView = vscode.window.createTreeView('strata.sessions', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new StrataStatusBar(coordinator);
  const notifier = new Notifier(coordinator, logs, () => config.settings.notificationIntervalMs);

  const reimport = () => coordinator.invalidateServers();
  const watchers = ['.vscode/mcp.json', '.mcp.json', '.cursor/mcp.json', '.roo/mcp.json'].map((glob) => {
    const w = vscode.workspace.createFileSystemWatcher(`**/${glob}`);
    w.onDidChange(reimport);
    w.onDidCreate(reimport);
    w.onDidDelete(reimport);
    return w;
  });

  context.subscriptions.push(
    logs,
    config,
    coordinator,
    tree,
    treeView,
    statusBar,
    notifier,
    ...watchers,
    ...registerCommands({ extensionUri: context.extensionUri, globalState: context.globalState, coordinator, logs, tree, lowConfidenceThreshold: threshold }),
    registerChatParticipant(coordinator, logs, threshold, context.extensionUri),
    registerCoordinateTool(coordinator),
    vscode.window.registerWebviewPanelSerializer(CASCADE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => CascadePanel.restore(panel, state, context.extensionUri, coordinator, logs, threshold),
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(reimport),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('strata.mcp') ? reimport() : undefined)),
    { dispose: () => CascadePanel.disposeAll() },
  );

  // Recover stored sessions in the background: activation does not wait for the disk.
  const recovered = coordinator.init().catch((e: unknown) => logs.error('recovering sessions failed', e));
  // Read the MCP configs quietly (no prompts, no server started) so the status bar and plans know the servers.
  void coordinator.preload();
  active = { coordinator, logs };
  const activationMs = performance.now() - t0;
  logs.info(`Strata activated in ${activationMs.toFixed(1)} ms`);
  return {
    coordinator,
    activationMs,
    statusBarText: () => statusBar.text,
    statusBarItem: statusBar.statusBarItem,
    sessionsTree: tree,
    sessions: coordinator.sessionManager,
    recovered,
  };
}

/** Stops MCP servers politely and closes the session journals. */
export async function deactivate(): Promise<void> {
  const a = active;
  active = undefined;
  if (!a) return;
  await a.coordinator.shutdown();
}
