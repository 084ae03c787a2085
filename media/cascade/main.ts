/**
 * The cascade webview: renders a plan (preview / draft / live session) as five lanes L0→L4 with
 * persona cards, hand-off arrows, evidence, approval prompts and manual-agent forms.
 * It only talks to the host through postMessage (types from webviewProtocol, validated on the host).
 * Every string is rendered with textContent (see dom.ts). State is kept with setState so a hidden
 * panel restores without a round trip.
 */
import type { HostMessage, PanelMode, WebviewMessage } from '../../src/extension/webviewProtocol';
import type { Plan, PlanStep } from '../../src/engine/plan/planSchema';
import type { SessionView, StepView, WaitingView } from '../../src/extension/sessionView';
import { h, pct, slug } from './dom';
import { buildSchemaForm } from './schemaForm';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

const LAYER_NAMES: Record<string, string> = {
  L0: 'Meta-Control',
  L1: 'Strategy',
  L2: 'Workflow',
  L3: 'Tool Experts',
  L4: 'Execution Wrappers',
};
const AREAS = ['backend', 'frontend', 'database', 'containers/kubernetes', 'observability', 'testing', 'CI/CD', 'infrastructure/cloud', 'security', 'data pipelines'] as const;
const CONCERNS = ['product', 'architecture', 'compliance'] as const;
const COMPLEXITIES = ['low', 'medium', 'high', 'extreme'] as const;

interface ViewState {
  mode: PanelMode;
  plan: Plan | undefined;
  session: SessionView | undefined;
  threshold: number;
  toolCounts: Record<string, number>;
  correcting: boolean;
  busy: string | undefined;
  error: string | undefined;
}

const saved = vscode.getState() as Partial<ViewState> | undefined;
let state: ViewState = {
  mode: saved?.mode ?? 'empty',
  plan: saved?.plan,
  session: saved?.session,
  threshold: saved?.threshold ?? 0.6,
  toolCounts: saved?.toolCounts ?? {},
  correcting: false,
  busy: undefined,
  error: undefined,
};

const root = document.getElementById('root')!;
/** Element to refocus after a re-render (keyboard users keep their place). */
let refocus: string | undefined;

function post(m: WebviewMessage): void {
  vscode.postMessage(m);
}

function persist(): void {
  vscode.setState({ mode: state.mode, plan: state.plan, session: state.session, threshold: state.threshold, toolCounts: state.toolCounts });
}

window.addEventListener('message', (ev: MessageEvent<HostMessage>) => {
  const m = ev.data;
  const planChanged = m.type === 'show' && m.plan?.id !== state.plan?.id;
  switch (m.type) {
    case 'show':
      state = { ...state, mode: m.mode, plan: m.plan, session: m.session, threshold: m.lowConfidenceThreshold, toolCounts: { ...m.toolCounts }, busy: undefined, error: undefined, correcting: state.correcting && m.mode === 'preview' };
      break;
    case 'session':
      if (state.session && state.session.id !== m.session.id) return;
      state = { ...state, session: m.session, plan: m.session.plan, mode: m.session.status === 'draft' ? 'draft' : 'session' };
      break;
    case 'busy':
      state = { ...state, busy: m.busy ? (m.message ?? 'Working…') : undefined };
      break;
    case 'error':
      state = { ...state, error: m.message, busy: undefined };
      break;
    default: {
      const never: never = m;
      void never;
      return;
    }
  }
  persist();
  // A different plan (corrected, or another session) starts from fresh fields; live updates keep what the user typed.
  render(!(m.type === 'show' && planChanged));
});

/** What the user typed or opened, so a live update (another step changed) does not wipe it. */
interface UiSnapshot {
  readonly values: Map<string, { value: string; checked: boolean; select: boolean }>;
  readonly open: Set<string>;
}

