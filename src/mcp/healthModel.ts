import { Emitter, type Event } from '../engine/util/emitter';
import type { Disposable } from '../engine/util/disposable';

/** Health of one configured server. */
export type ServerHealth =
  | { readonly state: 'stopped'; readonly reason?: string }
  | { readonly state: 'starting'; readonly attempt: number }
  | { readonly state: 'healthy'; readonly since: number; readonly pid?: number; readonly transport: 'stdio' | 'http' | 'sse' }
  | { readonly state: 'degraded'; readonly reason: string }
  | { readonly state: 'circuit-open'; readonly reason: string; readonly retryAt: number }
  | { readonly state: 'failed'; readonly reason: string };

/** The tag of a {@link ServerHealth}. */
export type ServerHealthState = ServerHealth['state'];

/** A change of one server's health. */
export interface HealthChange {
  readonly server: string;
  readonly previous: ServerHealth;
  readonly current: ServerHealth;
}

/** Summary for the status bar. */
export interface AggregateHealth {
  readonly total: number;
  readonly healthy: number;
  readonly circuitOpen: number;
  readonly failed: number;
  /** Worst state over all servers (`stopped` when there are none). */
  readonly worst: ServerHealthState;
  /** Short text, e.g. `MCP 3/4 · 1 open circuit`. */
  readonly text: string;
}

/** Severity order used for "worst": a stopped server is less alarming than a degraded one. */
const SEVERITY: Record<ServerHealthState, number> = { healthy: 0, stopped: 1, starting: 2, degraded: 3, 'circuit-open': 4, failed: 5 };

/** Human one-liner for a health value. */
export function describeHealth(h: ServerHealth): string {
  switch (h.state) {
    case 'stopped':
      return h.reason ? `stopped: ${h.reason}` : 'stopped';
    case 'starting':
      return h.attempt > 1 ? `starting (attempt ${h.attempt})` : 'starting';
    case 'healthy':
      return `healthy (${h.transport}${h.pid !== undefined ? `, pid ${h.pid}` : ''})`;
    case 'degraded':
      return `degraded: ${h.reason}`;
    case 'circuit-open':
      return `circuit open: ${h.reason}`;
    case 'failed':
      return `failed: ${h.reason}`;
    default: {
      const _x: never = h;
      return String(_x);
    }
  }
}

/** Per-server health with change events; the UI subscribes to {@link HealthModel.onDidChange}. */
export class HealthModel implements Disposable {
  private readonly states = new Map<string, ServerHealth>();
  private readonly changed = new Emitter<HealthChange>();
  /** Fires on every state change of any server. */
  readonly onDidChange: Event<HealthChange> = this.changed.event;

  /** Current health of a server (`stopped` if unknown). */
  get(server: string): ServerHealth {
    return this.states.get(server) ?? { state: 'stopped' };
  }

  /** Records a new health value; fires only when it differs from the current one. */
  set(server: string, current: ServerHealth): void {
    const previous = this.get(server);
    this.states.set(server, current);
    if (JSON.stringify(previous) !== JSON.stringify(current)) this.changed.fire({ server, previous, current });
  }

  /** Forgets a server (removed from the configuration). */
  delete(server: string): void {
    const previous = this.states.get(server);
    if (!previous) return;
    this.states.delete(server);
    this.changed.fire({ server, previous, current: { state: 'stopped', reason: 'removed' } });
  }

  /** All known servers and their health. */
  snapshot(): ReadonlyMap<string, ServerHealth> {
    return new Map(this.states);
  }

  /** Aggregate for the status bar. */
  aggregate(): AggregateHealth {
    let healthy = 0;
    let circuitOpen = 0;
    let failed = 0;
    let worst: ServerHealthState = 'stopped';
    let worstSeen = false;
    for (const h of this.states.values()) {
      if (h.state === 'healthy') healthy++;
      if (h.state === 'circuit-open') circuitOpen++;
      if (h.state === 'failed') failed++;
      if (!worstSeen || SEVERITY[h.state] > SEVERITY[worst]) worst = h.state;
      worstSeen = true;
    }
    const total = this.states.size;
    const parts = [`MCP ${healthy}/${total}`];
    if (circuitOpen) parts.push(`${circuitOpen} open circuit${circuitOpen > 1 ? 's' : ''}`);
    if (failed) parts.push(`${failed} failed`);
    return { total, healthy, circuitOpen, failed, worst, text: parts.join(' · ') };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
