import { validateJsonSchema } from '../agents/jsonSchemaValidator';
import type { UserAnswer, UserWaitRequest } from '../session/sessionModel';

/**
 * Thrown when a user's request to a session does not fit: an answer that does not fit its wait
 * (the wait stays open), or a retry/answer naming a step or wait that is not there.
 */
export class AnswerRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerRejectedError';
  }
}

/** The answers each kind of wait accepts (shown to the user when an answer is rejected). */
const ALLOWED_ANSWERS: Record<UserWaitRequest['kind'], readonly UserAnswer['kind'][]> = {
  manual: ['manual-call', 'manual-done', 'abort'],
  approval: ['approve', 'deny'],
  'uncertain-call': ['retry', 'assume-done', 'abort'],
  escalation: ['retry', 'skip', 'abort'],
};

/**
 * Checks that an answer fits its request (and manual-call arguments fit the tool's schema).
 * Throws {@link AnswerRejectedError} naming what is wrong.
 */
export function checkAnswerFits(request: UserWaitRequest, answer: UserAnswer): void {
  const allowed = ALLOWED_ANSWERS[request.kind];
  if (!allowed.includes(answer.kind)) {
    throw new AnswerRejectedError(`answer '${answer.kind}' does not fit a '${request.kind}' wait (expected ${allowed.join(', ')})`);
  }
  if (request.kind === 'manual' && answer.kind === 'manual-call') {
    const tool = request.tools.find((t) => t.server === answer.server && t.name === answer.tool);
    if (!tool) throw new AnswerRejectedError(`tool ${answer.server}/${answer.tool} is not one of this step's tools`);
    const problems = validateJsonSchema(tool.inputSchema, answer.args);
    if (problems.length > 0) throw new AnswerRejectedError(`invalid arguments for ${answer.server}/${answer.tool}: ${problems.join('; ')}`);
  }
}
