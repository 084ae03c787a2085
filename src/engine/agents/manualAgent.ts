import type { Agent, StepContext, StepResult } from './agent';
import { resultText } from './agent';
import { validateJsonSchema } from './jsonSchemaValidator';

/**
 * For when no model is available: the step waits for the user, who picks one of the persona's
 * scoped tools and fills its arguments (checked against the tool's JSON schema), sees the result,
 * and goes on until they mark the step done with a note.
 */
export class ManualAgent implements Agent {
  readonly kind = 'manual';

  async runStep(ctx: StepContext): Promise<StepResult> {
    let lastResult: string | undefined;
    let lastError: string | undefined;
    const calls: string[] = [];
    for (;;) {
      const answer = await ctx.askUser({
        kind: 'manual',
        tools: ctx.tools,
        ...(lastResult !== undefined ? { lastResult } : {}),
        ...(lastError !== undefined ? { lastError } : {}),
      });
      lastResult = undefined;
      lastError = undefined;
      switch (answer.kind) {
        case 'manual-done':
          return { kind: 'done', summary: answer.note || `${ctx.persona.name} marked the step done`, data: { calls, note: answer.note } };
        case 'abort':
          return { kind: 'failed', reason: `the user gave up on the step${answer.note ? `: ${answer.note}` : ''}`, transient: false };
        case 'manual-call': {
          const tool = ctx.tools.find((t) => t.server === answer.server && t.name === answer.tool);
          if (!tool) {
            lastError = `tool ${answer.server}/${answer.tool} is not available to ${ctx.persona.id}`;
            break;
          }
          const problems = validateJsonSchema(tool.inputSchema, answer.args);
          if (problems.length > 0) {
            lastError = `invalid arguments for ${answer.server}/${answer.tool}: ${problems.join('; ')}`;
            break;
          }
          try {
            const r = await ctx.callTool(answer.server, answer.tool, answer.args);
            calls.push(`${answer.server}/${answer.tool}`);
            lastResult = resultText(r);
            if (r.isError) lastError = `the tool reported an error`;
          } catch (e) {
            lastError = `call failed: ${(e as Error).message}`;
          }
          break;
        }
        default:
          lastError = `answer '${answer.kind}' does not fit a manual step: call a tool or mark the step done`;
      }
    }
  }
}
