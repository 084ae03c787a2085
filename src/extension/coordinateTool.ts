import * as vscode from 'vscode';
import { z } from 'zod';
import type { CoordinatorApi } from './coordinatorApi';
import { planSummaryText } from './chatMarkdown';

/** Language-model tool name (package.json `contributes.languageModelTools`). */
export const COORDINATE_TOOL_NAME = 'strata_coordinate';

const inputSchema = z.object({ task: z.string().trim().min(1, 'task must not be empty').max(20_000) }).strict();

/**
 * `strata_coordinate`: lets agent mode ask Strata for a delegation plan. Planning is read-only and
 * fast, so no confirmation is asked; the result is the plan summary as text.
 */
export class CoordinateTool implements vscode.LanguageModelTool<{ task: string }> {
  constructor(private readonly coordinator: CoordinatorApi) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<{ task: string }>): vscode.PreparedToolInvocation {
    const task = typeof options.input?.task === 'string' ? options.input.task : '';
    return { invocationMessage: `Planning with Strata: ${task.length > 60 ? `${task.slice(0, 59)}…` : task}` };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<{ task: string }>): Promise<vscode.LanguageModelToolResult> {
    const parsed = inputSchema.safeParse(options.input);
    if (!parsed.success) {
      // Tell the model what is wrong so it can call again.
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(`Invalid input for ${COORDINATE_TOOL_NAME}: ${detail}. Expected {"task": "<the task in plain words>"}.`)]);
    }
    try {
      await this.coordinator.ready();
      const plan = this.coordinator.plan(parsed.data.task);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(planSummaryText(plan))]);
    } catch (e) {
      // e.g. a task over the size limit: the model gets the reason instead of a failed tool call.
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(`Strata could not plan this task: ${e instanceof Error ? e.message : String(e)}`)]);
    }
  }
}

/** Registers the tool. */
export function registerCoordinateTool(coordinator: CoordinatorApi): vscode.Disposable {
  return vscode.lm.registerTool(COORDINATE_TOOL_NAME, new CoordinateTool(coordinator));
}
