import type { ToolDescriptor } from '../tools/toolGateway';
import type { Agent, StepContext, StepResult } from './agent';
import { resultText } from './agent';
import type { ChatMessage, ChatModel, ChatToolDefinition } from './chatModel';
import { validateJsonSchema } from './jsonSchemaValidator';
import { handoffPrompt, personaSystemPrompt } from './personaPrompt';

/** Options of a {@link ModelAgent}. */
export interface ModelAgentOptions {
  /** Model turns per step before giving up (default 12). */
  readonly maxTurns?: number;
  /** Most tools offered in one request (VS Code's chat limit is 128). */
  readonly maxTools?: number;
}

/** `server__tool`, squeezed into the `[A-Za-z0-9_-]{1,64}` that chat APIs accept, unique. */
export function toolDefinitions(tools: readonly ToolDescriptor[], maxTools = 128): { defs: ChatToolDefinition[]; byName: Map<string, ToolDescriptor> } {
  const byName = new Map<string, ToolDescriptor>();
  const defs: ChatToolDefinition[] = [];
  for (const t of tools.slice(0, maxTools)) {
    let name = `${t.server}__${t.name}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
    for (let i = 2; byName.has(name); i++) name = `${name.slice(0, 60)}_${i}`;
    byName.set(name, t);
    defs.push({ name, description: t.description ?? `${t.name} (${t.server})`, inputSchema: t.inputSchema });
  }
  return { defs, byName };
}

/**
 * The persona as a tool-calling loop on a chat model: system prompt from the persona, first user
 * message from the hand-off, only the persona's scoped tools. Tool errors and invalid arguments
 * go back to the model as tool results so it can correct itself.
 */
export class ModelAgent implements Agent {
  readonly kind: string;

  constructor(
    private readonly model: ChatModel,
    private readonly options: ModelAgentOptions = {},
  ) {
    this.kind = `model:${model.id}`;
  }

  async runStep(ctx: StepContext): Promise<StepResult> {
    const { defs, byName } = toolDefinitions(ctx.tools, this.options.maxTools ?? 128);
    const messages: ChatMessage[] = [
      { role: 'system', content: personaSystemPrompt(ctx.persona, ctx.step.handoff.objective) },
      { role: 'user', content: handoffPrompt(ctx.handoff) },
    ];
    if (ctx.resumedCalls && ctx.resumedCalls.length > 0) {
      const done = ctx.resumedCalls.map((c, i) => `${i + 1}. ${c.server}/${c.tool} ${JSON.stringify(c.args)} → ${(c.result ?? '').slice(0, 500)}`);
      messages.push({
        role: 'user',
        content: `You were interrupted and are resuming. These tool calls already ran (repeat them in this order to get their results back without running them again; do not redo their effects another way):\n${done.join('\n')}`,
      });
    }
    const maxTurns = this.options.maxTurns ?? 12;
    for (let turn = 0; turn < maxTurns; turn++) {
      const reply = await this.model.send(messages, defs, ctx.signal);
      if (reply.usage) ctx.reportUsage(reply.usage);
      messages.push({ role: 'assistant', content: reply.text, ...(reply.toolCalls.length ? { toolCalls: reply.toolCalls } : {}) });
      if (reply.toolCalls.length === 0) return { kind: 'done', summary: reply.text || '(no summary)' };
      for (const call of reply.toolCalls) {
        const tool = byName.get(call.name);
        if (!tool) {
          messages.push({ role: 'tool', callId: call.id, content: `Unknown tool ${call.name}. Use one of: ${[...byName.keys()].join(', ')}`, isError: true });
          continue;
        }
        const problems = validateJsonSchema(tool.inputSchema, call.arguments);
        if (problems.length > 0) {
          messages.push({ role: 'tool', callId: call.id, content: `Invalid arguments: ${problems.join('; ')}`, isError: true });
          continue;
        }
        const r = await ctx.callTool(tool.server, tool.name, call.arguments);
        messages.push({ role: 'tool', callId: call.id, content: resultText(r), ...(r.isError ? { isError: true } : {}) });
      }
    }
    return { kind: 'failed', reason: `no answer after ${maxTurns} model turns`, transient: false };
  }
}
