import { readFile } from 'node:fs/promises';
import { isAbsolute, posix, win32 } from 'node:path';
import { InputDefinitionSchema, RawServerEntrySchema, jsonPath, timeoutToMs, toInputDefinition, transportKindOf, type RawServerEntry } from './configSchema';
import { configFileSources, type ConfigEnvironment } from './configSources';
import { parseJsonc } from './jsonc';
import type { InputDefinition, SecretProvider } from './secretProvider';
import type { ConfigDiagnostic, ConfigScope, ConfigSourceInfo, ConfiguredServer, ServerTransportConfig } from './serverConfig';
import { expandVariables, inputIdsIn, parseEnvFile, type ExpansionContext } from './variableExpansion';

/** Reads files; `undefined` means "does not exist". Injected so tests use temp dirs or memory. */
export interface ConfigFileSystem {
  readFile(path: string): Promise<string | undefined>;
}

/** The real file system. */
export const nodeConfigFileSystem: ConfigFileSystem = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  },
};

/**
 * Strata's own `strata.mcp` settings for one scope: `{ servers: { name: entry } }` (or
 * `mcpServers`), entries in any dialect, plus `retrySafeTools: { server: [tool | '*'] }` which
 * applies to a server of that name from any source.
 */
export type StrataMcpSettings = unknown;

/** Inputs of {@link importMcpConfig}. */
export interface McpImportOptions {
  readonly environment: ConfigEnvironment;
  /** VS Code workspace trust. Workspace-defined servers start only when true. */
  readonly workspaceTrusted: boolean;
  readonly fs?: ConfigFileSystem;
  /** Resolves `${input:id}`. Without one, servers that need inputs are not startable. */
  readonly secrets?: SecretProvider;
  /** Ask for missing inputs now (true, default) or only use stored values (false: no UI at startup). */
  readonly promptForInputs?: boolean;
  /** Strata's own settings, per scope (raw, validated here). */
  readonly strataSettings?: { readonly user?: StrataMcpSettings; readonly workspace?: StrataMcpSettings };
}

/** A definition hidden by a higher-precedence one with the same name. */
export interface ShadowedServer {
  readonly name: string;
  readonly source: ConfigSourceInfo;
  readonly winner: ConfigSourceInfo;
}

/** What importing found. */
export interface McpImportResult {
  /** One server per name, highest precedence first-come order. */
  readonly servers: readonly ConfiguredServer[];
  readonly diagnostics: readonly ConfigDiagnostic[];
  readonly shadowed: readonly ShadowedServer[];
  /** Every source considered, whether it exists, and how many entries it defined. */
  readonly sources: readonly { readonly info: ConfigSourceInfo; readonly found: boolean; readonly entries: number }[];
}

interface PendingEntry {
  readonly name: string;
  readonly raw: RawServerEntry;
  readonly source: ConfigSourceInfo;
  readonly inputs: ReadonlyMap<string, InputDefinition>;
  readonly rootKey: string;
}

/**
 * Imports MCP servers from every supported client config and Strata's settings. Never throws for
 * bad content: a bad file or entry becomes a diagnostic naming the file and JSON path, and every
 * other source still loads. Duplicate names resolve by precedence (workspace over user; see
 * docs/mcp.md) and every shadowed definition is reported.
 */
