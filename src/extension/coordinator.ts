import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatModel } from '../engine/agents/chatModel';
import type { LayerId } from '../engine/catalog/layers';
import type { ApprovalMode, ApprovalPolicy } from '../engine/execution/approvalPolicy';
import { Planner } from '../engine/planner';
import type { Plan } from '../engine/plan/planSchema';
import type { Corrections } from '../engine/routing/routingTypes';
import { SessionManager } from '../engine/session/sessionManager';
import type { SessionSnapshot, UserAnswer } from '../engine/session/sessionModel';
import type { ToolCallOptions, ToolCallResult, ToolDescriptor, ToolGateway } from '../engine/tools/toolGateway';
import { DisposableStore, type Disposable } from '../engine/util/disposable';
import { Emitter } from '../engine/util/emitter';
import { importMcpConfig, type McpImportResult } from '../mcp/configImport';
import type { ConfigEnvironment } from '../mcp/configSources';
import { ConnectionManager } from '../mcp/connectionManager';
import { describeHealth, type HealthChange } from '../mcp/healthModel';
import { parseJsonc } from '../mcp/jsonc';
import type { SecretProvider } from '../mcp/secretProvider';
import { classifyServers } from '../mcp/serverClassifier';
import { formatDiagnostic, type ConfiguredServer } from '../mcp/serverConfig';
import type { ServerLogSink } from '../mcp/serverLog';
import type { CoordinatorApi } from './coordinatorApi';
import { LayerAgent } from './layerAgent';
import type { Redactor } from './redaction';
import { decisionAnswer, toSessionView } from './sessionAdapter';
import type { SessionView } from './sessionView';
import type { StrataSettings } from './settings';
import type { ServerStatusLine } from './statusModel';

/** Strata's own MCP settings per scope, and extra config files per scope (raw, validated by the importer). */
export interface McpSettingsInput {
  readonly user?: { readonly servers?: unknown };
  readonly workspace?: { readonly servers?: unknown };
  readonly extraConfigPaths: { readonly user: readonly string[]; readonly workspace: readonly string[] };
}

/** Everything the coordinator needs from its host; injected so it has no `vscode` import. */
export interface CoordinatorDeps {
  /** Folder for session journals and the corrections log. */
  readonly storageDir: string;
  readonly environment: ConfigEnvironment;
  readonly workspaceTrusted: () => boolean;
  readonly secrets: SecretProvider;
  readonly settings: () => StrataSettings;
  readonly mcpSettings: () => McpSettingsInput;
  /** Chat model for a layer, or undefined (then the step is done by hand). */
  readonly modelFor: (layer: LayerId) => Promise<ChatModel | undefined>;
  readonly redactor: Redactor;
  readonly serverLog: ServerLogSink;
  readonly log: { info(m: string): void; warn(m: string): void; error(m: string, e?: unknown): void };
}

const APPROVAL: Record<StrataSettings['approvalPolicy'], ApprovalMode> = {
  alwaysAsk: 'always-ask',
  readOnlyAuto: 'auto-read-only',
  auto: 'auto',
};

/**
 * The extension's engine host: the Planner (B), the MCP ConnectionManager and config import (C)
 * and the SessionManager (D), wired together. Servers start lazily (only when a step lists or
 * calls their tools, or the user restarts one). vscode-free: the host injects secrets, trust,
 * settings and the chat-model lookup.
 */
export class Coordinator implements CoordinatorApi, Disposable {
  private readonly store = new DisposableStore();
  private readonly planner = new Planner();
  readonly connections: ConnectionManager;
  readonly sessionManager: SessionManager;
  private readonly sessionsChanged = this.store.add(new Emitter<string | undefined>());
  private readonly healthChanged = this.store.add(new Emitter<HealthChange>());
  private readonly serversChanged = this.store.add(new Emitter<void>());
  readonly onDidChangeSessions = this.sessionsChanged.event;
  readonly onDidChangeHealth = this.healthChanged.event;
  readonly onDidChangeServers = this.serversChanged.event;
  private readonly views = new Map<string, SessionView>();
  private readonly tools = new Map<string, readonly ToolDescriptor[]>();
  private configured: readonly ConfiguredServer[] = [];
  private lastImport: McpImportResult | undefined;
  private importing: Promise<void> | undefined;
  /** Whether the user was already asked for missing `${input:…}` values in this session. */
  private prompted = false;