function snapshotUi(): UiSnapshot {
  const values = new Map<string, { value: string; checked: boolean; select: boolean }>();
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[id], select[id], textarea[id]')) {
    values.set(el.id, { value: el.value, checked: el instanceof HTMLInputElement && el.checked, select: el instanceof HTMLSelectElement });
  }
  const open = new Set<string>();
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details[data-testid]')) if (d.open) open.add(d.dataset.testid!);
  return { values, open };
}

function restoreUi(snap: UiSnapshot): void {
  // Selects first: choosing a tool rebuilds its argument fields, which are restored next.
  for (const sel of root.querySelectorAll<HTMLSelectElement>('select[id]')) {
    const v = snap.values.get(sel.id);
    if (v && v.select && sel.value !== v.value && [...sel.options].some((o) => o.value === v.value)) {
      sel.value = v.value;
      sel.dispatchEvent(new Event('change'));
    }
  }
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[id], textarea[id]')) {
    const v = snap.values.get(el.id);
    if (!v) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v.checked;
    else el.value = v.value;
  }
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details[data-testid]')) if (snap.open.has(d.dataset.testid!)) d.open = true;
}

function render(keepInput = true): void {
  const active = document.activeElement as HTMLElement | null;
  refocus = active?.dataset.testid ?? refocus;
  const snap = keepInput ? snapshotUi() : undefined;
  root.replaceChildren(view());
  if (snap) restoreUi(snap);
  root.setAttribute('data-state', state.mode);
  if (refocus) {
    const el = root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(refocus)}"]`);
    el?.focus();
  }
  refocus = undefined;
}

function view(): HTMLElement {
  const { plan } = state;
  const main = h('main', { class: 'cascade' });
  if (state.busy) main.append(h('div', { class: 'busy', role: 'status', 'data-testid': 'busy' }, h('span', { class: 'codicon-spin' }, '⟳'), ' ', state.busy));
  if (state.error) main.append(h('div', { class: 'error-banner', role: 'alert', 'data-testid': 'error' }, state.error));
  if (!plan) {
    main.append(h('p', { class: 'muted', 'data-testid': 'empty' }, 'No plan yet. Run “Strata: Coordinate Task”.'));
    return main;
  }
  main.append(header(plan));
  if (state.correcting && state.mode === 'preview') main.append(correctionPanel(plan));
  main.append(lanes(plan));
  if (plan.unassignedServers.length) {
    main.append(
      h(
        'section',
        { class: 'unassigned', 'data-testid': 'plan-unassigned-servers', 'aria-label': 'Servers given to no persona' },
        h('h3', {}, 'Servers given to no persona'),
        h('ul', {}, ...plan.unassignedServers.map((u) => h('li', {}, h('code', {}, u.server), ` — ${u.why}`))),
      ),
    );
  }
  return main;
}

