// Runs in a NEW extension host (the runner reloads the window after phase main): the session that
// phase main completed is still listed, completed, with the same completed steps, and is shown
// under Completed in the Sessions tree. Nothing is re-run.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { describeSession, driveManualSession, readJson, strataApi, testStateFile, walkTree } from './strataHost';

interface Seed {
  sessionId: string;
  task: string;
  steps: { id: string; status: string; toolCalls: number }[];
}

describe('after an extension host restart', () => {
  it('still lists the completed session with its completed steps', async () => {
    const seed = readJson<Seed>(testStateFile('restart-seed.json'));
    const { coordinator, sessionsTree } = await strataApi();
    const s = coordinator.session(seed.sessionId);
    assert.ok(s, `session ${seed.sessionId} is gone after the restart; sessions: ${coordinator.sessions().map((x) => x.id).join(', ')}`);
    assert.strictEqual(s.task, seed.task);
    assert.strictEqual(s.status, 'completed', describeSession(s));
    assert.deepStrictEqual(
      s.steps.map((st) => ({ id: st.id, status: st.status, toolCalls: st.toolCalls })),
      seed.steps,
      'steps changed across the restart',
    );
    const nodes = await walkTree(sessionsTree);
    const node = nodes.find((n) => n.node.id === `session:${seed.sessionId}`);
    assert.ok(node, 'the session is not in the tree after the restart');
    assert.strictEqual(node.node.contextValue, 'strata.session.completed');
  });

  it('resumes a half-done session without re-running its completed step', async () => {
    const seed = readJson<{ sessionId: string; completedStepId: string; completedAttempts: number; waitingStepId: string; stepCount: number }>(
      testStateFile('restart-seed-midrun.json'),
    );
    const { coordinator } = await strataApi();
    const s = coordinator.session(seed.sessionId);
    assert.ok(s, `the half-done session ${seed.sessionId} is gone after the restart`);
    assert.strictEqual(s.steps.length, seed.stepCount);
    const done = s.steps.find((st) => st.id === seed.completedStepId);
    assert.strictEqual(done?.status, 'completed', `the completed step lost its state: ${describeSession(s)}`);
    assert.ok(['waiting', 'interrupted', 'running'].includes(s.status), `unexpected status after the restart: ${describeSession(s)}`);
    if (s.status !== 'waiting') await vscode.commands.executeCommand('strata.resumeSession', seed.sessionId);
    const end = await driveManualSession(coordinator, seed.sessionId, () => undefined);
    assert.strictEqual(end.session.status, 'completed', describeSession(end.session));
    const after = end.session.steps.find((st) => st.id === seed.completedStepId);
    assert.strictEqual(after?.attempts, seed.completedAttempts, 'the step completed before the restart ran again');
  });
});
