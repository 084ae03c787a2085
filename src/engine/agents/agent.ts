import type { PersonaInfo } from '../catalog/personas';
import type { Handoff, PlanStep } from '../plan/planSchema';
import type { ToolCallResult, ToolDescriptor } from '../tools/toolGateway';
import type { UserAnswer, UserWaitRequest, Usage } from '../session/sessionModel';

/**
 * Who decides what a persona does in a step. The executor gives the agent a {@link StepContext}
 * holding only the persona's scoped tools; every call goes through the context so it is
 * journaled, approved, budgeted, replayed after a crash and loop-checked.
 */
export interface Agent {
  /** Short name for logs and the UI, e.g. `model:gpt-4o`, `manual`, `scripted`. */
  readonly kind: string;
  /** Runs one step attempt. Throwing counts as a failure (a {@link ToolGatewayError} keeps its transient flag). */
  runStep(ctx: StepContext): Promise<StepResult>;
}

/** What an agent returns for a step. */
export type StepResult =
  | { readonly kind: 'done'; readonly summary: string; readonly data?: unknown }
  | { readonly kind: 'failed'; readonly reason: string; readonly transient?: boolean };

/** The agent's window on the session for one step attempt. */
export interface StepContext {
  readonly sessionId: string;
  readonly step: PlanStep;
  /** The persona running the step (differs from `step.persona` after a re-delegation). */
  readonly persona: PersonaInfo;
  /** The hand-off, with upstream outputs as artifacts. */
  readonly handoff: Handoff;
  readonly attempt: number;
  /** Only the tools of the persona's scoped servers that the gateway lists. */
  readonly tools: readonly ToolDescriptor[];
  /**
   * When this attempt resumes after a crash: the calls it had finished before (their results come
   * back from the journal if the agent repeats them in the same order). A model agent tells the
   * model about them so it does not redo side effects in a different way.
   */
  readonly resumedCalls?: readonly ResumedCall[];
  /** Aborted on cancel, stall, budget stop or shutdown. */
  readonly signal: AbortSignal;
  /** Calls a scoped tool (journaled, approval-checked, replayed on resume). */
  callTool(server: string, tool: string, args: Record<string, unknown>): Promise<ToolCallResult>;
  /** Opens a wait for the user and resolves with the answer. Waiting never counts against timeouts or stall detection. */
  askUser(request: UserWaitRequest): Promise<UserAnswer>;
  /** Reports model tokens/cost (counted against the session budget). */
  reportUsage(usage: Usage): void;
}

/** A call an interrupted attempt already ran (its stored result JSON, possibly truncated). */
export interface ResumedCall {
  readonly server: string;
  readonly tool: string;
  readonly args: Record<string, unknown>;
  readonly result?: string;
}

/** Picks the agent for a step (e.g. per layer: a model where one is configured, else manual). */
export type AgentFactory = (step: PlanStep, persona: PersonaInfo) => Agent;

/** Text of a tool result's content blocks (text blocks joined; others as JSON). */
export function resultText(result: ToolCallResult, max = 4000): string {
  const parts: string[] = [];
  for (const block of result.content) {
    const b = block as { type?: unknown; text?: unknown };
    parts.push(b && b.type === 'text' && typeof b.text === 'string' ? b.text : JSON.stringify(block));
  }
  const text = parts.join('\n');
  return text.length > max ? `${text.slice(0, max)}… [${text.length - max} more characters]` : text;
}