function header(plan: Plan): HTMLElement {
  const cascade = plan.layers.filter((l) => l.included).map((l) => l.layer).join(' → ');
  const low = plan.confidence < state.threshold;
  const session = state.session;
  const hdr = h(
    'header',
    { class: 'plan-header' },
    h('h1', { class: 'task', 'data-testid': 'plan-task' }, plan.task),
    h(
      'div',
      { class: 'facts' },
      fact('Complexity', h('span', { class: `badge complexity-${plan.complexity}`, 'data-testid': 'plan-complexity' }, plan.complexity)),
      fact('Cascade', h('span', { 'data-testid': 'plan-cascade' }, cascade)),
      fact('Confidence', h('span', { class: low ? 'badge warn' : 'badge', 'data-testid': 'plan-confidence' }, pct(plan.confidence))),
      session ? fact('Status', h('span', { class: `badge status-${session.status}`, 'data-testid': 'session-status', 'data-status': session.status }, session.status)) : undefined,
      session?.usage ? fact('Tool calls', h('span', {}, String(session.usage.toolCalls))) : undefined,
    ),
  );
  if (low) {
    hdr.append(
      h(
        'div',
        { class: 'low-confidence', role: 'note', 'data-testid': 'plan-low-confidence' },
        h('strong', {}, 'Low confidence. '),
        `The analysis is unsure about this task (${pct(plan.confidence)} < ${pct(state.threshold)}). Check the areas and complexity below`,
        state.mode === 'preview' ? ' and correct them if needed. ' : '.',
        state.mode === 'preview' && !state.correcting
          ? button('Check the analysis', 'plan-low-confidence-check', () => {
              state.correcting = true;
              refocus = 'correct-complexity';
              render();
            })
          : undefined,
      ),
    );
  }
  hdr.append(
    h('div', { class: 'chips', 'data-testid': 'plan-areas', 'aria-label': 'Areas' }, h('span', { class: 'chips-label' }, 'Areas:'), ...(plan.areas.length ? plan.areas.map((a) => chip(a.area, `area-${slug(a.area)}`, a.evidence.map((e) => e.phrase).join(', '))) : [h('span', { class: 'muted' }, 'none (generalist or strategy-only)')])),
    h('div', { class: 'chips', 'data-testid': 'plan-concerns', 'aria-label': 'Concerns' }, h('span', { class: 'chips-label' }, 'Concerns:'), ...(plan.concerns.length ? plan.concerns.map((c) => chip(c.concern, `concern-${slug(c.concern)}`, c.evidence.map((e) => e.phrase).join(', '))) : [h('span', { class: 'muted' }, 'none')])),
  );
  const why = h('details', { class: 'why', 'data-testid': 'plan-why' }, h('summary', {}, 'Why this plan'));
  why.append(h('ul', {}, ...plan.complexityReasons.map((r) => h('li', {}, r)), h('li', {}, `Strategy: ${plan.strategy}; live operation: ${plan.liveOps ? 'yes' : 'no'}`), h('li', {}, `Confidence: ${plan.confidenceWhy}`)));
  if (plan.corrections) why.append(h('p', { class: 'muted', 'data-testid': 'plan-corrected' }, `Corrected by you: ${describeCorrections(plan.corrections)}`));
  hdr.append(why);
  hdr.append(actions());
  return hdr;
}

function describeCorrections(c: NonNullable<Plan['corrections']>): string {
  const parts: string[] = [];
  if (c.addAreas?.length) parts.push(`added ${c.addAreas.join(', ')}`);
  if (c.removeAreas?.length) parts.push(`removed ${c.removeAreas.join(', ')}`);
  if (c.addConcerns?.length) parts.push(`added concern ${c.addConcerns.join(', ')}`);
  if (c.removeConcerns?.length) parts.push(`removed concern ${c.removeConcerns.join(', ')}`);
  if (c.complexity) parts.push(`complexity ${c.complexity}`);
  if (c.liveOps !== undefined) parts.push(`live operation ${c.liveOps ? 'on' : 'off'}`);
  return parts.join('; ') || 'none';
}

function fact(label: string, value: HTMLElement): HTMLElement {
  return h('div', { class: 'fact' }, h('span', { class: 'fact-label' }, label), value);
}

function chip(text: string, testid: string, title: string): HTMLElement {
  return h('span', { class: 'chip', 'data-testid': testid, title: title ? `Evidence: ${title}` : undefined }, text);
}

function button(label: string, testid: string, onClick: () => void, opts: { primary?: boolean; disabled?: boolean; title?: string } = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', class: opts.primary ? 'primary' : 'secondary', 'data-testid': testid, disabled: opts.disabled || !!state.busy, title: opts.title }, label);
  b.addEventListener('click', onClick);
  return b;
}

