import { abortableDelay } from '../recovery/abortableDelay';
import type { Agent, StepContext, StepResult } from './agent';

/** One scripted action. */
export type ScriptAction =
  | { readonly call: { readonly server: string; readonly tool: string; readonly args: Record<string, unknown> } }
  | { readonly fail: string; readonly transient?: boolean }
  | { readonly delayMs: number }
  | { readonly usage: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd?: number } };

/** A script: fixed actions, or a function of the context (for per-persona or per-attempt behaviour). */
export type Script = readonly ScriptAction[] | ((ctx: StepContext) => readonly ScriptAction[]);

/**
 * For tests and benchmarks only: runs a fixed list of actions, then returns `done` with a summary
 * listing the calls it made. Deterministic, so a resumed step replays its journaled calls.
 */
export class ScriptedAgent implements Agent {
  readonly kind = 'scripted';
  /** Steps this agent ran, in start order (for assertions). */
  readonly runs: { stepId: string; persona: string; attempt: number }[] = [];

  constructor(private readonly script: Script) {}

  async runStep(ctx: StepContext): Promise<StepResult> {
    this.runs.push({ stepId: ctx.step.id, persona: ctx.persona.id, attempt: ctx.attempt });
    const actions = typeof this.script === 'function' ? this.script(ctx) : this.script;
    const made: string[] = [];
    for (const a of actions) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
      if ('call' in a) {
        const r = await ctx.callTool(a.call.server, a.call.tool, a.call.args);
        made.push(`${a.call.server}/${a.call.tool}${r.isError ? ' (error)' : ''}`);
      } else if ('fail' in a) {
        return { kind: 'failed', reason: a.fail, ...(a.transient !== undefined ? { transient: a.transient } : {}) };
      } else if ('delayMs' in a) {
        await abortableDelay(a.delayMs, ctx.signal);
      } else {
        ctx.reportUsage(a.usage);
      }
    }
    return { kind: 'done', summary: `${ctx.persona.id} finished ${ctx.step.id}${made.length ? `: ${made.join(', ')}` : ''}`, data: { calls: made, upstream: ctx.handoff.artifacts.map((x) => x.fromStep) } };
  }
}