  constructor(private readonly deps: CoordinatorDeps) {
    this.connections = new ConnectionManager({ log: deps.serverLog, clientInfo: { name: 'strata-vscode', version: '0.1.0' } });
    this.store.add({ dispose: () => this.connections.dispose() });
    this.store.add(this.connections.health.onDidChange((c) => this.healthChanged.fire(c)));
    this.store.add(
      this.connections.onDidChangeTools((server) => {
        this.tools.delete(server);
        this.serversChanged.fire();
      }),
    );
    const settings = deps.settings;
    const configured = () => this.configured;
    // Read at every approval check, so a settings change applies to running sessions at once.
    const approval: ApprovalPolicy = {
      get default() {
        return APPROVAL[settings().approvalPolicy];
      },
      get servers() {
        const out: Record<string, { tools: Record<string, ApprovalMode> }> = {};
        for (const s of configured()) {
          if (s.autoApprove.length) out[s.name] = { tools: Object.fromEntries(s.autoApprove.map((t) => [t, 'auto' as const])) };
        }
        return out;
      },
    };
    this.sessionManager = new SessionManager({
      storageDir: join(deps.storageDir, 'sessions'),
      gateway: this.gateway(),
      agentFor: (step) => new LayerAgent(step.layer, () => settings().executionMode, deps.modelFor, (m) => deps.log.info(m)),
      maxConcurrentSteps: settings().concurrency,
      execution: { approval },
      defaultBudget: this.budget(),
      onError: (e) => deps.log.error('session error', e),
    });
    this.store.add({ dispose: () => this.sessionManager.dispose() });
    this.store.add(
      this.sessionManager.onDidChange((c) => {
        this.views.delete(c.session.id);
        this.sessionsChanged.fire(c.kind === 'updated' ? c.session.id : undefined);
      }),
    );
    this.store.add(this.sessionManager.onDidQuarantine((q) => deps.log.warn(`session journal quarantined: ${JSON.stringify(q)}`)));
  }

  /** Loads and recovers every stored session (call once after construction). */
  async init(): Promise<void> {
    const report = await this.sessionManager.recoverAll();
    this.deps.log.info(
      `recovered ${report.loaded.length} session(s) in ${report.ms} ms; resumed ${report.resumed.length}; quarantined ${report.quarantined.length}${report.tornTails.length ? `; torn tails dropped: ${report.tornTails.map((t) => t.sessionId).join(', ')}` : ''}`,
    );
    this.sessionsChanged.fire(undefined);
  }

  private budget() {
    const b = this.deps.settings().budget;
    return { maxToolCalls: b.toolCalls, maxTokens: b.tokens, maxWallMs: b.wallTimeMs };
  }

  /** The gateway sessions use: the connection manager, recording tool counts as tools are listed. */
  private gateway(): ToolGateway {
    return {
      listTools: async (server: string, signal?: AbortSignal): Promise<readonly ToolDescriptor[]> => {
        const tools = await this.connections.listTools(server, signal);
        if (this.tools.get(server)?.length !== tools.length) {
          this.tools.set(server, tools);
          this.reclassify();
          this.serversChanged.fire();
        }
        return tools;
      },
      callTool: (server: string, tool: string, args: Record<string, unknown>, options?: ToolCallOptions): Promise<ToolCallResult> =>
        this.connections.callTool(server, tool, args, options),
    };
  }

