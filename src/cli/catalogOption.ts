import { builtinCatalog, loadCatalogFile, type Catalog } from '../engine/catalog/catalog';
import { formatCatalogDiagnostic } from '../engine/catalog/catalogOverride';
import type { AssignableServer } from '../engine/catalog/assignableServer';
import { UsageError, stringFlag, type ParsedArgs } from './cliArgs';
import type { CliIo } from './cliIo';
import { knowledgeBaseServers, loadServersFile } from './serversFile';

/**
 * `--catalog FILE`: the built-in catalog with the file applied. On the command line an error in
 * the file stops the run (the user asked for that file); warnings are printed and the run goes on.
 */
export function catalogFromArgs(args: ParsedArgs, io: CliIo): Catalog {
  const path = stringFlag(args, 'catalog');
  if (path === undefined) return builtinCatalog();
  const { catalog, diagnostics } = loadCatalogFile(path);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) if (d.severity === 'warning') io.err(`warning: ${formatCatalogDiagnostic(d)}\n`);
  if (errors.length > 0) throw new UsageError(errors.map(formatCatalogDiagnostic).join('\n'));
  return catalog;
}

/** Which servers to plan against, and a sentence saying so. */
export interface ServerChoice {
  readonly kind: 'none' | 'known' | 'file';
  readonly servers: readonly AssignableServer[];
  readonly note: string;
}

/**
 * `--servers FILE|known|none`. The default is given by the command: the readable plan shows the
 * knowledge base as if configured; batch mode plans against none (routing figures only).
 */
export function serversFromArgs(args: ParsedArgs, catalog: Catalog, fallback: 'known' | 'none'): ServerChoice {
  const v = stringFlag(args, 'servers') ?? fallback;
  if (v === 'none') return { kind: 'none', servers: [], note: 'none configured (--servers FILE to plan against yours)' };
  if (v === 'known') {
    return {
      kind: 'known',
      servers: knowledgeBaseServers(catalog),
      note: `the knowledge base's ${catalog.servers.length} servers, as if all were configured (--servers FILE to plan against yours)`,
    };
  }
  const servers = loadServersFile(v, catalog);
  return { kind: 'file', servers, note: `${servers.length} configured in ${v}` };
}
