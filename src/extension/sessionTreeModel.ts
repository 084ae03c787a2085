import { LAYERS, type LayerId } from '../engine/catalog/layers';
import { BUILTIN_PERSONAS } from '../engine/catalog/personas';
import { cascadeText, durationMs, formatDuration, type SessionStatus, type SessionView, type StepStatus, type StepView } from './sessionView';

/**
 * The Sessions tree as plain data (vscode-free, unit-tested): groups → sessions → layers →
 * personas → steps. `sessionsTree.ts` maps these nodes to `vscode.TreeItem`s one to one.
 */

export const GROUPS = ['running', 'waiting', 'draft', 'completed', 'failed'] as const;
export type GroupId = (typeof GROUPS)[number];

const GROUP_LABELS: Record<GroupId, string> = {
  running: 'Running',
  waiting: 'Waiting for you',
  draft: 'Drafts',
  completed: 'Completed',
  failed: 'Failed',
};

/** Which group a session belongs to. */
export function groupOf(status: SessionStatus): GroupId {
  switch (status) {
    case 'running':
    case 'planned':
      return 'running';
    case 'waiting':
    case 'interrupted':
    case 'escalated': // the recovery ladder reached the user: they must decide
      return 'waiting';
    case 'draft':
      return 'draft';
    case 'completed':
      return 'completed';
    case 'failed':
    case 'cancelled':
      return 'failed';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** A codicon id and an optional theme colour id. */
export interface IconView {
  readonly id: string;
  readonly color?: string;
}

/** One node of the tree. */
export interface TreeNodeView {
  readonly kind: 'group' | 'session' | 'layer' | 'persona' | 'step';
  /** Stable id (keeps expansion state across refreshes). */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip: string;
  readonly icon: IconView;
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly sessionId?: string;
  readonly stepId?: string;
  readonly group?: GroupId;
  readonly layer?: LayerId;
  readonly persona?: string;
}

const SESSION_ICONS: Record<SessionStatus, IconView> = {
  draft: { id: 'edit' },
  planned: { id: 'circle-large-outline' },
  running: { id: 'sync~spin', color: 'charts.blue' },
  waiting: { id: 'bell-dot', color: 'charts.yellow' },
  interrupted: { id: 'debug-pause', color: 'charts.yellow' },
  completed: { id: 'pass-filled', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash', color: 'disabledForeground' },
  escalated: { id: 'report', color: 'charts.orange' },
};

const STEP_ICONS: Record<StepStatus, IconView> = {
  planned: { id: 'circle-large-outline' },
  pending: { id: 'clock' },
  running: { id: 'sync~spin', color: 'charts.blue' },
  waiting: { id: 'bell-dot', color: 'charts.yellow' },
  completed: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash', color: 'disabledForeground' },
  skipped: { id: 'debug-step-over' },
  escalated: { id: 'report', color: 'charts.orange' },
};

/** Icon for a session status. */
export function sessionIcon(status: SessionStatus): IconView {
  return SESSION_ICONS[status];
}
/** Icon for a step status. */
export function stepIcon(status: StepStatus): IconView {
  return STEP_ICONS[status];
}

/** Worst-first status of several steps, for layer and persona rows. */
export function aggregateStatus(steps: readonly StepView[]): StepStatus {
  const order: StepStatus[] = ['failed', 'escalated', 'waiting', 'running', 'pending', 'cancelled', 'planned', 'skipped', 'completed'];
  for (const s of order) if (steps.some((x) => x.status === s)) return s;
  return 'planned';
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Step duration text for descriptions. */
function stepDuration(step: StepView, now: number): string {
  return formatDuration(durationMs(step.startedAt, step.endedAt, now));
}

/** Builds the children of `parent` (undefined = the root groups). */
export function treeChildren(sessions: readonly SessionView[], parent: TreeNodeView | undefined, now = Date.now()): TreeNodeView[] {
  if (!parent) {
    return GROUPS.map((g) => {
      const count = sessions.filter((s) => groupOf(s.status) === g).length;
      return {
        kind: 'group' as const,
        // An empty group gets its own id: VS Code keeps an item's expansion state by id, and a group
        // first shown empty (not expandable) would otherwise stay collapsed once sessions arrive.
        id: count === 0 ? `group:${g}:empty` : `group:${g}`,
        label: GROUP_LABELS[g],
        description: String(count),
        tooltip: `${GROUP_LABELS[g]}: ${count} session${count === 1 ? '' : 's'}`,
        icon: { id: g === 'running' ? 'play-circle' : g === 'waiting' ? 'bell' : g === 'draft' ? 'edit' : g === 'completed' ? 'pass' : 'error' },
        contextValue: `strata.group.${g}`,
        collapsible: count === 0 ? ('none' as const) : g === 'completed' || g === 'draft' ? ('collapsed' as const) : ('expanded' as const),
        group: g,
      };
    }).filter((n) => n.description !== '0' || n.group === 'running' || n.group === 'waiting');
  }
  switch (parent.kind) {
    case 'group':
      return sessions
        .filter((s) => groupOf(s.status) === parent.group)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((s) => sessionNode(s, now));
    case 'session': {
      const s = sessions.find((x) => x.id === parent.sessionId);
      if (!s) return [];
      return s.plan.layers
        .filter((l) => l.included)
        .map((l) => {
          const steps = s.steps.filter((st) => st.layer === l.layer);
          const info = LAYERS.find((x) => x.id === l.layer)!;
          const status = aggregateStatus(steps);
          const personas = new Set(steps.map((st) => st.persona)).size;
          return {
            kind: 'layer' as const,
            id: `layer:${s.id}:${l.layer}`,
            label: `${l.layer} ${info.name}`,
            description: `${personas} persona${personas === 1 ? '' : 's'} · ${status}`,
            tooltip: `${l.layer} ${info.name}: ${info.role}\nWhy: ${l.why}`,
            icon: stepIcon(status),
            contextValue: 'strata.layer',
            collapsible: steps.length ? ('expanded' as const) : ('none' as const),
            sessionId: s.id,
            layer: l.layer,
          };
        });
    }
    case 'layer': {
      const s = sessions.find((x) => x.id === parent.sessionId);
      if (!s) return [];
      const steps = s.steps.filter((st) => st.layer === parent.layer);
      const personas = [...new Set(steps.map((st) => st.persona))];
      return personas.map((p) => {
        const mine = steps.filter((st) => st.persona === p);
        const status = aggregateStatus(mine);
        const planStep = s.plan.steps.find((ps) => ps.persona === p);
        const servers = planStep?.servers.map((x) => x.server) ?? [];
        const name = BUILTIN_PERSONAS.find((x) => x.id === p)?.name ?? p;
        return {
          kind: 'persona' as const,
          id: `persona:${s.id}:${p}`,
          label: name,
          description: [status, planStep ? `conf ${pct(planStep.confidence)}` : '', servers.length ? servers.join(', ') : 'no servers'].filter(Boolean).join(' · '),
          tooltip: `${name} (${p}) — ${status}${planStep ? `\nWhy: ${planStep.why}` : ''}${servers.length ? `\nServers: ${servers.join(', ')}` : ''}`,
          icon: stepIcon(status),
          contextValue: `strata.persona.${status}`,
          collapsible: 'collapsed' as const,
          sessionId: s.id,
          layer: parent.layer,
          persona: p,
        };
      });
    }
    case 'persona': {
      const s = sessions.find((x) => x.id === parent.sessionId);
      if (!s) return [];
      return s.steps
        .filter((st) => st.persona === parent.persona)
        .map((st) => {
          const dur = stepDuration(st, now);
          const parts = [st.status, st.attempts > 1 ? `attempt ${st.attempts}` : '', st.toolCalls ? `${st.toolCalls} call${st.toolCalls === 1 ? '' : 's'}` : '', dur];
          return {
            kind: 'step' as const,
            id: `step:${s.id}:${st.id}`,
            label: st.id,
            description: parts.filter(Boolean).join(' · '),
            tooltip: [`Step ${st.id}: ${st.status}`, st.summary ? `Result: ${st.summary}` : '', st.error ? `Error: ${st.error}` : '', st.waiting ? `Waiting for: ${st.waiting.kind}` : '']
              .filter(Boolean)
              .join('\n'),
            icon: stepIcon(st.status),
            contextValue: `strata.step.${st.status}`,
            collapsible: 'none' as const,
            sessionId: s.id,
            stepId: st.id,
          };
        });
    }
    case 'step':
      return [];
    default: {
      const never: never = parent.kind;
      return never;
    }
  }
}

function sessionNode(s: SessionView, now: number): TreeNodeView {
  const started = s.steps.map((st) => st.startedAt).filter((x): x is string => !!x).sort()[0];
  const active = s.status === 'running' || s.status === 'waiting' || s.status === 'planned';
  const dur = formatDuration(durationMs(started, active ? undefined : s.updatedAt, now));
  const done = s.steps.filter((st) => st.status === 'completed').length;
  const label = s.task.length > 80 ? `${s.task.slice(0, 77)}…` : s.task;
  const description = [s.status, `${done}/${s.steps.length} steps`, `${s.plan.complexity}`, `conf ${pct(s.plan.confidence)}`, dur].filter(Boolean).join(' · ');
  return {
    kind: 'session',
    id: `session:${s.id}`,
    label,
    description,
    tooltip: [
      s.task,
      `Status: ${s.status}${s.error ? ` — ${s.error}` : ''}`,
      `Complexity: ${s.plan.complexity} · Cascade: ${cascadeText(s.plan)} · Confidence: ${pct(s.plan.confidence)}`,
      s.corrections ? 'Corrected by you in the preview.' : '',
    ]
      .filter(Boolean)
      .join('\n'),
    icon: sessionIcon(s.status),
    contextValue: `strata.session.${s.status}`,
    collapsible: 'collapsed',
    sessionId: s.id,
  };
}
