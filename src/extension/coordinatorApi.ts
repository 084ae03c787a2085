import type { Event } from '../engine/util/emitter';
import type { Plan } from '../engine/plan/planSchema';
import type { Corrections } from '../engine/routing/routingTypes';
import type { UserAnswer } from '../engine/session/sessionModel';
import type { HealthChange } from '../mcp/healthModel';
import type { SessionView } from './sessionView';
import type { ServerStatusLine } from './statusModel';

/**
 * What the extension's views and commands need from the engine and MCP side. `coordinator.ts`
 * implements it over the Planner, the ConnectionManager and the SessionManager; the views (tree,
 * panel, status bar, chat) only see this interface, which keeps them thin and testable.
 */
export interface CoordinatorApi {
  /** Fires with a session id when that session changed, or undefined when the list changed. */
  readonly onDidChangeSessions: Event<string | undefined>;
  /** Fires when a server's health changed. */
  readonly onDidChangeHealth: Event<HealthChange>;
  /** Fires when the configured servers (or their tool counts) changed. */
  readonly onDidChangeServers: Event<void>;

  /**
   * Makes sure the configured MCP servers are imported and classified (reads config files, may
   * ask for `${input:…}` values; starts no server). Cheap after the first call.
   */
  ready(signal?: AbortSignal): Promise<void>;
  /** Plans a task (analysis → routing → server assignment), applying the user's corrections. Throws on bad input (e.g. empty or too long). */
  plan(task: string, corrections?: Corrections): Plan;
  /** Keeps the user's correction of an analysis as a learning record (task, plan before, corrections). */
  recordCorrection(before: Plan, corrections: Corrections): Promise<void>;

  /** Creates a session from a plan without running it (a draft). Resolves with its id. */
  createSession(plan: Plan): Promise<string>;
  /** Starts (or resumes) running a session; resolves once it started, not when it finished. */
  runSession(id: string): Promise<void>;
  cancelSession(id: string): Promise<void>;
  retryStep(id: string, stepId: string): Promise<void>;
  /** Answers an open wait (approval, manual call/done). */
  answer(id: string, waitId: string, answer: UserAnswer): Promise<void>;
  /** Answers a decision wait with one of its offered options (validated). */
  decide(id: string, waitId: string, choice: string): Promise<void>;

  sessions(): readonly SessionView[];
  session(id: string): SessionView | undefined;

  /** Configured servers and their health, for the status bar and quick picks. */
  servers(): readonly ServerStatusLine[];
  /** Tool counts per server, where known (servers start lazily, so some are unknown). */
  toolCounts(): Readonly<Record<string, number>>;
  restartServer(name: string): Promise<void>;
}
