import type { ToolCallResult } from '../tools/toolGateway';
import type { ToolCallRecord } from '../session/sessionModel';

/** Turns a tool result into what is stored: JSON of the content, truncated past `max` characters. */
export function storedResult(result: ToolCallResult, max: number): { result: string; resultSize: number; truncated?: boolean } {
  const json = JSON.stringify(result.content);
  return json.length > max ? { result: json.slice(0, max), resultSize: json.length, truncated: true } : { result: json, resultSize: json.length };
}

/** True for a journaled call whose outcome can be replayed (the agent saw, or is deemed to have seen, a result). */
export function hasReplayableOutcome(call: ToolCallRecord): boolean {
  return call.status === 'ok' || call.status === 'tool-error' || call.status === 'assumed-done';
}

/**
 * The tool result a journaled call gave, read back from its stored JSON. A truncated result is
 * no longer valid JSON: the agent then gets the truncated text as one text item.
 */
export function replayedResult(call: ToolCallRecord): ToolCallResult {
  let content: unknown[] = [];
  try {
    const parsed = call.result ? (JSON.parse(call.result) as unknown) : [];
    content = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    content = [{ type: 'text', text: call.result ?? '' }];
  }
  return { isError: call.status === 'tool-error', content };
}

/** The content recorded for a call the user declared done without it being (re)sent. */
export function assumedDoneContent(note: string | undefined): { type: 'text'; text: string }[] {
  return [{ type: 'text', text: `assumed done by the user${note ? `: ${note}` : ''}` }];
}
