// Runs in a NEW extension host (the runner reloads the window after phase main): the session that
// phase main completed is still listed, completed, with the same completed steps, and is shown
// under Completed in the Sessions tree. Nothing is re-run.
import * as assert from 'node:assert';
import { describeSession, readJson, strataApi, testStateFile, walkTree } from './strataHost';

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
});
