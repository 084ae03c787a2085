import type { Catalog } from './catalog';
import type { KnownServer } from './knownServers';
import type { PersonaInfo } from './personas';
import {
  catalogOverrideFileSchema,
  catalogSchema,
  personaOverrideSchema,
  serverOverrideSchema,
  zodIssuesToProblems,
  type PersonaOverride,
  type ServerOverride,
} from './catalogSchema';

/** One problem in a catalog override file. */
export interface CatalogDiagnostic {
  /** The file, as the user named it (base name). */
  readonly file: string;
  /** JSON path of the bad field, e.g. `servers[2].layers[0]`, or `(root)`. */
  readonly path: string;
  /** `error`: the entry was skipped. `warning`: applied, but probably not what was meant. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** `strata-catalog.json: servers[2].layers[0]: expected one of L0..L4` */
export function formatCatalogDiagnostic(d: CatalogDiagnostic): string {
  return `${d.file}: ${d.path}: ${d.message}`;
}

/**
 * Applies a parsed override document to `base`, entry by entry: a valid entry applies, an invalid
 * one is skipped with a diagnostic naming its JSON path. Server entries override a known server's
 * fields (only those given) or add a new server; persona entries replace a persona's needs.
 */
export function applyCatalogOverride(
  base: Catalog,
  json: unknown,
  file: string,
): { catalog: Catalog; diagnostics: CatalogDiagnostic[] } {
  const diagnostics: CatalogDiagnostic[] = [];
  const error = (path: string, message: string) => diagnostics.push({ file, path, severity: 'error', message });
  const warn = (path: string, message: string) => diagnostics.push({ file, path, severity: 'warning', message });

  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    error('(root)', 'expected an object such as {"servers": [...], "personas": [...]}');
    return { catalog: base, diagnostics };
  }
  const top = catalogOverrideFileSchema.safeParse(json);
  let doc: { servers?: unknown[]; personas?: unknown[] };
  if (top.success) {
    doc = top.data;
  } else {
    for (const p of zodIssuesToProblems(top.error)) error(p.path, p.message);
    // Keep whichever entry lists are usable even when the top level has other problems.
    const raw = json as Record<string, unknown>;
    doc = {
      servers: Array.isArray(raw.servers) ? raw.servers : undefined,
      personas: Array.isArray(raw.personas) ? raw.personas : undefined,
    };
  }

  const servers = new Map<string, KnownServer>(base.servers.map((s) => [s.id, s]));
  const seenServerIds = new Map<string, number>();
  (doc.servers ?? []).forEach((entry, i) => {
    const at = `servers[${i}]`;
    const parsed = serverOverrideSchema.safeParse(entry);
    if (!parsed.success) {
      for (const p of zodIssuesToProblems(parsed.error, at)) error(p.path, p.message);
      return;
    }
    const o = parsed.data;
    const earlier = seenServerIds.get(o.id);
    if (earlier !== undefined) warn(`${at}.id`, `server "${o.id}" also appears at servers[${earlier}]; this later entry wins`);
    seenServerIds.set(o.id, i);
    const existing = servers.get(o.id);
    if (existing) {
      servers.set(o.id, mergeServer(existing, o));
      return;
    }
    const missing = (['layers', 'capabilities'] as const).filter((k) => o[k] === undefined);
    if (missing.length > 0) {
      error(at, `new server "${o.id}" needs ${missing.map((k) => `"${k}"`).join(' and ')} (it matches no built-in server id)`);
      return;
    }
    servers.set(o.id, mergeServer({ id: o.id, launch: o.id, layers: [], capabilities: [], match: { packages: [], commands: [], images: [], urls: [] } }, o));
  });

  const personas = new Map<string, PersonaInfo>(base.personas.map((p) => [p.id, p]));
  const seenPersonaIds = new Map<string, number>();
  (doc.personas ?? []).forEach((entry, i) => {
    const at = `personas[${i}]`;
    const parsed = personaOverrideSchema.safeParse(entry);
    if (!parsed.success) {
      for (const p of zodIssuesToProblems(parsed.error, at)) error(p.path, p.message);
      return;
    }
    const o: PersonaOverride = parsed.data;
    const earlier = seenPersonaIds.get(o.id);
    if (earlier !== undefined) warn(`${at}.id`, `persona "${o.id}" also appears at personas[${earlier}]; this later entry wins`);
    seenPersonaIds.set(o.id, i);
    const existing = personas.get(o.id);
    if (!existing) return; // unreachable: the schema only admits the 18 ids, all in every catalog
    personas.set(o.id, { ...existing, name: o.name ?? existing.name, needs: dedupe(o.needs) });
  });

  if (seenServerIds.size === 0 && seenPersonaIds.size === 0) return { catalog: base, diagnostics };
  const candidate: Catalog = { layers: base.layers, personas: [...personas.values()], servers: [...servers.values()] };
  // Entries were validated one by one; this re-check guards the whole (e.g. a future cross-field rule).
  const whole = catalogSchema.safeParse(candidate);
  if (!whole.success) {
    for (const p of zodIssuesToProblems(whole.error)) error(p.path, `${p.message} (after applying the file; nothing from it was applied)`);
    return { catalog: base, diagnostics };
  }
  return { catalog: candidate, diagnostics };
}

function mergeServer(base: KnownServer, o: ServerOverride): KnownServer {
  return {
    id: base.id,
    launch: o.launch ?? base.launch,
    layers: o.layers ? dedupe(o.layers) : base.layers,
    capabilities: o.capabilities ? dedupe(o.capabilities) : base.capabilities,
    match: {
      packages: o.match?.packages ?? base.match.packages,
      commands: o.match?.commands ?? base.match.commands,
      images: o.match?.images ?? base.match.images,
      urls: o.match?.urls ?? base.match.urls,
    },
  };
}

function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
