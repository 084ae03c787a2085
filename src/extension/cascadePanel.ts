import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Plan } from '../engine/plan/planSchema';
import { planToMarkdown } from '../engine/plan/planMarkdown';
import type { CoordinatorApi } from './coordinatorApi';
import type { StrataLogs } from './logs';
import type { HostMessage, PanelMode, WebviewMessage } from './webviewProtocol';
import { parseWebviewMessage } from './webviewProtocol';

/** The webview panel type (also used by the serializer that restores panels after a reload). */
export const CASCADE_VIEW_TYPE = 'strata.cascade';

/** State the webview keeps with setState and the serializer reads back. */
interface RestoredState {
  readonly mode?: PanelMode;
  readonly session?: { readonly id?: unknown };
  readonly plan?: { readonly task?: unknown };
}

/** What a user did with a preview. */
export type PreviewOutcome = { readonly kind: 'run' | 'draft'; readonly sessionId: string; readonly plan: Plan } | { readonly kind: 'closed'; readonly plan: Plan };

/**
 * One cascade panel: a plan preview (Run / Keep as draft / Correct) that becomes the live view of
 * its session once run or kept. Strict CSP with a nonce, scripts and styles only from dist/media,
 * every incoming message validated with zod (webviewProtocol.ts), updates throttled.
 */