  ready(signal?: AbortSignal): Promise<void> {
    const needsPrompt = () => this.configured.some((s) => !s.startable && /\binput "/.test(s.blockedReason ?? '') && !/not declared/.test(s.blockedReason ?? ''));
    this.importing ??= this.importServers(true, signal);
    const p = this.importing.then(async () => {
      // A quiet import (activation) left servers waiting for `${input:…}` values: ask now, once.
      if (!this.prompted && needsPrompt()) {
        this.prompted = true;
        this.importing = this.importServers(true, signal);
        await this.importing;
      }
    });
    return p.catch((e: unknown) => {
      this.importing = undefined;
      throw e;
    });
  }

  /**
   * Imports the configuration without asking for anything (activation): the status bar and the
   * planner see the configured servers at once; no server is started.
   */
  preload(): Promise<void> {
    this.importing ??= this.importServers(false);
    return this.importing.catch((e: unknown) => {
      this.importing = undefined;
      this.deps.log.error('reading the MCP configuration failed', e);
    });
  }

  /** Forgets the imported configuration (files, settings or trust changed); re-imports without prompting if it was imported before. */
  invalidateServers(): void {
    const had = this.importing !== undefined;
    this.importing = undefined;
    if (had) this.importing = this.importServers(false).catch((e: unknown) => {
      this.importing = undefined;
      this.deps.log.error('re-importing MCP configuration failed', e);
    });
  }

  private async importServers(promptForInputs: boolean, signal?: AbortSignal): Promise<void> {
    if (promptForInputs) this.prompted = true;
    const t0 = Date.now();
    const mcp = this.deps.mcpSettings();
    const scope = async (s: 'user' | 'workspace'): Promise<{ servers?: unknown } | undefined> => {
      const own = mcp[s]?.servers;
      const extra = await this.readExtraConfigs(mcp.extraConfigPaths[s]);
      if (own === undefined && extra === undefined) return undefined;
      // Strata's own definitions win over extra files of the same scope.
      return { servers: { ...(extra ?? {}), ...((own as Record<string, unknown> | undefined) ?? {}) } };
    };
    const [user, workspace] = await Promise.all([scope('user'), scope('workspace')]);
    signal?.throwIfAborted();
    const result = await importMcpConfig({
      environment: this.deps.environment,
      workspaceTrusted: this.deps.workspaceTrusted(),
      secrets: this.deps.secrets,
      promptForInputs,
      strataSettings: { ...(user ? { user } : {}), ...(workspace ? { workspace } : {}) },
    });
    signal?.throwIfAborted();
    for (const d of result.diagnostics) (d.severity === 'error' ? this.deps.log.warn : this.deps.log.info).call(this.deps.log, `MCP config ${formatDiagnostic(d)}`);
    for (const s of result.shadowed) this.deps.log.info(`MCP server "${s.name}" from ${s.source.label} is shadowed by ${s.winner.label}`);
    for (const s of result.servers) {
      // Resolved env values and headers are secrets for the logs.
      if (s.transport.kind === 'stdio') this.deps.redactor.addEnv(s.transport.env);
      else this.deps.redactor.addHeaders(s.transport.headers);
      if (!s.startable) this.deps.log.info(`MCP server "${s.name}" (${s.source.label}) will not start: ${s.blockedReason ?? 'not startable'}`);
    }
    this.lastImport = result;
    this.configured = result.servers;
    this.connections.setServers(result.servers.filter((s) => s.startable));
    this.reclassify();
    this.deps.log.info(`imported ${result.servers.length} MCP server(s) from ${result.sources.filter((s) => s.found).length} source(s) in ${Date.now() - t0} ms (none started: they start when a session needs them)`);
    this.serversChanged.fire();
  }

  /** Re-tags the configured servers (knowledge base, then tool names once known) and gives them to the planner. */
  private reclassify(): void {
    this.planner.setServers(classifyServers(this.configured, { knownServers: this.planner.catalog.servers, tools: this.tools }));
  }

  /** Reads extra config files (`servers` or `mcpServers` root); a bad file is logged and skipped. */
  private async readExtraConfigs(paths: readonly string[]): Promise<Record<string, unknown> | undefined> {
    if (paths.length === 0) return undefined;
    const out: Record<string, unknown> = {};
    const env = this.deps.environment;
    for (const raw of paths) {
      const path = raw.replace(/\$\{workspaceFolder\}/g, env.workspaceFolder ?? '').replace(/\$\{userHome\}/g, env.userHome).replace(/^~(?=\/|$)/, env.userHome);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        this.deps.log.warn(`strata.mcp.extraConfigPaths: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      const parsed = parseJsonc(text);
      if (!parsed.ok) {
        this.deps.log.warn(`strata.mcp.extraConfigPaths: ${path}: ${JSON.stringify(parsed.error)}`);
        continue;
      }
      const v = parsed.value as { servers?: unknown; mcpServers?: unknown } | null;
      const servers = v && typeof v === 'object' ? (v.servers ?? v.mcpServers) : undefined;
      if (!servers || typeof servers !== 'object' || Array.isArray(servers)) {
        this.deps.log.warn(`strata.mcp.extraConfigPaths: ${path}: no "servers" or "mcpServers" object at the root`);
        continue;
      }
      Object.assign(out, servers);
    }
    return out;
  }

  plan(task: string, corrections?: Corrections): Plan {
    return this.planner.plan(task, corrections);
  }

  async recordCorrection(before: Plan, corrections: Corrections): Promise<void> {
    const record = {
      at: new Date().toISOString(),
      task: before.task,
      planId: before.id,
      fingerprint: before.fingerprint,
      before: { complexity: before.complexity, areas: before.areas.map((a) => a.area), concerns: before.concerns.map((c) => c.concern), confidence: before.confidence },
      corrections,
    };
    await mkdir(this.deps.storageDir, { recursive: true });
    await appendFile(join(this.deps.storageDir, 'corrections.jsonl'), `${JSON.stringify(record)}\n`, 'utf8');
  }

  async createSession(plan: Plan): Promise<string> {
    const s = await this.sessionManager.create(plan, { budget: this.budget() });
    return s.id;
  }

  async runSession(id: string): Promise<void> {
    const s = this.snapshot(id);
    if (s.status.kind === 'cancelled' || s.status.kind === 'completed') throw new Error(`session ${id} is ${s.status.kind}; it cannot run again (retry a step instead)`);
    // Servers may not be imported yet after a reload: import before steps ask for tools.
    await this.ready();
    this.sessionManager.start(id);
  }

  async cancelSession(id: string): Promise<void> {
    await this.sessionManager.cancel(id, 'cancelled by the user');
  }

  async retryStep(id: string, stepId: string): Promise<void> {
    await this.ready();
    await this.sessionManager.retryStep(id, stepId);
    // A retry on a finished session restarts its run loop.
    this.sessionManager.start(id);
  }

  async answer(id: string, waitId: string, answer: UserAnswer): Promise<void> {
    await this.sessionManager.answer(id, waitId, answer);
  }

  async decide(id: string, waitId: string, choice: string): Promise<void> {
    const wait = this.snapshot(id).waits.find((w) => w.id === waitId);
    if (!wait) throw new Error(`session ${id} has no open request ${waitId} (already answered?)`);
    const r = decisionAnswer(wait, choice);
    if (!r.ok) throw new Error(r.error);
    await this.sessionManager.answer(id, waitId, r.answer);
  }

  private snapshot(id: string): SessionSnapshot {
    const s = this.sessionManager.get(id);
    if (!s) throw new Error(`no session ${id}`);
    return s;
  }

  sessions(): readonly SessionView[] {
    return this.sessionManager.list().map((s) => this.view(s));
  }

  session(id: string): SessionView | undefined {
    const s = this.sessionManager.get(id);
    return s ? this.view(s) : undefined;
  }

  private view(s: SessionSnapshot): SessionView {
    let v = this.views.get(s.id);
    if (!v || v.updatedAt !== new Date(s.updatedAt).toISOString()) {
      v = toSessionView(s);
      this.views.set(s.id, v);
    }
    return v;
  }

  servers(): readonly ServerStatusLine[] {
    return this.configured.map((s) => {
      const h = this.connections.health.get(s.name);
      const state = s.startable ? h.state : 'stopped';
      const detail = s.startable ? `${describeHealth(h)} · ${s.source.label}` : `not started: ${s.blockedReason ?? 'not startable'} · ${s.source.label}`;
      return { name: s.name, state, detail };
    });
  }

  toolCounts(): Readonly<Record<string, number>> {
    return Object.fromEntries([...this.tools].map(([k, v]) => [k, v.length]));
  }

  async restartServer(name: string): Promise<void> {
    await this.ready();
    const s = this.configured.find((x) => x.name === name);
    if (!s) throw new Error(`no MCP server named "${name}"`);
    if (!s.startable) throw new Error(`MCP server "${name}" cannot start: ${s.blockedReason ?? 'not startable'}`);
    await this.connections.stop(name);
    await this.connections.start(name);
    await this.gateway().listTools(name);
  }

  /** Import diagnostics of the last import (for the UI). */
  get importResult(): McpImportResult | undefined {
    return this.lastImport;
  }

  /** Stops servers politely and closes journals (deactivate). */
  async shutdown(): Promise<void> {
    await this.sessionManager.close().catch((e: unknown) => this.deps.log.error('closing sessions', e));
    await this.connections.shutdown().catch((e: unknown) => this.deps.log.error('stopping MCP servers', e));
  }

  dispose(): void {
    this.store.dispose();
  }
}
