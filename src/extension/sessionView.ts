import type { LayerId } from '../engine/catalog/layers';
import type { PersonaId } from '../engine/catalog/personas';
import type { Corrections } from '../engine/routing/routingTypes';
import type { Plan } from '../engine/plan/planSchema';

/**
 * The UI's view of a session: what the Sessions tree and the cascade webview show. It is built from
 * the engine's session records (see `sessionAdapter.ts`) so the views do not depend on the engine's
 * storage shape, and it is plain data so it can be posted to the webview.
 */

/** Session status as the UI shows it. `draft` = kept as a draft, not started. */
export const SESSION_STATUSES = ['draft', 'planned', 'running', 'waiting', 'interrupted', 'completed', 'failed', 'cancelled', 'escalated'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const STEP_STATUSES = ['planned', 'pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'skipped', 'escalated'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A tool the user may call by hand (manual agent), with its JSON schema. */
export interface ToolView {
  readonly server: string;
  readonly name: string;
  readonly description?: string;
  readonly inputSchema: Record<string, unknown>;
  readonly readOnly?: boolean;
}

/** What a waiting step waits for. */
export type WaitingView =
  | {
      /** A tool call needs approval (approval policy). */
      readonly kind: 'approval';
      readonly requestId: string;
      readonly server: string;
      readonly tool: string;
      readonly args: Record<string, unknown>;
      readonly readOnly: boolean;
    }
  | {
      /** Manual agent: the user picks a tool and fills its arguments, or marks the step done. */
      readonly kind: 'manual';
      readonly requestId: string;
      readonly objective: string;
      readonly tools: readonly ToolView[];
      /** Result of the last manual call, shown under the form. */
      readonly lastResult?: string;
    }
  | {
      /** Recovery or escalation needs a decision (retry / skip / cancel). */
      readonly kind: 'decision';
      readonly requestId: string;
      readonly reason: string;
      readonly options: readonly string[];
    };

/** One step of a session. */
export interface StepView {
  readonly id: string;
  readonly persona: PersonaId;
  readonly layer: LayerId;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly toolCalls: number;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly error?: string;
  /** Short result summary / note. */
  readonly summary?: string;
  readonly waiting?: WaitingView;
}

/** One session as the UI shows it. */
export interface SessionView {
  readonly id: string;
  readonly task: string;
  readonly status: SessionStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly plan: Plan;
  readonly steps: readonly StepView[];
  readonly error?: string;
  readonly corrections?: Corrections;
  readonly usage?: { readonly toolCalls: number; readonly tokens?: number };
}

/** Duration in ms between two ISO timestamps (end defaults to now); undefined without a start. */
export function durationMs(startedAt: string | undefined, endedAt: string | undefined, now = Date.now()): number | undefined {
  if (!startedAt) return undefined;
  const start = Date.parse(startedAt);
  const end = endedAt ? Date.parse(endedAt) : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.max(0, end - start);
}

/** "850 ms", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Lower-case slug for ids and test ids: non-alphanumerics → `-`. `CI/CD` → `ci-cd`. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The cascade as text, e.g. `L0 → L1 → L3`. */
export function cascadeText(plan: Pick<Plan, 'layers'>): string {
  return plan.layers.filter((l) => l.included).map((l) => l.layer).join(' → ');
}
