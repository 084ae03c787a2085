// Session actions through the commands users run from the tree and the palette: cancel a running
// session (it moves to the Failed group: failed, cancelled, escalated) and export a plan as Markdown.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CoordinateResult } from '../../../src/extension/commands';
import { describeSession, strataApi, waitFor, walkTree } from './strataHost';

describe('session actions', () => {
  before(async () => {
    // Manual mode: a running session waits for the user, so it is still running when cancelled.
    await vscode.workspace.getConfiguration('strata').update('execution.mode', 'manual', vscode.ConfigurationTarget.Workspace);
  });

  it('cancels a running session from its tree node and files it under Failed', async () => {
    const { coordinator, sessionsTree } = await strataApi();
    const r = (await vscode.commands.executeCommand('strata.coordinateTask', 'Add monitoring and alerts to the service', { action: 'run' })) as CoordinateResult | undefined;
    assert.ok(r?.sessionId);
    const id = r.sessionId;
    await waitFor('the session to wait for the user', () => coordinator.session(id)?.status === 'waiting', 30_000, () => describeSession(coordinator.session(id)));
    // The tree passes its node as the argument, as the context menu does.
    const node = (await walkTree(sessionsTree)).find((n) => n.node.id === `session:${id}`);
    assert.ok(node, 'the running session is not in the tree');
    await vscode.commands.executeCommand('strata.cancelSession', node.node);
    const s = await waitFor('the session to be cancelled', () => (coordinator.session(id)?.status === 'cancelled' ? coordinator.session(id) : undefined), 30_000, () => describeSession(coordinator.session(id)));
    assert.ok(s.steps.every((st) => st.status !== 'running' && st.status !== 'waiting'), describeSession(s));
    const nodes = await walkTree(sessionsTree);
    const cancelled = nodes.find((n) => n.node.id === `session:${id}`);
    assert.strictEqual(cancelled?.node.contextValue, 'strata.session.cancelled');
    const group = nodes.slice(0, nodes.indexOf(cancelled)).reverse().find((n) => n.depth === 0);
    assert.strictEqual(group?.node.id, 'group:failed');
  });

  it('exports a session\'s plan as a Markdown document', async () => {
    const { coordinator } = await strataApi();
    const s = coordinator.sessions()[0];
    assert.ok(s, 'no session to export');
    const uri = (await vscode.commands.executeCommand('strata.exportPlanMarkdown', s.id)) as string | undefined;
    assert.ok(uri, 'no document was opened');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(doc, 'the exported document is not open');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.ok(doc.getText().includes(s.task), 'the Markdown does not contain the task');
    for (const step of s.plan.steps) assert.ok(doc.getText().includes(step.persona), `the Markdown lacks persona ${step.persona}`);
  });
});