export async function importMcpConfig(options: McpImportOptions): Promise<McpImportResult> {
  const env = options.environment;
  const fs = options.fs ?? nodeConfigFileSystem;
  const diagnostics: ConfigDiagnostic[] = [];
  const sources: { info: ConfigSourceInfo; found: boolean; entries: number }[] = [];
  const pending: PendingEntry[] = [];
  const retrySafe = new Map<string, string[]>();

  const settingsSource = (scope: ConfigScope): ConfigSourceInfo => ({ id: `strata-settings-${scope}`, label: `Strata settings (${scope})`, scope, file: 'settings' });
  const fileSources = configFileSources(env);
  const ordered: { info: ConfigSourceInfo; load: () => Promise<unknown | undefined> }[] = [];
  for (const scope of ['workspace', 'user'] as const) {
    const raw = options.strataSettings?.[scope];
    if (raw !== undefined) {
      ordered.push({ info: settingsSource(scope), load: async () => raw });
    }
    for (const s of fileSources.filter((f) => f.info.scope === scope)) {
      ordered.push({
        info: s.info,
        load: async () => {
          let text: string | undefined;
          try {
            text = await fs.readFile(s.info.file);
          } catch (e) {
            diagnostics.push({ severity: 'error', file: s.info.file, jsonPath: '$', message: `cannot read: ${e instanceof Error ? e.message : String(e)}` });
            return undefined;
          }
          if (text === undefined) return undefined;
          const parsed = parseJsonc(text);
          if (!parsed.ok) {
            diagnostics.push({ severity: 'error', file: s.info.file, jsonPath: '$', line: parsed.error.line, column: parsed.error.column, message: `invalid JSON: ${parsed.error.message}` });
            return null; // found but unusable
          }
          return parsed.value;
        },
      });
    }
  }

  for (const src of ordered) {
    const value = await src.load();
    if (value === undefined) {
      sources.push({ info: src.info, found: false, entries: 0 });
      continue;
    }
    const before = pending.length;
    if (value !== null) collectEntries(value, src.info, pending, diagnostics, retrySafe);
    sources.push({ info: src.info, found: true, entries: pending.length - before });
  }

  // Precedence: first definition of a name wins; the rest are shadowed and reported.
  const winners = new Map<string, PendingEntry>();
  const shadowed: ShadowedServer[] = [];
  for (const entry of pending) {
    const winner = winners.get(entry.name);
    if (!winner) {
      winners.set(entry.name, entry);
      continue;
    }
    shadowed.push({ name: entry.name, source: entry.source, winner: winner.source });
    diagnostics.push({
      severity: 'warning',
      file: entry.source.file,
      jsonPath: jsonPath(entry.rootKey, entry.name),
      message: `server "${entry.name}" is shadowed by the definition in ${winner.source.label} (${winner.source.file}), which takes precedence`,
    });
  }

  const inputCache = new Map<string, Promise<string | undefined>>();
  const servers: ConfiguredServer[] = [];
  for (const entry of winners.values()) {
    servers.push(await finishEntry(entry, options, fs, diagnostics, inputCache, retrySafe.get(entry.name)));
  }
  return { servers, diagnostics, shadowed, sources };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the root object of one source into pending entries. */
function collectEntries(value: unknown, source: ConfigSourceInfo, pending: PendingEntry[], diagnostics: ConfigDiagnostic[], retrySafe: Map<string, string[]>): void {
  const diag = (path: string, message: string, severity: ConfigDiagnostic['severity'] = 'error'): void =>
    void diagnostics.push({ severity, file: source.file, jsonPath: path, message });
  if (!isObject(value)) {
    diag('$', `expected a JSON object at the top level, found ${Array.isArray(value) ? 'an array' : typeof value}`);
    return;
  }
  const inputs = new Map<string, InputDefinition>();
  if (value['inputs'] !== undefined) {
    if (!Array.isArray(value['inputs'])) diag('$.inputs', 'expected an array of input definitions');
    else
      value['inputs'].forEach((raw, i) => {
        const r = InputDefinitionSchema.safeParse(raw);
        if (!r.success) diag(jsonPath('inputs', i), `bad input definition: ${r.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}`);
        else inputs.set(r.data.id, toInputDefinition(r.data));
      });
  }
  if (source.file === 'settings' && value['retrySafeTools'] !== undefined) {
    const rs = value['retrySafeTools'];
    if (!isObject(rs) || Object.values(rs).some((v) => !Array.isArray(v) || v.some((t) => typeof t !== 'string'))) {
      diag('$.retrySafeTools', 'expected { "<server>": ["<tool>" | "*"] }');
    } else for (const [k, v] of Object.entries(rs)) retrySafe.set(k, v as string[]);
  }
  const roots = (['servers', 'mcpServers'] as const).filter((k) => value[k] !== undefined);
  if (roots.length === 0) {
    if (Object.keys(value).length > 0 && source.file !== 'settings') diag('$', 'no "servers" or "mcpServers" object: nothing to import', 'warning');
    return;
  }
  if (roots.length === 2) diag('$', 'both "servers" and "mcpServers" present: both are imported, "servers" first', 'warning');
  for (const rootKey of roots) {
    const root = value[rootKey];
    if (!isObject(root)) {
      diag(jsonPath(rootKey), `expected an object of named servers, found ${Array.isArray(root) ? 'an array' : typeof root}`);
      continue;
    }
    for (const [name, raw] of Object.entries(root)) {
      const path = jsonPath(rootKey, name);
      if (!name.trim()) {
        diag(path, 'server name must not be empty');
        continue;
      }
      const parsed = RawServerEntrySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) diag(jsonPath(rootKey, name, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))), issue.message);
        continue;
      }
      const kind = transportKindOf(parsed.data);
      if ('error' in kind) {
        diag(kind.field ? jsonPath(rootKey, name, kind.field) : path, kind.error);
        continue;
      }
      pending.push({ name, raw: parsed.data, source, inputs, rootKey });
    }
  }
}

