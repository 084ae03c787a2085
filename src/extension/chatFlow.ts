import type { Disposable } from '../engine/util/disposable';
import { planChatChunks, sessionProgressLines } from './chatMarkdown';
import type { CoordinatorApi } from './coordinatorApi';
import type { SessionView } from './sessionView';

/**
 * What `@strata` does with one chat request, written against small structural interfaces (the
 * shapes of `vscode.ChatResponseStream` and `vscode.CancellationToken`) so it runs and is tested
 * in plain Node with the real coordinator. `chatParticipant.ts` passes VS Code's objects.
 */

/** The part of `vscode.ChatResponseStream` the flow uses. */
export interface ChatStreamLike {
  markdown(value: string): void;
  progress(value: string): void;
  button(command: { command: string; title: string; arguments?: unknown[] }): void;
}

/** The part of `vscode.CancellationToken` the flow uses. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): Disposable;
}

const TERMINAL = new Set<SessionView['status']>(['completed', 'failed', 'cancelled']);
const NEEDS_USER = new Set<SessionView['status']>(['waiting', 'escalated']);

/**
 * `@strata <task>` plans and streams the cascade; `/run` also runs it and streams step progress
 * until the session ends or waits for the user (a button then opens the cascade, where approvals
 * and manual steps are answered). Cancelling the request cancels a session it started.
 */
export async function handleChatRequest(
  coordinator: CoordinatorApi,
  request: { readonly prompt: string; readonly command?: string | undefined },
  stream: ChatStreamLike,
  token: CancellationLike,
  lowConfidenceThreshold: number,
  log: { info(m: string): void; error(m: string, e?: unknown): void },
): Promise<{ planId?: string; sessionId?: string }> {
  const task = request.prompt.trim();
  if (!task) {
    stream.markdown('Describe a task, e.g. `@strata Add rate limiting to the payments API`. Use `/run` to run it after planning.');
    return {};
  }
  stream.progress('Planning through the five-layer cascade…');
  await coordinator.ready();
  const plan = coordinator.plan(task);
  for (const chunk of planChatChunks(plan, lowConfidenceThreshold)) {
    if (token.isCancellationRequested) return { planId: plan.id };
    stream.markdown(chunk);
  }
  if (request.command !== 'run') {
    stream.button({ command: 'strata.coordinateTask', title: 'Open in the cascade view', arguments: [task] });
    return { planId: plan.id };
  }
  const id = await coordinator.createSession(plan);
  await coordinator.runSession(id);
  stream.markdown(`\n**Session started** (\`${id}\`).\n\n`);
  stream.button({ command: 'strata.showCascade', title: 'Open the cascade', arguments: [id] });
  let prev: SessionView | undefined;
  await new Promise<void>((resolve) => {
    let done = false;
    const subs: Disposable[] = [];
    const finish = () => {
      if (done) return;
      done = true;
      for (const s of subs) s.dispose();
      resolve();
    };
    const check = () => {
      if (done) return;
      const next = coordinator.session(id);
      if (!next) return finish();
      for (const line of sessionProgressLines(prev, next)) stream.markdown(line);
      prev = next;
      if (TERMINAL.has(next.status)) return finish();
      if (NEEDS_USER.has(next.status)) {
        stream.markdown('\nThe session waits for you: answer in the cascade view.\n');
        stream.button({ command: 'strata.showCascade', title: 'Answer in the cascade', arguments: [id] });
        return finish();
      }
    };
    subs.push(coordinator.onDidChangeSessions((changed) => (changed === undefined || changed === id ? check() : undefined)));
    subs.push(
      token.onCancellationRequested(() => {
        log.info(`chat request stopped: cancelling session ${id}`);
        void coordinator.cancelSession(id).catch((e: unknown) => log.error(`could not cancel ${id}`, e));
        finish();
      }),
    );
    // The session may have moved on before we subscribed.
    check();
  });
  return { planId: plan.id, sessionId: id };
}
