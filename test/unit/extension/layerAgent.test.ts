import assert from 'node:assert/strict';
import type { StepContext } from '../../../src/engine/agents/agent';
import type { ChatModel } from '../../../src/engine/agents/chatModel';
import { BUILTIN_PERSONAS } from '../../../src/engine/catalog/personas';
import type { UserWaitRequest } from '../../../src/engine/session/sessionModel';
import { LayerAgent } from '../../../src/extension/layerAgent';
import { samplePlan } from './fixtures';

/** A step context whose user answers every manual request with "done" and records the requests. */
function context(asked: UserWaitRequest[]): StepContext {
  const step = samplePlan().steps[2]!;
  return {
    sessionId: 's',
    step,
    persona: BUILTIN_PERSONAS.find((p) => p.id === step.persona)!,
    handoff: step.handoff,
    attempt: 1,
    tools: [],
    signal: new AbortController().signal,
    callTool: async () => ({ isError: false, content: [] }),
    askUser: async (r) => {
      asked.push(r);
      return { kind: 'manual-done', note: 'by hand' };
    },
    reportUsage: () => undefined,
  };
}

describe('extension/layerAgent', () => {
  it('runs the step by hand in manual mode without asking for a model', async () => {
    const asked: UserWaitRequest[] = [];
    let looked = 0;
    const agent = new LayerAgent('L3', () => 'manual', async () => {
      looked++;
      return undefined;
    });
    const r = await agent.runStep(context(asked));
    assert.deepEqual([r.kind, looked, asked.map((a) => a.kind)], ['done', 0, ['manual']]);
  });

  it('falls back to the manual agent when no chat model is available, and says so', async () => {
    const asked: UserWaitRequest[] = [];
    const logs: string[] = [];
    const r = await new LayerAgent('L3', () => 'model', async () => undefined, (m) => logs.push(m)).runStep(context(asked));
    assert.equal(r.kind, 'done');
    assert.deepEqual(asked.map((a) => a.kind), ['manual']);
    assert.match(logs.join('\n'), /no chat model available for L3/);
  });

  it('uses the layer\'s chat model when there is one', async () => {
    const asked: UserWaitRequest[] = [];
    const layers: string[] = [];
    const model: ChatModel = { id: 'test:echo', send: async () => ({ text: 'all done', toolCalls: [] }) };
    const r = await new LayerAgent('L1', () => 'model', async (l) => {
      layers.push(l);
      return model;
    }).runStep(context(asked));
    assert.deepEqual(r, { kind: 'done', summary: 'all done' });
    assert.deepEqual(layers, ['L1']);
    assert.equal(asked.length, 0);
  });
});
