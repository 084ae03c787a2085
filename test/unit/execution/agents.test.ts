import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SessionManager } from '../../../src/engine/session/sessionManager';
import { ModelAgent, toolDefinitions } from '../../../src/engine/agents/modelAgent';
import type { ChatMessage, ChatModel, ChatResponse, ChatToolDefinition } from '../../../src/engine/agents/chatModel';
import { validateJsonSchema } from '../../../src/engine/agents/jsonSchemaValidator';
import { approvalModeFor, needsApproval } from '../../../src/engine/execution/approvalPolicy';
import { plan, step, TestGateway } from './fixtures';

/** A chat model that replays canned replies and records what it was sent. */
class CannedModel implements ChatModel {
  readonly id = 'canned';
  readonly seen: { messages: ChatMessage[]; tools: ChatToolDefinition[] }[] = [];
  constructor(private readonly replies: ChatResponse[]) {}
  async send(messages: readonly ChatMessage[], tools: readonly ChatToolDefinition[]): Promise<ChatResponse> {
    this.seen.push({ messages: [...messages], tools: [...tools] });
    const r = this.replies.shift();
    if (!r) throw new Error('no more replies');
    return r;
  }
}

describe('agents', () => {
  let dir: string;
  let m: SessionManager | undefined;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'strata-agent-'))));
  afterEach(async () => {
    await m?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('model agent: persona prompt + hand-off, scoped tools only, invalid args fed back, usage recorded', async () => {
    const model = new CannedModel([
      { text: '', toolCalls: [{ id: '1', name: 'srv__write', arguments: { text: 7 } }], usage: { inputTokens: 100, outputTokens: 10, costUsd: 0.001 } },
      { text: '', toolCalls: [{ id: '2', name: 'srv__write', arguments: { text: 'ok' } }], usage: { inputTokens: 120, outputTokens: 12 } },
      { text: 'Wrote it.', toolCalls: [], usage: { inputTokens: 130, outputTokens: 5 } },
    ]);
    const gw = new TestGateway(['srv', 'forbidden']);
    m = new SessionManager({ storageDir: dir, gateway: gw, agentFor: () => new ModelAgent(model) });
    const p = plan([step('L3:backend-developer', 'backend-developer', 'L3', [], ['srv'])]);
    const s = await m.create(p);
    const done = await m.run(s.id);
    assert.equal(done.status.kind, 'completed');
    assert.equal(done.steps['L3:backend-developer']!.output!.summary, 'Wrote it.');
    const first = model.seen[0]!;
    assert.match(first.messages[0]!.content, /You are the Backend Developer \(backend-developer\), a layer L3 persona/);
    assert.match(first.messages[1]!.content, /Objective: do L3:backend-developer/);
    assert.deepEqual(first.tools.map((t) => t.name), ['srv__read', 'srv__write', 'srv__slow'], 'no tool of the forbidden server');
    const fedBack = model.seen[1]!.messages.at(-1)!;
    assert.equal(fedBack.role, 'tool');
    assert.match(fedBack.content, /Invalid arguments: \$\.text: expected string/);
    assert.deepEqual(gw.calls.map((c) => c.args), [{ text: 'ok' }]);
    assert.deepEqual(done.usage, { inputTokens: 350, outputTokens: 27, costUsd: 0.001 });
    assert.equal(done.steps['L3:backend-developer']!.usage.inputTokens, 350);
  });

  it('model agent: token budget stops the session', async () => {
    const model = new CannedModel([
      { text: '', toolCalls: [{ id: '1', name: 'srv__read', arguments: {} }], usage: { inputTokens: 900, outputTokens: 200 } },
      { text: 'done', toolCalls: [], usage: { inputTokens: 900, outputTokens: 200 } },
    ]);
    m = new SessionManager({ storageDir: dir, gateway: new TestGateway(), agentFor: () => new ModelAgent(model) });
    const s = await m.create(plan([step('L3:backend-developer', 'backend-developer', 'L3')]), { budget: { maxTokens: 1000 } });
    const done = await m.run(s.id);
    assert.equal(done.status.kind === 'failed' && done.status.reason.kind, 'budget');
  });

  it('model agent: a resumed attempt tells the model which calls already ran', async () => {
    const model = new CannedModel([{ text: 'resumed and done', toolCalls: [] }]);
    const agent = new ModelAgent(model);
    const p = plan([step('L3:backend-developer', 'backend-developer', 'L3')]);
    const r = await agent.runStep({
      sessionId: 's',
      step: p.steps[0]!,
      persona: { id: 'backend-developer', layer: 'L3', name: 'Backend Developer', owns: 'APIs', needs: [] },
      handoff: p.steps[0]!.handoff,
      attempt: 1,
      tools: [],
      signal: new AbortController().signal,
      resumedCalls: [{ server: 'fs', tool: 'edit_file', args: { path: '/a' }, result: '[{"type":"text","text":"ok"}]' }],
      callTool: async () => ({ isError: false, content: [] }),
      askUser: async () => ({ kind: 'manual-done', note: '' }),
      reportUsage: () => undefined,
    });
    assert.equal(r.kind, 'done');
    const last = model.seen[0]!.messages.at(-1)!;
    assert.match(last.content, /interrupted and are resuming[\s\S]*1\. fs\/edit_file \{"path":"\/a"\}/);
  });

  it('tool names are sanitised, unique and capped at 128', () => {
    const tools = Array.from({ length: 140 }, (_, i) => ({ server: 'my.server', name: i < 2 ? 'same/name' : `t${i}`, inputSchema: {} }));
    const { defs } = toolDefinitions(tools);
    assert.equal(defs.length, 128);
    assert.equal(defs[0]!.name, 'my_server__same_name');
    assert.notEqual(defs[1]!.name, defs[0]!.name);
    assert.ok(defs.every((d) => /^[A-Za-z0-9_-]{1,64}$/.test(d.name)));
  });

  it('JSON-schema subset validator', () => {
    const schema = {
      type: 'object',
      required: ['path', 'edits'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', minLength: 1 },
        mode: { enum: ['a', 'b'] },
        n: { type: 'integer', minimum: 1, maximum: 3 },
        edits: { type: 'array', minItems: 1, items: { type: 'object', required: ['oldText'], properties: { oldText: { type: 'string' } } } },
      },
    };
    assert.deepEqual(validateJsonSchema(schema, { path: 'x', edits: [{ oldText: 'a' }] }), []);
    assert.deepEqual(validateJsonSchema(schema, { path: '', mode: 'c', n: 1.5, edits: [{}], extra: 1 }), [
      '$.path: must have at least 1 characters',
      '$.mode: must be one of "a", "b"',
      '$.n: expected integer, got number',
      '$.edits[0].oldText: required',
      '$.extra: unknown property',
    ]);
    assert.deepEqual(validateJsonSchema(schema, { path: 'x', edits: [], n: 9 }), ['$.edits: must have at least 1 items', '$.n: must be <= 3']);
    assert.deepEqual(validateJsonSchema({ type: ['string', 'null'] }, null), []);
    assert.deepEqual(validateJsonSchema({ type: 'number' }, 3), []);
    assert.deepEqual(validateJsonSchema({ anyOf: [{ type: 'string' }, { type: 'integer' }] }, true), ['$: matches none of the allowed shapes']);
  });

  it('approval policy: tool beats server beats default', () => {
    const p = { default: 'always-ask' as const, servers: { fs: { default: 'auto-read-only' as const, tools: { write_file: 'auto' as const } } } };
    assert.equal(approvalModeFor(p, 'other', 'x'), 'always-ask');
    assert.equal(approvalModeFor(p, 'fs', 'edit_file'), 'auto-read-only');
    assert.equal(needsApproval(p, 'fs', 'edit_file', false), true);
    assert.equal(needsApproval(p, 'fs', 'read_file', true), false);
    assert.equal(needsApproval(p, 'fs', 'write_file', false), false);
  });
});
