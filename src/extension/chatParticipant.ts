import * as vscode from 'vscode';
import { handleChatRequest } from './chatFlow';
import type { CoordinatorApi } from './coordinatorApi';
import type { StrataLogs } from './logs';

/** Chat participant id (package.json `contributes.chatParticipants`). */
export const CHAT_PARTICIPANT_ID = 'strata.coordinator';

/** Registers `@strata` (see chatFlow.ts for what a request does). */
export function registerChatParticipant(coordinator: CoordinatorApi, logs: StrataLogs, threshold: () => number, extensionUri: vscode.Uri): vscode.Disposable {
  const handler: vscode.ChatRequestHandler = async (request, _context, stream, token) => {
    try {
      const metadata = await handleChatRequest(coordinator, { prompt: request.prompt, command: request.command }, stream, token, threshold(), logs);
      return { metadata };
    } catch (e) {
      logs.error('@strata request failed', e);
      return { errorDetails: { message: e instanceof Error ? e.message : String(e) } };
    }
  };
  const participant = vscode.chat.createChatParticipant(CHAT_PARTICIPANT_ID, handler);
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'strata.svg');
  return participant;
}