function actions(): HTMLElement {
  const bar = h('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Plan actions' });
  const s = state.session;
  if (state.mode === 'preview' || state.mode === 'draft') {
    bar.append(button('Run', 'action-run', () => post({ type: 'run' }), { primary: true, title: 'Start a session that runs this plan' }));
    if (state.mode === 'preview') {
      bar.append(button('Keep as draft', 'action-draft', () => post({ type: 'keepDraft' })));
      bar.append(
        button(state.correcting ? 'Hide correction' : 'Correct…', 'action-correct', () => {
          state.correcting = !state.correcting;
          refocus = state.correcting ? 'correct-complexity' : 'action-correct';
          render();
        }),
      );
    }
  }
  if (s && (s.status === 'running' || s.status === 'waiting' || s.status === 'interrupted' || s.status === 'planned')) {
    bar.append(button('Cancel session', 'action-cancel', () => post({ type: 'cancelSession', sessionId: s.id })));
  }
  bar.append(button('Export Markdown', 'action-export', () => post({ type: 'export' })));
  return bar;
}

function correctionPanel(plan: Plan): HTMLElement {
  const present = new Set<string>(plan.areas.map((a) => a.area));
  const concerns = new Set<string>(plan.concerns.map((c) => c.concern));
  const form = h('form', { class: 'correction', 'data-testid': 'correction-panel', 'aria-label': 'Correct the analysis' });
  form.append(h('p', {}, 'Tick what the task really touches. The plan is recomputed by the routing rules when you apply, and your correction is kept with the session.'));
  const areaBoxes = AREAS.map((a) => {
    const id = `c-area-${slug(a)}`;
    const cb = h('input', { type: 'checkbox', id, 'data-testid': `correct-area-${slug(a)}`, checked: present.has(a), value: a });
    return { a, cb, el: h('label', { for: id, class: 'check' }, cb, ` ${a}`) };
  });
  const concernBoxes = CONCERNS.map((c) => {
    const id = `c-concern-${c}`;
    const cb = h('input', { type: 'checkbox', id, 'data-testid': `correct-concern-${c}`, checked: concerns.has(c), value: c });
    return { c, cb, el: h('label', { for: id, class: 'check' }, cb, ` ${c}`) };
  });
  const sel = h('select', { id: 'c-complexity', 'data-testid': 'correct-complexity' }, h('option', { value: 'auto' }, `auto (${plan.corrections?.complexity ? 'computed' : plan.complexity})`), ...COMPLEXITIES.map((c) => h('option', { value: c }, c)));
  sel.value = plan.corrections?.complexity ?? 'auto';
  form.append(
    h('fieldset', {}, h('legend', {}, 'Areas'), h('div', { class: 'checks' }, ...areaBoxes.map((x) => x.el))),
    h('fieldset', {}, h('legend', {}, 'L1 concerns'), h('div', { class: 'checks' }, ...concernBoxes.map((x) => x.el))),
    h('div', { class: 'field' }, h('label', { for: 'c-complexity' }, 'Complexity'), sel),
  );
  const apply = button('Apply and recompute', 'correct-apply', () => {
    // Start from the corrections already applied so a second round adds to the first.
    const prev = plan.corrections ?? {};
    const base = new Set<string>(plan.areas.map((a) => a.area));
    const baseConcerns = new Set<string>(plan.concerns.map((c) => c.concern));
    const addAreas = new Set<string>(prev.addAreas ?? []);
    const removeAreas = new Set<string>(prev.removeAreas ?? []);
    for (const { a, cb } of areaBoxes) {
      if (cb.checked && !base.has(a)) (addAreas.add(a), removeAreas.delete(a));
      if (!cb.checked && base.has(a)) (removeAreas.add(a), addAreas.delete(a));
    }
    const addConcerns = new Set<string>(prev.addConcerns ?? []);
    const removeConcerns = new Set<string>(prev.removeConcerns ?? []);
    for (const { c, cb } of concernBoxes) {
      if (cb.checked && !baseConcerns.has(c)) (addConcerns.add(c), removeConcerns.delete(c));
      if (!cb.checked && baseConcerns.has(c)) (removeConcerns.add(c), addConcerns.delete(c));
    }
    const corrections: Extract<WebviewMessage, { type: 'correct' }>['corrections'] = {};
    if (addAreas.size) corrections.addAreas = [...addAreas] as typeof corrections.addAreas;
    if (removeAreas.size) corrections.removeAreas = [...removeAreas] as typeof corrections.removeAreas;
    if (addConcerns.size) corrections.addConcerns = [...addConcerns] as typeof corrections.addConcerns;
    if (removeConcerns.size) corrections.removeConcerns = [...removeConcerns] as typeof corrections.removeConcerns;
    if (sel.value !== 'auto') corrections.complexity = sel.value as (typeof COMPLEXITIES)[number];
    if (prev.liveOps !== undefined) corrections.liveOps = prev.liveOps;
    refocus = 'plan-complexity';
    post({ type: 'correct', corrections });
  }, { primary: true });
  const cancel = button('Close', 'correct-cancel', () => {
    state.correcting = false;
    refocus = 'action-correct';
    render();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(h('div', { class: 'actions' }, apply, cancel));
  return form;
}

function lanes(plan: Plan): HTMLElement {
  const wrap = h('section', { class: 'lanes', 'aria-label': 'Cascade' });
  const steps = new Map<string, StepView>((state.session?.steps ?? []).map((s) => [s.id, s]));
  let prevIncluded: string | undefined;
  for (const decision of plan.layers) {
    const layerSteps = plan.steps.filter((s) => s.layer === decision.layer);
    if (decision.included && prevIncluded) {
      const objective = layerSteps.map((s) => s.handoff.objective).find(Boolean);
      wrap.append(
        h(
          'div',
          { class: 'handoff', 'data-testid': `handoff-${prevIncluded}-${decision.layer}`, 'aria-label': `Hand-off from ${prevIncluded} to ${decision.layer}` },
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, '↓'),
          h('span', { class: 'handoff-text' }, `hand-off ${prevIncluded} → ${decision.layer}${objective ? `: ${objective}` : ''}`),
        ),
      );
    }
    const lane = h(
      'section',
      { class: `lane ${decision.included ? 'included' : 'excluded'}`, 'data-testid': `lane-${decision.layer}`, 'data-included': String(decision.included), 'aria-label': `${decision.layer} ${LAYER_NAMES[decision.layer] ?? ''}` },
      h(
        'div',
        { class: 'lane-head' },
        h('h2', {}, h('span', { class: 'layer-id' }, decision.layer), ' ', LAYER_NAMES[decision.layer] ?? ''),
        layerSteps.length > 1 ? h('span', { class: 'badge parallel', 'data-testid': `parallel-${decision.layer}`, title: 'These personas run in parallel' }, `parallel ×${layerSteps.length}`) : undefined,
        h('p', { class: 'lane-why', 'data-testid': `lane-why-${decision.layer}` }, decision.included ? decision.why : `Not in the cascade: ${decision.why}`),
      ),
    );
    if (decision.included) {
      lane.append(h('div', { class: 'cards' }, ...layerSteps.map((s) => card(s, steps.get(s.id)))));
      prevIncluded = decision.layer;
    }
    wrap.append(lane);
  }
  return wrap;
}

function card(step: PlanStep, live: StepView | undefined): HTMLElement {
  const status = live?.status ?? 'planned';
  const p = step.persona;
  const c = h('article', { class: `card status-${status}`, tabindex: 0, 'data-testid': `persona-card-${p}`, 'data-status': status, 'aria-label': `${p}: ${status}` });
  // Enter on a focused card opens or closes its evidence (the card itself is the keyboard target).
  c.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.target !== c) return;
    const d = c.querySelector('details');
    if (d) d.open = !d.open;
    e.preventDefault();
  });
  c.append(
    h('div', { class: 'card-head' }, h('h3', {}, p), h('span', { class: `badge status-${status}`, 'data-testid': `persona-status-${p}` }, status)),
    h(
      'div',
      { class: 'card-meta' },
      h('span', { 'data-testid': `persona-confidence-${p}` }, `confidence ${pct(step.confidence)}`),
      live && live.attempts > 1 ? h('span', {}, ` · attempt ${live.attempts}`) : undefined,
      live && live.toolCalls ? h('span', {}, ` · ${live.toolCalls} tool call${live.toolCalls === 1 ? '' : 's'}`) : undefined,
      step.dependsOn.length ? h('span', { class: 'muted' }, ` · after ${step.dependsOn.join(', ')}`) : undefined,
    ),
  );
  const servers = h('ul', { class: 'servers', 'data-testid': `persona-servers-${p}`, 'aria-label': 'Servers' });
  for (const s of step.servers) {
    const count = s.toolCount ?? state.toolCounts[s.server];
    servers.append(h('li', { 'data-testid': `server-${slug(s.server)}`, title: `${s.why} (${s.capabilities.join(', ')})` }, h('code', {}, s.server), count !== undefined ? h('span', { class: 'muted' }, ` ${count} tool${count === 1 ? '' : 's'}`) : undefined));
  }
  if (step.servers.length === 0) servers.append(h('li', { class: 'muted' }, 'no servers'));
  c.append(servers);
  if (step.uncoveredNeeds.length) c.append(h('p', { class: 'uncovered' }, `No server for: ${step.uncoveredNeeds.join(', ')}`));
  if (live?.summary) c.append(h('p', { class: 'summary' }, live.summary));
  if (live?.error) c.append(h('p', { class: 'step-error', role: 'alert', 'data-testid': `step-error-${p}` }, live.error));
  const ev = h('details', { class: 'evidence', 'data-testid': `evidence-${p}` }, h('summary', {}, 'Why and evidence'));
  ev.append(h('p', {}, step.why));
  if (step.evidence.length) ev.append(h('ul', {}, ...step.evidence.map((e) => h('li', {}, h('q', {}, e.phrase), h('span', { class: 'muted' }, ` ${e.rule} (weight ${e.weight.toFixed(2)})`)))));
  ev.append(h('p', { class: 'muted' }, `Hand-off objective: ${step.handoff.objective}`));
  if (step.handoff.acceptanceCriteria.length) ev.append(h('p', { class: 'muted' }, `Accepted when: ${step.handoff.acceptanceCriteria.join('; ')}`));
  c.append(ev);
  const s = state.session;
  if (s && live?.waiting) c.append(waitingView(s, live, live.waiting));
  if (s && (status === 'failed' || status === 'escalated' || status === 'cancelled' || status === 'skipped')) {
    c.append(h('div', { class: 'actions' }, button('Retry step', `step-retry-${p}`, () => post({ type: 'retryStep', sessionId: s.id, stepId: step.id }))));
  }
  return c;
}

