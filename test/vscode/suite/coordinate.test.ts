// Coordinate Task end to end inside a real VS Code, with the real MCP servers (server-everything,
// server-filesystem, server-memory from npm) of the temporary workspace's .vscode/mcp.json:
// preview → run in manual mode → a real tool call through a persona's scoped tools → completed,
// shown in the Sessions tree and the status bar. Leaves `.strata-test/restart-seed.json` for the
// afterRestart phase.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CoordinateResult } from '../../../src/extension/commands';
import { describeSession, driveManualSession, strataApi, testStateFile, walkTree, waitFor, workspaceDir } from './strataHost';

const TASK = 'Fix the typo in README.md and add a unit test for the add function in src/app.ts';

describe('Coordinate Task', () => {
  before(async () => {
    const config = vscode.workspace.getConfiguration('strata');
    // No language model in this VS Code: the manual agent lets the test act as the persona.
    await config.update('execution.mode', 'manual', vscode.ConfigurationTarget.Workspace);
    await config.update('approval.policy', 'readOnlyAuto', vscode.ConfigurationTarget.Workspace);
  });

  it('previews a plan in the cascade panel without creating a session', async () => {
    const { coordinator } = await strataApi();
    const before = coordinator.sessions().length;
    const r = (await vscode.commands.executeCommand('strata.coordinateTask', TASK)) as CoordinateResult | undefined;
    assert.ok(r?.plan, 'strata.coordinateTask returned no plan');
    assert.strictEqual(r.plan.task, TASK);
    assert.ok(r.plan.steps.length > 0, 'the plan has no steps');
    assert.ok(r.plan.layers.some((l) => l.included), 'no layer is included');
    assert.strictEqual(r.sessionId, undefined);
    assert.strictEqual(coordinator.sessions().length, before, 'a preview must not create a session');
    const tab = await waitFor('the cascade panel tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('strata.cascade')),
    10_000);
    assert.ok(tab.label.startsWith('Strata'), `panel title: ${tab.label}`);
  });

  it('runs the plan with the real MCP servers to completion and lists it as completed', async () => {
    const { coordinator, sessionsTree, statusText } = await strataApi();
    const r = (await vscode.commands.executeCommand('strata.coordinateTask', TASK, { action: 'run' })) as CoordinateResult | undefined;
    assert.ok(r?.sessionId, 'strata.coordinateTask with {action: "run"} returned no session id');
    const id = r.sessionId;
    const readme = `${workspaceDir()}/README.md`;
    const { session, log } = await driveManualSession(coordinator, id, (_step, tools) => {
      // One real, read-only call per step, through the tools the persona was scoped to.
      const fsRead = tools.find((t) => t.server === 'filesystem' && /^read_(text_)?file$/.test(t.name));
      if (fsRead) return { server: 'filesystem', tool: fsRead.name, args: { path: readme } };
      const echo = tools.find((t) => t.server === 'everything' && t.name === 'echo');
      if (echo) return { server: 'everything', tool: 'echo', args: { message: 'hello from the strata test' } };
      const graph = tools.find((t) => t.server === 'memory' && t.name === 'read_graph');
      if (graph) return { server: 'memory', tool: 'read_graph', args: {} };
      return undefined;
    });
    console.log(`[strata-test] session ${id}: ${describeSession(session)}; calls: ${JSON.stringify(log.calls.map((c) => `${c.persona}:${c.server}/${c.tool}`))}`);
    assert.strictEqual(session.status, 'completed', describeSession(session));
    assert.ok(session.steps.length > 0 && session.steps.every((s) => s.status === 'completed'), describeSession(session));
    assert.ok(log.calls.length > 0, 'no step offered a filesystem/everything/memory tool to call');
    for (const c of log.calls) {
      assert.ok(c.result && c.result.length > 0, `${c.server}/${c.tool} returned nothing`);
      if (c.server === 'filesystem') assert.match(c.result, /Strata test workspace/, 'filesystem read_file did not return README.md');
      if (c.tool === 'echo') assert.match(c.result, /hello from the strata test/);
    }
    assert.ok(session.steps.reduce((n, s) => n + s.toolCalls, 0) >= log.calls.length, 'tool calls were not counted on the steps');

    // The Sessions tree: Completed → this session → layers → personas → steps.
    const nodes = await walkTree(sessionsTree);
    const group = nodes.find((n) => n.node.id === 'group:completed');
    assert.ok(group, `no Completed group; root: ${nodes.filter((n) => n.depth === 0).map((n) => n.node.id).join(', ')}`);
    const sessionNode = nodes.find((n) => n.node.id === `session:${id}`);
    assert.ok(sessionNode, 'the session is not in the tree');
    assert.strictEqual(sessionNode.node.contextValue, 'strata.session.completed');
    assert.strictEqual(sessionNode.depth, 1);
    const steps = nodes.filter((n) => n.node.kind === 'step' && n.node.sessionId === id);
    assert.strictEqual(steps.length, session.steps.length, 'every step is a tree node');
    for (const s of steps) assert.strictEqual(s.node.contextValue, 'strata.step.completed');
    const layers = nodes.filter((n) => n.node.kind === 'layer' && n.node.sessionId === id).map((n) => n.node.layer);
    assert.deepStrictEqual([...new Set(layers)].sort(), [...new Set(session.steps.map((s) => s.layer))].sort(), 'layer nodes match the steps\' layers');

    // The status bar counts the configured servers (3 in mcp.json) and shows at least one healthy.
    const text = await waitFor('a status-bar text with servers', () => (/\d+\/3/.test(statusText()) ? statusText() : undefined), 5_000, statusText);
    const healthy = Number(/(\d+)\/3/.exec(text)?.[1]);
    assert.ok(healthy >= 1, `status bar "${text}" shows no healthy server after a successful call`);

    fs.writeFileSync(
      testStateFile('restart-seed.json'),
      JSON.stringify({ sessionId: id, task: TASK, steps: session.steps.map((s) => ({ id: s.id, status: s.status, toolCalls: s.toolCalls })) }),
    );
  });

  it('keeps a draft and lists it under Drafts', async () => {
    const { coordinator, sessionsTree } = await strataApi();
    const r = (await vscode.commands.executeCommand('strata.coordinateTask', 'Write architecture notes for the service', { action: 'draft' })) as CoordinateResult | undefined;
    assert.ok(r?.sessionId);
    assert.strictEqual(coordinator.session(r.sessionId)?.status, 'draft');
    const nodes = await walkTree(sessionsTree);
    const node = nodes.find((n) => n.node.id === `session:${r.sessionId}`);
    assert.ok(node, 'the draft is not in the tree');
    assert.strictEqual(node.node.contextValue, 'strata.session.draft');
    const parent = nodes.slice(0, nodes.indexOf(node)).reverse().find((n) => n.depth === 0);
    assert.strictEqual(parent?.node.id, 'group:draft');
    assert.strictEqual(node.item.label, 'Write architecture notes for the service');
    assert.ok(node.item.iconPath instanceof vscode.ThemeIcon && node.item.iconPath.id === 'edit', 'a draft carries the draft icon');
    assert.strictEqual(node.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a session expands into layers');
    assert.strictEqual(node.item.command?.command, 'strata.showCascade', 'clicking a session shows its cascade');
  });
});
