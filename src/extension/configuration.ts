import * as vscode from 'vscode';
import { parseSettings, SETTING_SCHEMAS, type SettingKey, type StrataSettings } from './settings';

/** Reads Strata's settings through zod (see settings.ts) and warns once per distinct problem set. */
export class Configuration implements vscode.Disposable {
  private current: StrataSettings;
  private lastProblems = '';
  private readonly changed = new vscode.EventEmitter<StrataSettings>();
  /** Fires with the new settings when any `strata.*` setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly log: { warn(message: string): void }) {
    this.current = this.read();
    this.sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('strata')) return;
      this.current = this.read();
      this.changed.fire(this.current);
    });
  }

  get settings(): StrataSettings {
    return this.current;
  }

  private read(): StrataSettings {
    const cfg = vscode.workspace.getConfiguration('strata');
    const { settings, problems } = parseSettings((key: SettingKey) => cfg.get(key));
    const text = problems.map((p) => p.message).join('\n');
    if (text && text !== this.lastProblems) {
      for (const p of problems) this.log.warn(p.message);
      const first = problems[0]!;
      void vscode.window
        .showWarningMessage(problems.length === 1 ? first.message : `${problems.length} Strata settings are invalid; defaults are used for them. ${first.message}`, 'Open Settings')
        .then((a) => (a ? vscode.commands.executeCommand('workbench.action.openSettings', first.key) : undefined));
    }
    this.lastProblems = text;
    return settings;
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

/** All setting keys (for tests and docs). */
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];
