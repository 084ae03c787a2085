import { z } from 'zod';
import { AREA_IDS, COMPLEXITY_LEVELS, CONCERN_IDS } from '../engine/analysis/analysisTypes';
import type { Plan } from '../engine/plan/planSchema';
import type { SessionView } from './sessionView';

/**
 * Messages between the extension host and the cascade webview. Both directions are discriminated
 * unions on `type`. The webview is untrusted from the host's point of view (it renders user and
 * server text), so every message it sends is validated with {@link parseWebviewMessage}.
 * The webview script imports this file for types only (`import type`), so zod is not bundled there.
 */

/** What the panel is showing. */
export type PanelMode = 'empty' | 'preview' | 'draft' | 'session';

/** Host → webview. */
export type HostMessage =
  | {
      readonly type: 'show';
      readonly mode: PanelMode;
      readonly plan: Plan | undefined;
      /** Present in `draft`/`session` mode. */
      readonly session?: SessionView;
      readonly lowConfidenceThreshold: number;
      /** Tool counts per server, when known. */
      readonly toolCounts: Readonly<Record<string, number>>;
    }
  | { readonly type: 'session'; readonly session: SessionView }
  | { readonly type: 'busy'; readonly busy: boolean; readonly message?: string }
  | { readonly type: 'error'; readonly message: string };

const correctionsSchema = z
  .object({
    addAreas: z.array(z.enum(AREA_IDS)).max(AREA_IDS.length).optional(),
    removeAreas: z.array(z.enum(AREA_IDS)).max(AREA_IDS.length).optional(),
    addConcerns: z.array(z.enum(CONCERN_IDS)).max(CONCERN_IDS.length).optional(),
    removeConcerns: z.array(z.enum(CONCERN_IDS)).max(CONCERN_IDS.length).optional(),
    complexity: z.enum(COMPLEXITY_LEVELS).optional(),
    liveOps: z.boolean().optional(),
  })
  .strict();

const id = z.string().min(1).max(200);

/** Webview → host, validated. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('run') }).strict(),
  z.object({ type: z.literal('keepDraft') }).strict(),
  z.object({ type: z.literal('correct'), corrections: correctionsSchema }).strict(),
  z.object({ type: z.literal('export') }).strict(),
  z.object({ type: z.literal('cancelSession'), sessionId: id }).strict(),
  z.object({ type: z.literal('retryStep'), sessionId: id, stepId: id }).strict(),
  z.object({ type: z.literal('approve'), sessionId: id, stepId: id, requestId: id, approved: z.boolean() }).strict(),
  z
    .object({
      type: z.literal('manualCall'),
      sessionId: id,
      stepId: id,
      requestId: id,
      server: id,
      tool: id,
      args: z.record(z.string(), z.unknown()),
    })
    .strict(),
  z.object({ type: z.literal('manualDone'), sessionId: id, stepId: id, requestId: id, note: z.string().max(10_000) }).strict(),
  z.object({ type: z.literal('decide'), sessionId: id, stepId: id, requestId: id, choice: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('openLog'), server: id.optional() }).strict(),
]);

export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
export type CorrectionsMessage = z.infer<typeof correctionsSchema>;

/** Validates a message from the webview; the error names the message type and the bad field. */
export function parseWebviewMessage(raw: unknown): { ok: true; message: WebviewMessage } | { ok: false; error: string } {
  const r = webviewMessageSchema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : '(no type)';
  const detail = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`).join('; ');
  return { ok: false, error: `invalid webview message "${type.slice(0, 40)}": ${detail}` };
}
