import * as vscode from 'vscode';
import { planToMarkdown } from '../engine/plan/planMarkdown';
import type { Plan } from '../engine/plan/planSchema';
import { CascadePanel } from './cascadePanel';
import type { CoordinatorApi } from './coordinatorApi';
import type { StrataLogs } from './logs';
import type { SessionsTreeProvider } from './sessionsTree';
import type { SessionView } from './sessionView';
import { pushHistory, readHistory, TASK_HISTORY_KEY } from './taskHistory';

/** Everything the commands need. */
export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly globalState: vscode.Memento;
  readonly coordinator: CoordinatorApi;
  readonly logs: StrataLogs;
  readonly tree: SessionsTreeProvider;
  readonly lowConfidenceThreshold: () => number;
}

/** Options of `strata.coordinateTask` for scripted callers (tests, chat). */
export interface CoordinateOptions {
  /** `preview` (default): open the preview and return; `run`: create and run at once; `draft`: keep as a draft. */
  readonly action?: 'preview' | 'run' | 'draft';
}

/** What `strata.coordinateTask` returns. */
export interface CoordinateResult {
  readonly plan: Plan;
  readonly sessionId?: string;
}

/** Command arguments may be a session id, a tree node, or `{sessionId, stepId}`. */
function sessionIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { sessionId?: unknown }).sessionId === 'string') return (arg as { sessionId: string }).sessionId;
  return undefined;
}
function stepIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'object' && arg !== null && typeof (arg as { stepId?: unknown }).stepId === 'string') return (arg as { stepId: string }).stepId;
  return undefined;
}

