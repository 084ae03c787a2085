// Helpers for the extension-host suites: get Strata's API (what `activate()` returns), wait for
// conditions, read the temporary workspace the runner made, and drive a session to its end by
// answering manual steps through the real MCP servers of the workspace's .vscode/mcp.json.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CoordinatorApi } from '../../../src/extension/coordinatorApi';
import type { TreeNodeView } from '../../../src/extension/sessionTreeModel';
import type { SessionView, StepView } from '../../../src/extension/sessionView';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'strata-dev.strata';

/** What the suites need from `activate()`'s return value (see docs/extension.md). */
export interface StrataTestApi {
  readonly coordinator: CoordinatorApi;
  readonly sessionsTree: vscode.TreeDataProvider<TreeNodeView>;
  /** The `strata.status` item. */
  readonly statusBarItem: vscode.StatusBarItem;
  /** The status-bar item's current text. */
  statusText(): string;
}

/** Strata's extension object; fails with a clear message if it is not loaded. */
export function strataExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (the runner passes the repo as extensionDevelopmentPath)`);
  return ext;
}

/**
 * Activates Strata and adapts its exported API for the tests. The names are the contract in
 * docs/extension.md; a missing member fails with the member's name.
 */
export async function strataApi(): Promise<StrataTestApi> {
  const exported = (await strataExtension().activate()) as Record<string, unknown> | undefined;
  assert.ok(exported && typeof exported === 'object', 'activate() returned no API object');
  const coordinator = exported.coordinator as CoordinatorApi | undefined;
  assert.ok(coordinator && typeof coordinator.sessions === 'function', 'the API has no `coordinator` (CoordinatorApi)');
  // Stored sessions are recovered in the background after activation.
  if (exported.recovered instanceof Promise) await exported.recovered;
  const statusBarText = exported.statusBarText as (() => string) | undefined;
  assert.ok(typeof statusBarText === 'function', 'the API has no `statusBarText()`');
  const tree = exported.sessionsTree as vscode.TreeDataProvider<TreeNodeView> | undefined;
  assert.ok(tree && typeof tree.getChildren === 'function', 'the API has no `sessionsTree` (the TreeDataProvider of strata.sessions)');
  const statusBarItem = exported.statusBarItem as vscode.StatusBarItem | undefined;
  assert.ok(statusBarItem && typeof statusBarItem.text === 'string', 'the API has no `statusBarItem`');
  return { coordinator, sessionsTree: tree, statusBarItem, statusText: statusBarText };
}

/** The temporary workspace folder the runner opened. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

/** A file in the workspace's `.strata-test/` folder (shared between the runner's phases). */
export function testStateFile(name: string): string {
  return path.join(workspaceDir(), '.strata-test', name);
}

/** Polls `probe` until it returns a truthy value; the error says what was awaited and the last state. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 60_000, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last state: ${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A one-line summary of a session for failure messages. */
export function describeSession(s: SessionView | undefined): string {
  if (!s) return '(no session)';
  return `${s.status}${s.error ? ` (${s.error})` : ''}: ${s.steps.map((st) => `${st.persona}=${st.status}${st.waiting ? `/${st.waiting.kind}` : ''}${st.error ? `(${st.error})` : ''}`).join(', ')}`;
}

/** Statuses after which a session does nothing more on its own. */
export const SETTLED = new Set(['completed', 'failed', 'cancelled', 'escalated', 'waiting', 'draft', 'interrupted']);

/** What driveManualSession did with real tools. */
export interface ManualDriveLog {
  readonly calls: { persona: string; server: string; tool: string; result: string | undefined }[];
}

/**
 * Runs a session in manual mode to its end: each step that waits for the user gets, first, one
 * real call of `pickTool`'s choice among the step's scoped tools (if any), then "done". Approvals
 * are approved; decisions fail the test (they mean a step failed).
 */
export async function driveManualSession(
  coordinator: CoordinatorApi,
  id: string,
  pickTool: (step: StepView, tools: readonly { server: string; name: string }[]) => { server: string; tool: string; args: Record<string, unknown> } | undefined,
  timeoutMs = 120_000,
): Promise<{ session: SessionView; log: ManualDriveLog }> {
  const log: ManualDriveLog = { calls: [] };
  const called = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = coordinator.session(id);
    assert.ok(s, `session ${id} disappeared`);
    if (s.status === 'completed' || s.status === 'failed' || s.status === 'cancelled') return { session: s, log };
    if (Date.now() > deadline) throw new Error(`session ${id} did not finish in ${timeoutMs} ms: ${describeSession(s)}`);
    const step = s.steps.find((st) => st.waiting);
    if (!step?.waiting) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const w = step.waiting;
    switch (w.kind) {
      case 'approval':
        await coordinator.answer(id, w.requestId, { kind: 'approve' });
        break;
      case 'manual': {
        const key = `${step.id}`;
        if (!called.has(key)) {
          called.add(key);
          const choice = pickTool(step, w.tools);
          if (choice) {
            await coordinator.answer(id, w.requestId, { kind: 'manual-call', server: choice.server, tool: choice.tool, args: choice.args });
            const after = await waitFor(
              `the result of ${choice.server}/${choice.tool} in step ${step.id}`,
              () => {
                const st = coordinator.session(id)?.steps.find((x) => x.id === step.id);
                return st?.waiting?.kind === 'manual' && st.waiting.requestId !== w.requestId ? st : st?.status === 'failed' ? st : undefined;
              },
              60_000,
              () => describeSession(coordinator.session(id)),
            );
            log.calls.push({ persona: step.persona, server: choice.server, tool: choice.tool, result: after.waiting?.kind === 'manual' ? after.waiting.lastResult : after.error });
            break;
          }
        }
        await coordinator.answer(id, w.requestId, { kind: 'manual-done', note: `done by the extension-host test (${step.persona})` });
        break;
      }
      case 'decision':
        throw new Error(`step ${step.id} (${step.persona}) asks for a decision: ${w.reason} [${w.options.join(', ')}] — session: ${describeSession(s)}`);
      default: {
        const never: never = w;
        throw new Error(`unknown wait ${JSON.stringify(never)}`);
      }
    }
    // Wait until that wait is closed before looking again.
    await waitFor(
      `wait ${w.requestId} of step ${step.id} to close`,
      () => {
        const st = coordinator.session(id)?.steps.find((x) => x.id === step.id);
        return !st?.waiting || st.waiting.requestId !== w.requestId;
      },
      30_000,
      () => describeSession(coordinator.session(id)),
    );
  }
}

/** Walks the whole tree from the root (depth-first) and returns every node with its depth. */
export async function walkTree(tree: vscode.TreeDataProvider<TreeNodeView>): Promise<{ node: TreeNodeView; item: vscode.TreeItem; depth: number }[]> {
  const out: { node: TreeNodeView; item: vscode.TreeItem; depth: number }[] = [];
  const visit = async (parent: TreeNodeView | undefined, depth: number) => {
    const children = (await tree.getChildren(parent)) ?? [];
    for (const c of children) {
      out.push({ node: c, item: await tree.getTreeItem(c), depth });
      if (c.kind !== 'step') await visit(c, depth + 1);
    }
  };
  await visit(undefined, 0);
  return out;
}

/** Reads a JSON file written by an earlier phase. */
export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
