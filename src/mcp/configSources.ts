import { posix, win32 } from 'node:path';
import type { ConfigSourceInfo } from './serverConfig';

/** Where the user's home, workspace and client config folders are (injected so tests use temp dirs). */
export interface ConfigEnvironment {
  /** The (first) workspace folder, absolute; undefined with no folder open. */
  readonly workspaceFolder?: string;
  readonly userHome: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * VS Code's user folder (`…/Code/User`), which holds the user `mcp.json` and extensions'
   * `globalStorage`. The extension passes the real one (it differs for Insiders/VSCodium);
   * default: `~/.config/Code/User`, `~/Library/Application Support/Code/User` or `%APPDATA%\Code\User`.
   */
  readonly vscodeUserDir?: string;
}

/** A config file Strata reads, in precedence order (see {@link configFileSources}). */
export interface ConfigFileSource {
  readonly info: ConfigSourceInfo;
}

function pathApi(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** The per-platform application-data folder (`~/.config`, `~/Library/Application Support`, `%APPDATA%`). */
export function appDataDir(env: ConfigEnvironment): string {
  const p = pathApi(env.platform);
  if (env.platform === 'win32') return env.env['APPDATA'] ?? p.join(env.userHome, 'AppData', 'Roaming');
  if (env.platform === 'darwin') return p.join(env.userHome, 'Library', 'Application Support');
  return env.env['XDG_CONFIG_HOME'] ?? p.join(env.userHome, '.config');
}

/**
 * Every config file Strata imports, highest precedence first (documented in docs/mcp.md):
 * workspace files before user files; within the workspace VS Code, `.mcp.json`, Cursor, Roo;
 * within the user scope VS Code, Cursor, Cline, Roo, Claude Desktop. Strata's own settings are
 * not files: they come first in their scope (see configImport).
 */
export function configFileSources(env: ConfigEnvironment): ConfigFileSource[] {
  const p = pathApi(env.platform);
  const out: ConfigFileSource[] = [];
  const ws = env.workspaceFolder;
  if (ws) {
    out.push(
      { info: { id: 'vscode-workspace', label: 'VS Code workspace (.vscode/mcp.json)', scope: 'workspace', file: p.join(ws, '.vscode', 'mcp.json') } },
      { info: { id: 'mcp-json-workspace', label: 'workspace .mcp.json', scope: 'workspace', file: p.join(ws, '.mcp.json') } },
      { info: { id: 'cursor-workspace', label: 'Cursor workspace (.cursor/mcp.json)', scope: 'workspace', file: p.join(ws, '.cursor', 'mcp.json') } },
      { info: { id: 'roo-workspace', label: 'Roo workspace (.roo/mcp.json)', scope: 'workspace', file: p.join(ws, '.roo', 'mcp.json') } },
    );
  }
  const codeUser = env.vscodeUserDir ?? p.join(appDataDir(env), 'Code', 'User');
  const globalStorage = p.join(codeUser, 'globalStorage');
  out.push(
    { info: { id: 'vscode-user', label: 'VS Code user mcp.json', scope: 'user', file: p.join(codeUser, 'mcp.json') } },
    { info: { id: 'cursor-user', label: 'Cursor user (~/.cursor/mcp.json)', scope: 'user', file: p.join(env.userHome, '.cursor', 'mcp.json') } },
    { info: { id: 'cline', label: 'Cline (cline_mcp_settings.json)', scope: 'user', file: p.join(globalStorage, 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json') } },
    { info: { id: 'roo-user', label: 'Roo user (mcp_settings.json)', scope: 'user', file: p.join(globalStorage, 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json') } },
    { info: { id: 'claude-desktop', label: 'Claude Desktop (claude_desktop_config.json)', scope: 'user', file: p.join(appDataDir(env), 'Claude', 'claude_desktop_config.json') } },
  );
  return out;
}
