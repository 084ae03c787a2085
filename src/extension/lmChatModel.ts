import * as vscode from 'vscode';
import type { ChatMessage, ChatModel, ChatResponse, ChatToolCall, ChatToolDefinition } from '../engine/agents/chatModel';
import type { LayerId } from '../engine/catalog/layers';
import { modelSelectorFilter } from './settings';

/**
 * The engine's {@link ChatModel} over VS Code's Language Model API. The model is chosen per layer
 * in settings (`strata.models.L0`…`L4`, `vendor/family` or a family; empty = first available).
 * VS Code's chat API has no system role: the system prompt goes first as a user message.
 */
export class LmChatModel implements ChatModel {
  readonly id: string;

  constructor(private readonly model: vscode.LanguageModelChat) {
    this.id = `${model.vendor}:${model.family}`;
  }

  async send(messages: readonly ChatMessage[], tools: readonly ChatToolDefinition[], signal: AbortSignal): Promise<ChatResponse> {
    const cts = new vscode.CancellationTokenSource();
    const onAbort = () => cts.cancel();
    if (signal.aborted) cts.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const lmMessages = toLmMessages(messages);
      const response = await this.model.sendRequest(
        lmMessages,
        {
          justification: 'Strata runs a persona of a delegation plan with this model.',
          tools: tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
          toolMode: vscode.LanguageModelChatToolMode.Auto,
        },
        cts.token,
      );
      let text = '';
      const toolCalls: ChatToolCall[] = [];
      for await (const part of response.stream) {
        if (part instanceof vscode.LanguageModelTextPart) text += part.value;
        else if (part instanceof vscode.LanguageModelToolCallPart) {
          const args = typeof part.input === 'object' && part.input !== null && !Array.isArray(part.input) ? (part.input as Record<string, unknown>) : {};
          toolCalls.push({ id: part.callId, name: part.name, arguments: args });
        }
      }
      // VS Code does not report usage; count tokens so budgets still apply (an estimate by the model's tokenizer).
      const count = async (v: string | vscode.LanguageModelChatMessage): Promise<number> => {
        try {
          return await this.model.countTokens(v, cts.token);
        } catch {
          return 0;
        }
      };
      const counts = await Promise.all(lmMessages.map(count));
      const input = counts.reduce((a, b) => a + b, 0);
      const output = text ? await count(text) : 0;
      return { text, toolCalls, usage: { inputTokens: input, outputTokens: output } };
    } catch (e) {
      if (signal.aborted) throw new Error('cancelled', { cause: e });
      if (e instanceof vscode.LanguageModelError) throw new Error(`language model ${this.id}: ${e.code} ${e.message}`, { cause: e });
      throw e;
    } finally {
      signal.removeEventListener('abort', onAbort);
      cts.dispose();
    }
  }
}

/** Converts engine chat messages to VS Code's. */
export function toLmMessages(messages: readonly ChatMessage[]): vscode.LanguageModelChatMessage[] {
  const out: vscode.LanguageModelChatMessage[] = [];
  for (const m of messages) {
    switch (m.role) {
      case 'system':
        out.push(vscode.LanguageModelChatMessage.User(`Instructions:\n${m.content}`));
        break;
      case 'user':
        out.push(vscode.LanguageModelChatMessage.User(m.content));
        break;
      case 'assistant': {
        const parts: (vscode.LanguageModelTextPart | vscode.LanguageModelToolCallPart)[] = [];
        if (m.content) parts.push(new vscode.LanguageModelTextPart(m.content));
        for (const c of m.toolCalls ?? []) parts.push(new vscode.LanguageModelToolCallPart(c.id, c.name, c.arguments));
        out.push(vscode.LanguageModelChatMessage.Assistant(parts));
        break;
      }
      case 'tool':
        out.push(vscode.LanguageModelChatMessage.User([new vscode.LanguageModelToolResultPart(m.callId, [new vscode.LanguageModelTextPart(m.isError ? `Error: ${m.content}` : m.content)])]));
        break;
      default: {
        const never: never = m;
        return never;
      }
    }
  }
  return out;
}

/** Picks the chat model for a layer from its selector; undefined when none is available. */
export async function selectModelForLayer(layer: LayerId, selector: string): Promise<ChatModel | undefined> {
  const filter = modelSelectorFilter(selector);
  let models = await vscode.lm.selectChatModels(filter);
  if (models.length === 0 && selector) models = await vscode.lm.selectChatModels({}); // configured one missing: any model rather than none
  const m = models[0];
  void layer;
  return m ? new LmChatModel(m) : undefined;
}
