import type { AssignableServer } from '../engine/catalog/assignableServer';
import type { KnownServer } from '../engine/catalog/knownServers';
import { LAYER_IDS, type LayerId } from '../engine/catalog/layers';
import type { Capability } from '../engine/catalog/personas';
import type { ToolDescriptor } from '../engine/tools/toolGateway';
import type { ConfiguredServer } from './serverConfig';

/** A user's classification override for one configured server (Strata setting). Overrides win. */
export interface ServerOverride {
  /** Treat the server as this knowledge-base entry. */
  readonly knownId?: string;
  /** Explicit tags (used together with or instead of `knownId`). */
  readonly layers?: readonly LayerId[];
  readonly capabilities?: readonly Capability[];
}

/** Inputs of {@link classifyServers}. */
export interface ClassifyOptions {
  /** The knowledge base (the catalog's `servers`). */
  readonly knownServers: readonly KnownServer[];
  /** Tool lists from `tools/list`, for servers the KB does not know. */
  readonly tools?: ReadonlyMap<string, readonly ToolDescriptor[]>;
  readonly overrides?: Readonly<Record<string, ServerOverride>>;
}

/** How a configured server matched a KB entry. */
export interface KnownMatch {
  readonly known: KnownServer;
  /** E.g. `package "@modelcontextprotocol/server-memory" in args`. */
  readonly matchedBy: string;
}

const basename = (cmd: string): string => cmd.split(/[\\/]/).pop()!.replace(/\.(exe|cmd|bat|ps1|js|mjs)$/i, '').toLowerCase();
const CONTAINER_RUNTIMES = new Set(['docker', 'podman', 'nerdctl']);

/**
 * Matches a configured server against the KB's package, command, image and URL patterns
 * (case-insensitive substrings). The longest matching pattern wins over all entries, so
 * `mcp-server-gitlab` is GitLab, not Git.
 */
export function matchKnownServer(server: ConfiguredServer, known: readonly KnownServer[]): KnownMatch | undefined {
  let best: { match: KnownMatch; length: number } | undefined;
  const consider = (k: KnownServer, pattern: string, matchedBy: string): void => {
    if (!best || pattern.length > best.length) best = { match: { known: k, matchedBy }, length: pattern.length };
  };
  const t = server.transport;
  for (const k of known) {
    if (t.kind === 'stdio') {
      const cmd = basename(t.command);
      const tokens = [t.command, ...t.args].map((a) => a.toLowerCase());
      const isContainer = CONTAINER_RUNTIMES.has(cmd);
      for (const p of k.match.packages) {
        const pl = p.toLowerCase();
        if (!isContainer && tokens.some((a) => a.includes(pl))) consider(k, pl, `package "${p}" in the command line`);
      }
      for (const c of k.match.commands) if (cmd.includes(c.toLowerCase())) consider(k, c.toLowerCase(), `command "${c}"`);
      if (isContainer) {
        for (const img of k.match.images) if (t.args.some((a) => a.toLowerCase().includes(img.toLowerCase()))) consider(k, img.toLowerCase(), `image "${img}"`);
      }
    } else {
      const url = t.url.toLowerCase();
      for (const u of k.match.urls) if (url.includes(u.toLowerCase())) consider(k, u.toLowerCase(), `url contains "${u}"`);
    }
  }
  return best?.match;
}

/**
 * Keyword → capability table for servers the KB does not know (documented in docs/mcp.md).
 * Keywords match whole words of tool names and descriptions (snake, kebab and camel case split).
 */
export const CAPABILITY_KEYWORDS: Readonly<Record<Capability, readonly string[]>> = {
  files: ['file', 'files', 'directory', 'directories', 'folder', 'path', 'filesystem'],
  code: ['code', 'symbol', 'symbols', 'refactor', 'source', 'edit'],
  vcs: ['git', 'commit', 'commits', 'branch', 'branches', 'merge', 'diff', 'repository', 'repo', 'pull'],
  issues: ['issue', 'issues', 'ticket', 'tickets', 'jira', 'epic', 'backlog'],
  ci: ['pipeline', 'pipelines', 'workflow', 'workflows', 'ci', 'build', 'builds', 'job', 'jobs'],
  memory: ['memory', 'entity', 'entities', 'observation', 'observations', 'relation', 'relations', 'graph', 'remember'],
  reasoning: ['thinking', 'thought', 'thoughts', 'reasoning', 'reflect'],
  docs: ['documentation', 'docs', 'doc', 'confluence', 'wiki', 'library'],
  web: ['fetch', 'url', 'webpage', 'html', 'scrape', 'download'],
  'web-search': ['search', 'web', 'brave', 'google', 'bing'],
  notify: ['slack', 'notify', 'notification', 'channel', 'post', 'message', 'email'],
  browser: ['browser', 'navigate', 'click', 'screenshot', 'page', 'tab', 'dom'],
  e2e: ['e2e', 'playwright', 'selenium', 'test', 'tests'],
  sql: ['sql', 'query', 'queries', 'table', 'tables', 'select'],
  database: ['database', 'databases', 'db', 'schema', 'index', 'collection'],
  nosql: ['mongo', 'mongodb', 'document', 'documents', 'collection', 'collections', 'nosql'],
  cache: ['redis', 'cache', 'key', 'keys', 'ttl'],
  containers: ['docker', 'container', 'containers', 'image', 'images', 'compose'],
  kubernetes: ['kubernetes', 'kubectl', 'pod', 'pods', 'namespace', 'namespaces', 'helm', 'deployment', 'k8s'],
  gitops: ['argo', 'argocd', 'gitops', 'sync', 'application', 'applications', 'flux'],
  deploy: ['deploy', 'deployment', 'deployments', 'rollout', 'release', 'rollback'],
  iac: ['terraform', 'module', 'modules', 'provider', 'providers', 'iac', 'pulumi', 'cloudformation'],
  cloud: ['aws', 'azure', 'gcp', 'gcloud', 's3', 'ec2', 'lambda', 'cloud', 'bucket', 'vm'],
  cdn: ['cdn', 'cache', 'purge', 'worker', 'workers'],
  dns: ['dns', 'zone', 'zones', 'record', 'records', 'domain'],
  errors: ['sentry', 'error', 'errors', 'exception', 'exceptions', 'crash', 'stacktrace'],
  monitoring: ['monitor', 'monitors', 'alert', 'alerts', 'incident', 'incidents', 'uptime'],
  metrics: ['metric', 'metrics', 'promql', 'prometheus', 'timeseries'],
  dashboards: ['dashboard', 'dashboards', 'grafana', 'panel', 'panels'],
  logs: ['log', 'logs', 'logging', 'trace', 'traces'],
  search: ['elasticsearch', 'opensearch', 'index', 'indices', 'search'],
  sast: ['semgrep', 'sast', 'static', 'rule', 'rules', 'codeql'],
  'vuln-scan': ['trivy', 'vulnerability', 'vulnerabilities', 'cve', 'scan', 'sbom'],
  security: ['security', 'secret', 'secrets', 'vulnerability', 'cve', 'audit'],
};

