// Leaves a session half done for the afterRestart phase: its first step completed, the next one
// waiting for the user, when the runner replaces the extension host.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { CoordinateResult } from '../../../src/extension/commands';
import { describeSession, strataApi, testStateFile, waitFor } from './strataHost';

describe('a session in the middle of its run', () => {
  it('has its first step completed and the next one waiting when phase main ends', async () => {
    await vscode.workspace.getConfiguration('strata').update('execution.mode', 'manual', vscode.ConfigurationTarget.Workspace);
    const { coordinator } = await strataApi();
    const r = (await vscode.commands.executeCommand('strata.coordinateTask', 'Add a health-check endpoint and document it in README.md', { action: 'run' })) as CoordinateResult | undefined;
    assert.ok(r?.sessionId);
    const id = r.sessionId;
    const first = await waitFor('the first step to wait for the user', () => coordinator.session(id)?.steps.find((s) => s.waiting?.kind === 'manual'), 30_000, () => describeSession(coordinator.session(id)));
    assert.ok(first.waiting);
    await coordinator.answer(id, first.waiting.requestId, { kind: 'manual-done', note: 'first step done before the restart' });
    const next = await waitFor(
      'another step to wait for the user',
      () => coordinator.session(id)?.steps.find((s) => s.id !== first.id && s.waiting?.kind === 'manual'),
      30_000,
      () => describeSession(coordinator.session(id)),
    );
    const s = coordinator.session(id);
    assert.ok(s);
    const done = s.steps.find((st) => st.id === first.id);
    assert.strictEqual(done?.status, 'completed', describeSession(s));
    fs.writeFileSync(
      testStateFile('restart-seed-midrun.json'),
      JSON.stringify({ sessionId: id, completedStepId: first.id, completedAttempts: done.attempts, waitingStepId: next.id, stepCount: s.steps.length }),
    );
  });
});
