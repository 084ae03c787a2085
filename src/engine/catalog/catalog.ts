import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LAYERS, type LayerInfo } from './layers';
import { BUILTIN_PERSONAS, type PersonaId, type PersonaInfo } from './personas';
import { BUILTIN_SERVERS, type KnownServer } from './knownServers';
import { catalogSchema, zodIssuesToProblems } from './catalogSchema';
import { applyCatalogOverride, type CatalogDiagnostic } from './catalogOverride';
import { hashValue } from '../cache/stableHash';

/**
 * The catalog routing works from: the five layers, the 18 personas with their capability needs,
 * and the MCP server knowledge base. Immutable; an override produces a new catalog.
 */
export interface Catalog {
  readonly layers: readonly LayerInfo[];
  readonly personas: readonly PersonaInfo[];
  readonly servers: readonly KnownServer[];
}

/** Lookup tables derived from a catalog (built once per catalog object). */
export interface CatalogIndex {
  readonly personaById: ReadonlyMap<PersonaId, PersonaInfo>;
  readonly serverById: ReadonlyMap<string, KnownServer>;
  /** Stable hash of the catalog's content, for cache keys. */
  readonly fingerprint: string;
}

let builtin: Catalog | undefined;

/**
 * The built-in catalog (ROUTING §1, §2, §7). Validated against the schema on first use: a broken
 * built-in table is a programming error and throws.
 */
export function builtinCatalog(): Catalog {
  if (builtin) return builtin;
  const candidate: Catalog = { layers: LAYERS, personas: BUILTIN_PERSONAS, servers: BUILTIN_SERVERS };
  const checked = catalogSchema.safeParse(candidate);
  if (!checked.success) {
    const problems = zodIssuesToProblems(checked.error).map((p) => `${p.path}: ${p.message}`);
    throw new Error(`built-in catalog is invalid: ${problems.join('; ')}`);
  }
  builtin = candidate;
  return builtin;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

/** Lookup tables and fingerprint for a catalog, memoised per catalog object. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let idx = indexes.get(catalog);
  if (!idx) {
    idx = {
      personaById: new Map(catalog.personas.map((p) => [p.id, p])),
      serverById: new Map(catalog.servers.map((s) => [s.id, s])),
      fingerprint: hashValue(catalog),
    };
    indexes.set(catalog, idx);
  }
  return idx;
}

/** Stable content hash of a catalog: equal content, equal fingerprint (key order ignored). */
export function catalogFingerprint(catalog: Catalog): string {
  return catalogIndex(catalog).fingerprint;
}

/** The persona's entry; every catalog holds all 18 (the schema guarantees it). */
export function personaInfo(catalog: Catalog, id: PersonaId): PersonaInfo {
  const p = catalogIndex(catalog).personaById.get(id);
  if (!p) throw new Error(`catalog has no persona "${id}"`);
  return p;
}

/** Result of loading an override: the catalog to use and every problem found, by file and JSON path. */
export interface CatalogLoadResult {
  /** The base catalog with every valid entry of the file applied (the base itself if nothing applied). */
  readonly catalog: Catalog;
  readonly diagnostics: readonly CatalogDiagnostic[];
}

/**
 * Applies an override file's text to `base`. `fileLabel` names the file in diagnostics. A file
 * that is not JSON, or not an object, leaves the base unchanged; a bad entry is skipped alone.
 */
export function parseCatalogOverride(text: string, fileLabel: string, base: Catalog = builtinCatalog()): CatalogLoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      catalog: base,
      diagnostics: [{ file: fileLabel, path: '(root)', severity: 'error', message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  return applyCatalogOverride(base, json, fileLabel);
}

/**
 * Reads a catalog override file (JSON: `{"servers": [...], "personas": [...]}`) and applies it to
 * `base`. Diagnostics name the file by its base name and the JSON path of each bad field, e.g.
 * `strata-catalog.json: servers[2].layers[0]: expected one of L0..L4`. A missing or unreadable
 * file is a diagnostic too; the base catalog keeps working in every case.
 */
export function loadCatalogFile(path: string, base: Catalog = builtinCatalog()): CatalogLoadResult {
  const label = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`;
    return { catalog: base, diagnostics: [{ file: label, path: '(root)', severity: 'error', message: `${why}: ${path}` }] };
  }
  return parseCatalogOverride(text, label, base);
}