/** Expands variables, resolves inputs and decides whether the server may start. */
async function finishEntry(
  entry: PendingEntry,
  options: McpImportOptions,
  fs: ConfigFileSystem,
  diagnostics: ConfigDiagnostic[],
  inputCache: Map<string, Promise<string | undefined>>,
  settingsRetrySafe: string[] | undefined,
): Promise<ConfiguredServer> {
  const { raw, source, name } = entry;
  const env = options.environment;
  const p = env.platform === 'win32' ? win32 : posix;
  const path = (...parts: (string | number)[]): string => jsonPath(entry.rootKey, name, ...parts);
  const diag = (jp: string, message: string, severity: ConfigDiagnostic['severity'] = 'warning'): void =>
    void diagnostics.push({ severity, file: source.file, jsonPath: jp, message });

  let blockedReason: string | undefined;
  if (raw.disabled === true) blockedReason = `disabled in ${source.label}`;
  else if (source.scope === 'workspace' && !options.workspaceTrusted) {
    blockedReason = 'defined by the workspace, which is not trusted (restricted mode): trust the workspace to start it';
  }

  // ${input:id}: resolved (and possibly prompted, once per id) only for servers that may start.
  const strings = [raw.command, ...(raw.args ?? []), ...Object.values(raw.env ?? {}), raw.url, ...Object.values(raw.headers ?? {}), raw.cwd, raw.envFile].filter(
    (s): s is string => typeof s === 'string',
  );
  const inputIds = [...new Set(strings.flatMap(inputIdsIn))];
  const inputs = new Map<string, string>();
  if (!blockedReason) {
    for (const id of inputIds) {
      const def = entry.inputs.get(id);
      if (!def) {
        diag(path(), `refers to \${input:${id}} but the file declares no input with id "${id}"`, 'error');
        blockedReason ??= `input "${id}" is not declared`;
        continue;
      }
      const key = `mcp.input.${id}`;
      if (!inputCache.has(key)) {
        inputCache.set(
          key,
          (async () => {
            if (!options.secrets) return undefined;
            const stored = await options.secrets.get(key);
            if (stored !== undefined) return stored;
            return options.promptForInputs === false ? undefined : options.secrets.prompt(key, def);
          })(),
        );
      }
      const value = await inputCache.get(key)!;
      if (value === undefined) blockedReason ??= `input "${id}" (${def.description ?? 'no description'}) has no value yet`;
      else inputs.set(id, value);
    }
  }

  const ctx: ExpansionContext = { workspaceFolder: env.workspaceFolder, userHome: env.userHome, env: env.env, pathSeparator: p.sep, inputs };
  const expand = (text: string, jp: string): string => {
    const r = expandVariables(text, ctx);
    const unknown = r.unresolved.filter((u) => !u.startsWith('${input:'));
    if (unknown.length) diag(jp, `unresolved variable(s) ${unknown.join(', ')} expanded to ""`);
    return r.value;
  };

  let transport: ServerTransportConfig;
  const kind = transportKindOf(raw);
  if ('error' in kind) throw new Error('unreachable: entries are validated in collectEntries');
  if (kind.kind === 'stdio') {
    const fileEnv: Record<string, string> = {};
    if (raw.envFile) {
      let envPath = expand(raw.envFile, path('envFile'));
      if (!isAbsolute(envPath) && !p.isAbsolute(envPath)) envPath = p.join(env.workspaceFolder ?? p.dirname(source.file), envPath);
      const text = await fs.readFile(envPath).catch(() => undefined);
      if (text === undefined) diag(path('envFile'), `envFile ${envPath} not found or unreadable`, 'error');
      else {
        const parsed = parseEnvFile(text);
        if (parsed.badLines.length) diag(path('envFile'), `envFile ${envPath}: malformed line(s) ${parsed.badLines.join(', ')} ignored`);
        Object.assign(fileEnv, parsed.values);
      }
    }
    const explicit: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.env ?? {})) explicit[k] = expand(v, path('env', k));
    const cwdRaw = raw.cwd !== undefined ? expand(raw.cwd, path('cwd')) : undefined;
    transport = {
      kind: 'stdio',
      command: expand(raw.command!, path('command')),
      args: (raw.args ?? []).map((a, i) => expand(a, path('args', i))),
      env: { ...fileEnv, ...explicit }, // explicit env wins over envFile
      cwd: cwdRaw ?? (source.scope === 'workspace' ? env.workspaceFolder : undefined),
    };
  } else {
    const url = expand(raw.url!, path('url'));
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported protocol ${u.protocol}`);
    } catch (e) {
      diag(path('url'), `invalid url "${url}": ${e instanceof Error ? e.message : String(e)}`, 'error');
      blockedReason ??= 'invalid url';
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw.headers ?? {})) headers[k] = expand(v, path('headers', k));
    transport = { kind: kind.kind, url, headers };
  }

  const retrySafeTools = [...(raw.retrySafeTools ?? []), ...(settingsRetrySafe ?? [])];
  return {
    name,
    transport,
    source,
    disabled: raw.disabled === true,
    autoApprove: [...new Set([...(raw.alwaysAllow ?? []), ...(raw.autoApprove ?? [])])],
    timeoutMs: timeoutToMs(raw.timeout),
    retrySafeTools: retrySafeTools.length ? retrySafeTools : undefined,
    startable: blockedReason === undefined,
    blockedReason,
  };
}