/** Lower-case words of a tool's name and description (snake, kebab, camel case split). */
export function toolWords(tool: Pick<ToolDescriptor, 'name' | 'description'>): Set<string> {
  const text = `${tool.name} ${tool.description ?? ''}`.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return new Set(text.split(/[^a-z0-9]+/).filter(Boolean));
}

/**
 * Classifies a server from its tools: a capability is assigned when at least
 * `max(2, 25% of the tools)` tools mention one of its keywords (one tool for servers with ≤ 2
 * tools). Layers are the union of the layers of KB entries offering the assigned capabilities.
 */
export function classifyFromTools(tools: readonly ToolDescriptor[], known: readonly KnownServer[]): { capabilities: Capability[]; layers: LayerId[]; reason: string } | undefined {
  if (tools.length === 0) return undefined;
  const threshold = tools.length <= 2 ? 1 : Math.max(2, Math.ceil(tools.length * 0.25));
  const words = tools.map(toolWords);
  const hits: { cap: Capability; count: number }[] = [];
  for (const [cap, keywords] of Object.entries(CAPABILITY_KEYWORDS)) {
    const count = words.filter((w) => keywords.some((k) => w.has(k))).length;
    if (count >= threshold) hits.push({ cap, count });
  }
  hits.sort((a, b) => b.count - a.count || a.cap.localeCompare(b.cap));
  const capabilities = hits.slice(0, 4).map((h) => h.cap);
  const layerSet = new Set<LayerId>();
  for (const k of known) if (k.capabilities.some((c) => capabilities.includes(c))) k.layers.forEach((l) => layerSet.add(l));
  const layers = LAYER_IDS.filter((l) => layerSet.has(l));
  if (capabilities.length === 0 || layers.length === 0) return undefined;
  return {
    capabilities,
    layers,
    reason: `classified from ${tools.length} tool(s): ${hits.slice(0, 4).map((h) => `${h.cap} (${h.count} tools)`).join(', ')}`,
  };
}

/**
 * Turns configured servers into {@link AssignableServer}s for routing: user override, else KB
 * match, else tool-based classification, else unassigned with the reason.
 */
export function classifyServers(servers: readonly ConfiguredServer[], options: ClassifyOptions): AssignableServer[] {
  return servers.map((s) => classifyServer(s, options));
}

/** Classifies one server (see {@link classifyServers}). */
export function classifyServer(s: ConfiguredServer, options: ClassifyOptions): AssignableServer {
  const tools = options.tools?.get(s.name);
  const base = { name: s.name, available: s.startable, ...(tools ? { toolCount: tools.length } : {}) };
  const override = options.overrides?.[s.name];
  if (override) {
    const known = override.knownId ? options.knownServers.find((k) => k.id === override.knownId) : undefined;
    const layers = override.layers ?? known?.layers;
    const capabilities = override.capabilities ?? known?.capabilities;
    if (layers && capabilities && layers.length && capabilities.length) {
      const why = override.knownId ? (known ? `user override: treated as "${override.knownId}"` : `user override: unknown knownId "${override.knownId}", explicit tags used`) : 'user override: explicit layers and capabilities';
      return { ...base, layers: [...layers], capabilities: [...capabilities], classification: { kind: 'override', reason: why } };
    }
  }
  const match = matchKnownServer(s, options.knownServers);
  if (match) {
    return { ...base, layers: [...match.known.layers], capabilities: [...match.known.capabilities], classification: { kind: 'known', knownId: match.known.id, matchedBy: match.matchedBy } };
  }
  if (tools) {
    const byTools = classifyFromTools(tools, options.knownServers);
    if (byTools) return { ...base, layers: byTools.layers, capabilities: byTools.capabilities, classification: { kind: 'tools', reason: byTools.reason } };
    return { ...base, layers: [], capabilities: [], classification: { kind: 'unassigned', reason: `no knowledge-base match and its ${tools.length} tool(s) match no capability keyword; add an override to assign it` } };
  }
  return {
    ...base,
    layers: [],
    capabilities: [],
    classification: { kind: 'unassigned', reason: s.startable ? 'no knowledge-base match; tools not listed yet (classified after first tools/list)' : `no knowledge-base match and not startable (${s.blockedReason ?? 'blocked'})` },
  };
}
