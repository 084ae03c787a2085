/**
 * What the status bar shows, as plain data (vscode-free, unit-tested): servers healthy/total,
 * open circuits, failed servers, running sessions, and a severity for the background colour.
 */

/** One server's line in the tooltip. */
export interface ServerStatusLine {
  readonly name: string;
  readonly state: 'stopped' | 'starting' | 'healthy' | 'degraded' | 'circuit-open' | 'failed';
  readonly detail: string;
}

export interface StatusInput {
  readonly servers: readonly ServerStatusLine[];
  readonly runningSessions: number;
  readonly waitingSessions: number;
}

export interface StatusView {
  /** Status bar text with codicons. */
  readonly text: string;
  /** `error` → errorBackground, `warning` → warningBackground. */
  readonly severity: 'ok' | 'warning' | 'error';
  /** Markdown for the tooltip (server names are escaped by the caller's MarkdownString). */
  readonly tooltipLines: readonly string[];
  readonly accessibility: string;
}

const ICON: Record<ServerStatusLine['state'], string> = {
  healthy: '$(pass)',
  starting: '$(sync)',
  stopped: '$(circle-outline)',
  degraded: '$(warning)',
  'circuit-open': '$(circle-slash)',
  failed: '$(error)',
};

/** Escapes Markdown control characters in untrusted text (server names, reasons). */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** Builds the status bar view. Stopped servers count as fine: they start lazily. */
export function statusView(input: StatusInput): StatusView {
  const total = input.servers.length;
  const healthy = input.servers.filter((s) => s.state === 'healthy').length;
  const idle = input.servers.filter((s) => s.state === 'stopped').length;
  const open = input.servers.filter((s) => s.state === 'circuit-open').length;
  const failed = input.servers.filter((s) => s.state === 'failed').length;
  const degraded = input.servers.filter((s) => s.state === 'degraded').length;
  const parts = [`$(layers) ${healthy}/${total}`];
  if (open) parts.push(`$(circle-slash) ${open}`);
  if (failed) parts.push(`$(error) ${failed}`);
  if (input.runningSessions) parts.push(`$(sync~spin) ${input.runningSessions}`);
  if (input.waitingSessions) parts.push(`$(bell-dot) ${input.waitingSessions}`);
  const severity: StatusView['severity'] = failed || open ? 'error' : degraded ? 'warning' : 'ok';
  const lines = [
    `**Strata** — MCP servers: ${healthy} healthy of ${total}${idle ? ` (${idle} not started yet; they start when a session needs them)` : ''}`,
    open ? `${open} open circuit${open > 1 ? 's' : ''}` : '',
    `Sessions: ${input.runningSessions} running, ${input.waitingSessions} waiting for you`,
    '',
    ...input.servers.map((s) => `${ICON[s.state]} \`${s.name.replace(/`/g, "'")}\` — ${escapeMarkdown(s.detail)}`),
    '',
    'Click for server actions (restart, show log).',
  ].filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== ''));
  return {
    text: parts.join('  '),
    severity,
    tooltipLines: lines,
    accessibility: `Strata: ${healthy} of ${total} MCP servers healthy, ${open} open circuits, ${failed} failed, ${input.runningSessions} sessions running, ${input.waitingSessions} waiting`,
  };
}