/** Registers every `strata.*` command. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { coordinator, logs } = ctx;

  const pickSession = async (filter: (s: SessionView) => boolean, placeHolder: string): Promise<string | undefined> => {
    const sessions = coordinator.sessions().filter(filter);
    if (sessions.length === 0) {
      void vscode.window.showInformationMessage('Strata: no matching session.');
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      sessions.map((s) => ({ label: s.task.length > 80 ? `${s.task.slice(0, 79)}…` : s.task, description: `${s.status} · ${s.plan.complexity}`, detail: s.id, id: s.id })),
      { placeHolder, matchOnDescription: true },
    );
    return pick?.id;
  };

  const withErrors =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        logs.error(`${name} failed`, e);
        void vscode.window.showErrorMessage(`Strata: ${message}`, 'Open Logs').then((a) => (a ? logs.showEngine() : undefined));
        return undefined;
      }
    };

  const askTask = async (): Promise<string | undefined> => {
    const history = readHistory(ctx.globalState.get(TASK_HISTORY_KEY));
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = 'Strata: Coordinate Task';
    qp.placeholder = 'Describe the task (e.g. "Add OAuth login to the API and a settings page")';
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = false;
    const recent = history.map((h) => ({ label: h, description: 'recent' }));
    const update = () => {
      const v = qp.value.trim();
      qp.items = v && !history.includes(v) ? [{ label: v, description: 'new task' }, ...recent] : recent;
    };
    update();
    return new Promise<string | undefined>((resolve) => {
      let done = false;
      const finish = (v: string | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        qp.dispose();
      };
      qp.onDidChangeValue(update);
      qp.onDidAccept(() => finish(qp.selectedItems[0]?.label ?? (qp.value.trim() || undefined)));
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  };

  const coordinateTask = withErrors('Coordinate Task', async (taskArg?: unknown, options?: CoordinateOptions): Promise<CoordinateResult | undefined> => {
    const task = typeof taskArg === 'string' && taskArg.trim() ? taskArg.trim() : await askTask();
    if (!task) return undefined;
    await ctx.globalState.update(TASK_HISTORY_KEY, pushHistory(readHistory(ctx.globalState.get(TASK_HISTORY_KEY)), task));
    const plan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Strata', cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          progress.report({ message: 'Reading your MCP server configuration…' });
          await coordinator.ready(abort.signal);
          if (token.isCancellationRequested) return undefined;
          progress.report({ message: 'Planning the cascade…' });
          return coordinator.plan(task);
        } finally {
          sub.dispose();
        }
      },
    );
    if (!plan) return undefined;
    logs.info(`planned "${task.slice(0, 200)}": ${plan.complexity}, ${plan.steps.length} steps, confidence ${plan.confidence.toFixed(2)}`);
    const action = options?.action ?? 'preview';
    switch (action) {
      case 'preview': {
        const panel = CascadePanel.preview(ctx.extensionUri, coordinator, logs, ctx.lowConfidenceThreshold, plan);
        void panel.whenDecided.then((o) => (o.kind !== 'closed' ? ctx.tree.refresh() : undefined));
        return { plan };
      }
      case 'run':
      case 'draft': {
        const sessionId = await coordinator.createSession(plan);
        if (action === 'run') await coordinator.runSession(sessionId);
        CascadePanel.showSession(ctx.extensionUri, coordinator, logs, ctx.lowConfidenceThreshold, sessionId);
        ctx.tree.refresh();
        return { plan, sessionId };
      }
      default: {
        const never: never = action;
        return never;
      }
    }
  });

  const showCascade = withErrors('Show Cascade', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession(() => true, 'Which session?'));
    if (!id) return undefined;
    if (!CascadePanel.showSession(ctx.extensionUri, coordinator, logs, ctx.lowConfidenceThreshold, id)) throw new Error(`no session ${id}`);
    return id;
  });

  const runSession = withErrors('Run Session', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession((s) => s.status === 'draft', 'Which draft to run?'));
    if (!id) return undefined;
    await coordinator.runSession(id);
    CascadePanel.showSession(ctx.extensionUri, coordinator, logs, ctx.lowConfidenceThreshold, id);
    return id;
  });

  const resumeSession = withErrors('Resume Session', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession((s) => ['waiting', 'interrupted', 'escalated', 'failed', 'planned', 'draft'].includes(s.status), 'Which session to resume?'));
    if (!id) return undefined;
    const s = coordinator.session(id);
    // A waiting session resumes when the user answers: show where to answer. Others are restarted.
    if (s && s.status !== 'waiting' && s.status !== 'escalated') await coordinator.runSession(id);
    CascadePanel.showSession(ctx.extensionUri, coordinator, logs, ctx.lowConfidenceThreshold, id);
    return id;
  });

  const cancelSession = withErrors('Cancel Session', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession((s) => ['running', 'waiting', 'interrupted', 'escalated', 'planned', 'draft'].includes(s.status), 'Which session to cancel?'));
    if (!id) return undefined;
    await coordinator.cancelSession(id);
    return id;
  });

  const retryStep = withErrors('Retry Step', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession((s) => s.steps.some((st) => st.status === 'failed' || st.status === 'cancelled' || st.status === 'skipped'), 'Retry a step of which session?'));
    if (!id) return undefined;
    let stepId = stepIdOf(arg);
    if (!stepId) {
      const s = coordinator.session(id);
      const steps = (s?.steps ?? []).filter((st) => st.status !== 'pending' && st.status !== 'planned' && st.status !== 'running');
      const pick = await vscode.window.showQuickPick(
        steps.map((st) => ({ label: st.id, description: st.status, detail: st.error })),
        { placeHolder: 'Which step to retry?' },
      );
      stepId = pick?.label;
    }
    if (!stepId) return undefined;
    await coordinator.retryStep(id, stepId);
    return stepId;
  });

  const exportPlan = withErrors('Export Plan as Markdown', async (arg?: unknown) => {
    const id = sessionIdOf(arg) ?? (await pickSession(() => true, 'Export the plan of which session?'));
    if (!id) return undefined;
    const s = coordinator.session(id);
    if (!s) throw new Error(`no session ${id}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: planToMarkdown(s.plan) });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri.toString();
  });

  const pickServer = async (placeHolder: string): Promise<string | undefined> => {
    const servers = coordinator.servers();
    if (servers.length === 0) {
      void vscode.window.showInformationMessage('Strata: no MCP servers are configured (.vscode/mcp.json, .mcp.json, Cursor, Roo, Cline, Claude Desktop or strata.mcp.servers).');
      return undefined;
    }
    const counts = coordinator.toolCounts();
    const pick = await vscode.window.showQuickPick(
      servers.map((s) => ({ label: s.name, description: `${s.state}${counts[s.name] !== undefined ? ` · ${counts[s.name]} tools` : ''}`, detail: s.detail })),
      { placeHolder },
    );
    return pick?.label;
  };

  const restartServer = withErrors('Restart Server', async (arg?: unknown) => {
    const name = typeof arg === 'string' ? arg : await pickServer('Restart which MCP server?');
    if (!name) return undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Strata: restarting ${name}…` }, () => coordinator.restartServer(name));
    return name;
  });

  const showServerHealth = withErrors('Show Server Health', async () => {
    const name = await pickServer('MCP servers — pick one for actions');
    if (!name) return undefined;
    const action = await vscode.window.showQuickPick(
      [
        { label: '$(debug-restart) Restart', id: 'restart' },
        { label: '$(output) Show Log', id: 'log' },
      ],
      { placeHolder: name },
    );
    if (action?.id === 'restart') await restartServer(name);
    if (action?.id === 'log') logs.showServer(name);
    return name;
  });

  const openLogs = withErrors('Open Logs', async (arg?: unknown) => {
    if (typeof arg === 'string') {
      logs.showServer(arg);
      return arg;
    }
    const names = [...new Set([...coordinator.servers().map((s) => s.name), ...logs.serverNames()])].sort();
    if (names.length === 0) {
      logs.showEngine();
      return 'engine';
    }
    const pick = await vscode.window.showQuickPick([{ label: 'Strata (engine)', id: '' }, ...names.map((n) => ({ label: `MCP: ${n}`, id: n }))], { placeHolder: 'Which log?' });
    if (!pick) return undefined;
    if (pick.id) logs.showServer(pick.id);
    else logs.showEngine();
    return pick.id || 'engine';
  });

  return [
    vscode.commands.registerCommand('strata.coordinateTask', coordinateTask),
    vscode.commands.registerCommand('strata.showCascade', showCascade),
    vscode.commands.registerCommand('strata.runSession', runSession),
    vscode.commands.registerCommand('strata.resumeSession', resumeSession),
    vscode.commands.registerCommand('strata.cancelSession', cancelSession),
    vscode.commands.registerCommand('strata.retryStep', retryStep),
    vscode.commands.registerCommand('strata.exportPlanMarkdown', exportPlan),
    vscode.commands.registerCommand('strata.showServerHealth', showServerHealth),
    vscode.commands.registerCommand('strata.restartServer', restartServer),
    vscode.commands.registerCommand('strata.openLogs', openLogs),
    vscode.commands.registerCommand('strata.refreshSessions', () => ctx.tree.refresh()),
  ];
}