function waitingView(s: SessionView, step: StepView, w: WaitingView): HTMLElement {
  const p = step.persona;
  switch (w.kind) {
    case 'approval': {
      const box = h('div', { class: 'approval', role: 'group', 'data-testid': `approval-${p}`, 'aria-label': 'Approval needed' });
      box.append(
        h('p', {}, h('strong', {}, 'Approve tool call? '), h('code', {}, `${w.server}/${w.tool}`), w.readOnly ? ' (read-only)' : ' (may change things)'),
        h('pre', { class: 'args' }, JSON.stringify(w.args, null, 2)),
        h(
          'div',
          { class: 'actions' },
          button('Approve', 'approval-approve', () => post({ type: 'approve', sessionId: s.id, stepId: step.id, requestId: w.requestId, approved: true }), { primary: true }),
          button('Deny', 'approval-deny', () => post({ type: 'approve', sessionId: s.id, stepId: step.id, requestId: w.requestId, approved: false })),
        ),
      );
      return box;
    }
    case 'manual':
      return manualForm(s, step, w);
    case 'decision': {
      const box = h('div', { class: 'approval', role: 'group', 'data-testid': `decision-${p}` }, h('p', {}, w.reason));
      box.append(h('div', { class: 'actions' }, ...w.options.map((o, i) => button(o, `decision-${slug(o)}`, () => post({ type: 'decide', sessionId: s.id, stepId: step.id, requestId: w.requestId, choice: o }), { primary: i === 0 }))));
      return box;
    }
    default: {
      const never: never = w;
      return never;
    }
  }
}

