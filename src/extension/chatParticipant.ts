import * as vscode from 'vscode';
import type { CoordinatorApi } from './coordinatorApi';
import type { StrataLogs } from './logs';
import { planChatChunks, sessionProgressLines } from './chatMarkdown';
import type { SessionView } from './sessionView';

/** Chat participant id (package.json `contributes.chatParticipants`). */
export const CHAT_PARTICIPANT_ID = 'strata.coordinator';

const TERMINAL = new Set<SessionView['status']>(['completed', 'failed', 'cancelled']);

/**
 * `@strata <task>` plans the task and streams the cascade as Markdown; `@strata /run <task>` also
 * runs it and streams step progress until the session ends or waits for the user (then a button
 * opens the cascade, where approvals and manual steps are answered). Stopping the request cancels
 * a session it started.
 */
export function registerChatParticipant(coordinator: CoordinatorApi, logs: StrataLogs, threshold: () => number, extensionUri: vscode.Uri): vscode.Disposable {
  const handler: vscode.ChatRequestHandler = async (request, _context, stream, token) => {
    const task = request.prompt.trim();
    if (!task) {
      stream.markdown('Describe a task, e.g. `@strata Add rate limiting to the payments API`. Use `/run` to run it after planning.');
      return {};
    }
    stream.progress('Planning through the five-layer cascade…');
    await coordinator.ready();
    const plan = coordinator.plan(task);
    for (const chunk of planChatChunks(plan, threshold())) {
      if (token.isCancellationRequested) return {};
      stream.markdown(chunk);
    }
    if (request.command !== 'run') {
      stream.button({ command: 'strata.coordinateTask', title: 'Open in the cascade view', arguments: [task] });
      return { metadata: { planId: plan.id } };
    }
    const id = await coordinator.createSession(plan);
    await coordinator.runSession(id);
    stream.markdown(`\n**Session started** (${id}).\n\n`);
    stream.button({ command: 'strata.showCascade', title: 'Open the cascade', arguments: [id] });
    let prev = coordinator.session(id);
    await new Promise<void>((resolve) => {
      const finish = () => {
        sub.dispose();
        cancel.dispose();
        resolve();
      };
      const sub = coordinator.onDidChangeSessions((changed) => {
        if (changed !== undefined && changed !== id) return;
        const next = coordinator.session(id);
        if (!next) return finish();
        for (const line of sessionProgressLines(prev, next)) stream.markdown(line);
        prev = next;
        if (TERMINAL.has(next.status)) return finish();
        if (next.status === 'waiting' || next.status === 'escalated') {
          stream.markdown('\nThe session waits for you: answer in the cascade view.\n');
          stream.button({ command: 'strata.showCascade', title: 'Answer in the cascade', arguments: [id] });
          return finish();
        }
      });
      const cancel = token.onCancellationRequested(() => {
        logs.info(`chat request stopped: cancelling session ${id}`);
        void coordinator.cancelSession(id).catch((e: unknown) => logs.error(`could not cancel ${id}`, e));
        finish();
      });
      // The session may already be done (fast plans) before we subscribed.
      const now = coordinator.session(id);
      if (now && (TERMINAL.has(now.status) || now.status === 'waiting' || now.status === 'escalated')) {
        for (const line of sessionProgressLines(undefined, now)) stream.markdown(line);
        finish();
      }
    });
    return { metadata: { planId: plan.id, sessionId: id } };
  };
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'strata.svg');
  return participant;
}