export class CascadePanel implements vscode.Disposable {
  private static readonly panels = new Set<CascadePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private mode: PanelMode;
  private plan: Plan | undefined;
  private sessionId: string | undefined;
  private pendingUpdate: NodeJS.Timeout | undefined;
  private fullUpdate = false;
  private outcome: ((o: PreviewOutcome) => void) | undefined;
  private disposed = false;
  /** Resolves when the user runs, keeps or closes a preview. */
  readonly whenDecided: Promise<PreviewOutcome>;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly coordinator: CoordinatorApi,
    private readonly logs: StrataLogs,
    private readonly lowConfidenceThreshold: () => number,
    init: { mode: PanelMode; plan?: Plan; sessionId?: string },
  ) {
    this.mode = init.mode;
    this.plan = init.plan;
    this.sessionId = init.sessionId;
    this.whenDecided = new Promise((resolve) => (this.outcome = resolve));
    CascadePanel.panels.add(this);
    panel.webview.options = CascadePanel.webviewOptions(extensionUri);
    panel.webview.html = this.html();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'strata.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      // A hidden webview is destroyed (no retainContextWhenHidden); it restores from getState and
      // asks again with 'ready', but a session may have moved on meanwhile: push the latest.
      panel.onDidChangeViewState((e) => (e.webviewPanel.visible ? this.postShow() : undefined)),
      coordinator.onDidChangeSessions((id) => {
        if (this.sessionId && (id === undefined || id === this.sessionId)) this.scheduleUpdate();
      }),
      // Tool counts become known as servers start: re-send the whole view (counts live outside the session).
      coordinator.onDidChangeServers(() => this.scheduleUpdate(true)),
    );
    this.updateTitle();
  }

  /** Webview options: scripts on, resources only from dist/media and media. */
  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  /** Opens a preview of a plan. */
  static preview(extensionUri: vscode.Uri, coordinator: CoordinatorApi, logs: StrataLogs, threshold: () => number, plan: Plan): CascadePanel {
    const panel = vscode.window.createWebviewPanel(CASCADE_VIEW_TYPE, title(plan.task), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, CascadePanel.webviewOptions(extensionUri));
    return new CascadePanel(panel, extensionUri, coordinator, logs, threshold, { mode: 'preview', plan });
  }

  /** Shows (or reveals) the panel of a session. */
  static showSession(extensionUri: vscode.Uri, coordinator: CoordinatorApi, logs: StrataLogs, threshold: () => number, sessionId: string): CascadePanel | undefined {
    for (const p of CascadePanel.panels) {
      if (p.sessionId === sessionId) {
        p.panel.reveal();
        return p;
      }
    }
    const s = coordinator.session(sessionId);
    if (!s) return undefined;
    const panel = vscode.window.createWebviewPanel(CASCADE_VIEW_TYPE, title(s.task), vscode.ViewColumn.Active, CascadePanel.webviewOptions(extensionUri));
    return new CascadePanel(panel, extensionUri, coordinator, logs, threshold, { mode: s.status === 'draft' ? 'draft' : 'session', plan: s.plan, sessionId });
  }

  /** Restores a panel after a window reload (WebviewPanelSerializer). */
  static restore(panel: vscode.WebviewPanel, state: unknown, extensionUri: vscode.Uri, coordinator: CoordinatorApi, logs: StrataLogs, threshold: () => number): void {
    const st = (typeof state === 'object' && state !== null ? state : {}) as RestoredState;
    const id = typeof st.session?.id === 'string' ? st.session.id : undefined;
    const s = id ? coordinator.session(id) : undefined;
    if (s) {
      new CascadePanel(panel, extensionUri, coordinator, logs, threshold, { mode: s.status === 'draft' ? 'draft' : 'session', plan: s.plan, sessionId: s.id });
      return;
    }
    // A preview is not restored as a live preview (its decision promise is gone): re-plan the task as a fresh preview.
    const task = typeof st.plan?.task === 'string' ? st.plan.task : undefined;
    let plan: Plan | undefined;
    try {
      plan = task ? coordinator.plan(task) : undefined;
    } catch {
      plan = undefined;
    }
    new CascadePanel(panel, extensionUri, coordinator, logs, threshold, plan ? { mode: 'preview', plan } : { mode: 'empty' });
  }

  /** The session this panel shows, if any. */
  get session(): string | undefined {
    return this.sessionId;
  }

  /** Posts a message to the webview. */
  private post(m: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(m);
  }

  private postShow(): void {
    const session = this.sessionId ? this.coordinator.session(this.sessionId) : undefined;
    if (session) {
      this.plan = session.plan;
      this.mode = session.status === 'draft' ? 'draft' : 'session';
    }
    this.post({
      type: 'show',
      mode: this.mode,
      plan: this.plan,
      ...(session ? { session } : {}),
      lowConfidenceThreshold: this.lowConfidenceThreshold(),
      toolCounts: this.coordinator.toolCounts(),
    });
    this.updateTitle();
  }

  /** Coalesces bursts of session events into one update per 100 ms (`full` also re-sends tool counts). */
  private scheduleUpdate(full = false): void {
    this.fullUpdate ||= full;
    if (this.pendingUpdate || this.disposed) return;
    this.pendingUpdate = setTimeout(() => {
      this.pendingUpdate = undefined;
      if (this.fullUpdate) {
        this.fullUpdate = false;
        this.postShow();
        return;
      }
      const s = this.sessionId ? this.coordinator.session(this.sessionId) : undefined;
      if (s) {
        this.post({ type: 'session', session: s });
        this.updateTitle();
      }
    }, 100);
  }

  private updateTitle(): void {
    const s = this.sessionId ? this.coordinator.session(this.sessionId) : undefined;
    const task = s?.task ?? this.plan?.task;
    this.panel.title = task ? title(task, this.mode === 'preview' ? 'preview' : s?.status) : 'Strata';
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.logs.warn(`cascade panel: ${parsed.error}`);
      return;
    }
    const m = parsed.message;
    try {
      await this.handle(m);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logs.error(`cascade panel: ${m.type} failed`, e);
      this.post({ type: 'error', message: `${m.type} failed: ${message}` });
    }
  }

  private async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.postShow();
        return;
      case 'correct': {
        if (!this.plan || this.mode !== 'preview') return;
        const before = this.plan;
        this.post({ type: 'busy', busy: true, message: 'Recomputing the plan…' });
        this.plan = this.coordinator.plan(before.task, m.corrections);
        void this.coordinator.recordCorrection(before, m.corrections).catch((e: unknown) => this.logs.error('could not record the correction', e));
        this.logs.info(`plan corrected by the user: ${JSON.stringify(m.corrections)} → ${this.plan.complexity}, ${this.plan.steps.length} steps`);
        this.postShow();
        return;
      }
      case 'run':
      case 'keepDraft': {
        if (!this.plan) return;
        if (this.mode === 'preview') {
          this.post({ type: 'busy', busy: true, message: m.type === 'run' ? 'Starting the session…' : 'Saving the draft…' });
          this.sessionId = await this.coordinator.createSession(this.plan);
          this.mode = 'draft';
        }
        if (!this.sessionId) return;
        if (m.type === 'run') {
          await this.coordinator.runSession(this.sessionId);
          this.mode = 'session';
        }
        this.outcome?.({ kind: m.type === 'run' ? 'run' : 'draft', sessionId: this.sessionId, plan: this.plan });
        this.postShow();
        return;
      }
      case 'export': {
        const plan = this.plan;
        if (!plan) return;
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: planToMarkdown(plan) });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        return;
      }
      case 'cancelSession':
        await this.coordinator.cancelSession(m.sessionId);
        return;
      case 'retryStep':
        await this.coordinator.retryStep(m.sessionId, m.stepId);
        return;
      case 'approve':
        await this.coordinator.answer(m.sessionId, m.requestId, m.approved ? { kind: 'approve' } : { kind: 'deny', reason: 'denied in the cascade view' });
        return;
      case 'manualCall':
        await this.coordinator.answer(m.sessionId, m.requestId, { kind: 'manual-call', server: m.server, tool: m.tool, args: m.args });
        return;
      case 'manualDone':
        await this.coordinator.answer(m.sessionId, m.requestId, { kind: 'manual-done', note: m.note });
        return;
      case 'decide':
        await this.coordinator.decide(m.sessionId, m.requestId, m.choice);
        return;
      case 'openLog':
        if (m.server) this.logs.showServer(m.server);
        else this.logs.showEngine();
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media', 'cascade.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'media', 'cascade.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Strata cascade</title>
</head>
<body>
<div id="root" data-testid="cascade-root" data-state="empty"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    CascadePanel.panels.delete(this);
    if (this.pendingUpdate) clearTimeout(this.pendingUpdate);
    if (this.plan) this.outcome?.({ kind: 'closed', plan: this.plan });
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  /** Disposes every open panel (deactivation). */
  static disposeAll(): void {
    for (const p of [...CascadePanel.panels]) p.dispose();
  }
}

function title(task: string, status?: string): string {
  const t = task.replace(/\s+/g, ' ').trim();
  const short = t.length > 40 ? `${t.slice(0, 39)}…` : t;
  return `Strata: ${short}${status ? ` (${status})` : ''}`;
}

function makeNonce(): string {
  return randomBytes(24).toString('base64url');
}
