/**
 * The engine's view of a chat model with tool calling. The extension adapts `vscode.lm`
 * (chosen per layer in settings); tests use a scripted implementation.
 */

/** A tool the model may call (names are `[A-Za-z0-9_-]{1,64}`). */
export interface ChatToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
}

/** A tool call the model asked for. */
export interface ChatToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Record<string, unknown>;
}

export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | { readonly role: 'assistant'; readonly content: string; readonly toolCalls?: readonly ChatToolCall[] }
  | { readonly role: 'tool'; readonly callId: string; readonly content: string; readonly isError?: boolean };

/** One model turn. */
export interface ChatResponse {
  readonly text: string;
  readonly toolCalls: readonly ChatToolCall[];
  /** Token counts and cost, when the model reports them. */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd?: number };
}

export interface ChatModel {
  /** Model id for logs, e.g. `copilot:gpt-4o`. */
  readonly id: string;
  /** Sends the conversation; resolves with the model's reply. Must honour `signal`. */
  send(messages: readonly ChatMessage[], tools: readonly ChatToolDefinition[], signal: AbortSignal): Promise<ChatResponse>;
}
