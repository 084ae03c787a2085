// Benchmark module loaded as `extensionTestsPath` by scripts/benchUi.mjs (not a test: it measures).
// The runner loads a copy of Strata whose activationEvents omit onStartupFinished, so activation
// happens here, on demand, and can be timed: code loading + activate(). It also times
// `strata.coordinateTask` (config import + plan + opening the preview panel) and bare planning,
// and returns a real plan for the runner's 30-step webview render benchmark.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { CoordinatorApi } from '../../src/extension/coordinatorApi';

const TASKS = [
  'Fix the typo in README.md',
  'Add a password reset endpoint with rate limiting, audit logging and tests',
  'Design a multi-region deployment with Kubernetes, CI/CD, monitoring and a security review',
];

/** Entry point called by VS Code's extension-test machinery. */
export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('bench: no workspace folder');
  const control = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, '.strata-test', 'control.json'), 'utf8')) as { resultsFile: string; withCommands: boolean };
  const out: Record<string, unknown> = {};
  try {
    const ext = vscode.extensions.getExtension('strata-dev.strata');
    if (!ext) throw new Error('strata-dev.strata is not loaded');
    out.wasActive = ext.isActive;
    const t0 = performance.now();
    const api = (await ext.activate()) as { coordinator: CoordinatorApi; activationMs?: number };
    out.activationMs = performance.now() - t0;
    // Strata measures its own activate() body; the rest is loading dist/extension.js.
    out.activateBodyMs = api.activationMs;
    if (control.withCommands) {
      const t1 = performance.now();
      await api.coordinator.ready();
      out.configImportMs = performance.now() - t1;
      const commandMs: number[] = [];
      const planMs: number[] = [];
      for (const task of TASKS) {
        const a = performance.now();
        const r = (await vscode.commands.executeCommand('strata.coordinateTask', task)) as { plan?: unknown } | undefined;
        commandMs.push(performance.now() - a);
        if (!r?.plan) throw new Error(`strata.coordinateTask returned no plan for "${task}"`);
        const b = performance.now();
        api.coordinator.plan(`${task} (variant)`);
        planMs.push(performance.now() - b);
      }
      out.commandToPlanMs = commandMs;
      out.planOnlyMs = planMs;
      out.samplePlan = api.coordinator.plan(TASKS[2]!);
    }
  } catch (e) {
    out.error = `${(e as Error)?.stack ?? e}`;
  } finally {
    fs.writeFileSync(control.resultsFile, JSON.stringify(out));
  }
}