/** The tool (server/name) last chosen per step, so the form keeps it across the new wait that follows each call. */
const lastToolChoice = new Map<string, string>();

function manualForm(s: SessionView, step: StepView, w: Extract<WaitingView, { kind: 'manual' }>): HTMLElement {
  const p = step.persona;
  const box = h('form', { class: 'manual', 'data-testid': `manual-form-${p}`, 'aria-label': `Do ${p}'s step by hand` });
  box.addEventListener('submit', (e) => e.preventDefault());
  box.append(h('p', {}, h('strong', {}, 'Your turn. '), w.objective));
  const selId = `m-tool-${slug(step.id)}`;
  const sel = h('select', { id: selId, 'data-testid': 'manual-tool-select' }, ...w.tools.map((t, i) => h('option', { value: String(i) }, `${t.server}/${t.name}${t.readOnly ? ' (read-only)' : ''}`)));
  const fields = h('div', { class: 'manual-fields' });
  const desc = h('p', { class: 'muted' });
  const remembered = w.tools.findIndex((t) => `${t.server}/${t.name}` === lastToolChoice.get(step.id));
  if (remembered >= 0) sel.value = String(remembered);
  let form: ReturnType<typeof buildSchemaForm> | undefined;
  const showTool = () => {
    const t = w.tools[Number(sel.value)];
    if (t) lastToolChoice.set(step.id, `${t.server}/${t.name}`);
    form = t ? buildSchemaForm(t.inputSchema, `m-${slug(step.id)}`) : undefined;
    desc.textContent = t?.description ?? '';
    fields.replaceChildren(...(form ? [form.element] : []));
  };
  sel.addEventListener('change', showTool);
  const errors = h('ul', { class: 'form-errors', role: 'alert', 'data-testid': 'manual-errors' });
  if (w.tools.length) {
    box.append(h('div', { class: 'field' }, h('label', { for: selId }, 'Tool'), sel), desc, fields);
    showTool();
    box.append(
      errors,
      h(
        'div',
        { class: 'actions' },
        button('Call tool', 'manual-submit', () => {
          const t = w.tools[Number(sel.value)];
          if (!t || !form) return;
          const r = form.read();
          if (!r.ok) {
            errors.replaceChildren(...r.errors.map((e) => h('li', {}, e)));
            return;
          }
          errors.replaceChildren();
          post({ type: 'manualCall', sessionId: s.id, stepId: step.id, requestId: w.requestId, server: t.server, tool: t.name, args: r.args });
        }, { primary: true }),
      ),
    );
  } else {
    box.append(h('p', { class: 'muted' }, 'No tools are assigned to this persona: do the work yourself and mark the step done.'));
  }
  if (w.lastResult) box.append(h('pre', { class: 'result', 'data-testid': 'manual-last-result' }, w.lastResult));
  const noteId = `m-note-${slug(step.id)}`;
  const note = h('textarea', { id: noteId, rows: 2, 'data-testid': 'manual-note', placeholder: 'What was done (hand-off to the next layer)' });
  box.append(
    h('div', { class: 'field' }, h('label', { for: noteId }, 'Note'), note),
    h('div', { class: 'actions' }, button('Mark step done', 'manual-done', () => post({ type: 'manualDone', sessionId: s.id, stepId: step.id, requestId: w.requestId, note: note.value }))),
  );
  return box;
}

render();
post({ type: 'ready' });
