import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { AssignableServer } from '../engine/catalog/assignableServer';
import { catalogIndex, type Catalog } from '../engine/catalog/catalog';
import { capabilitySchema, catalogLayerIdSchema, zodIssuesToProblems } from '../engine/catalog/catalogSchema';
import { UsageError } from './cliArgs';

/**
 * `--servers FILE`: a JSON array of configured servers, e.g.
 * `[{"name": "github"}, {"name": "pg", "known": "postgres", "toolCount": 12}, {"name": "jenkins", "layers": ["L2"], "capabilities": ["ci"]}]`.
 * An entry takes its tags from the knowledge base when its `known` id (or its name) is a known
 * server, unless it gives `layers` and `capabilities` itself.
 */
const serverEntrySchema = z.strictObject({
  name: z.string({ error: 'expected a server name (string)' }).min(1, 'expected a non-empty server name'),
  known: z.string({ error: 'expected a knowledge-base id (string)' }).optional(),
  layers: z.array(catalogLayerIdSchema, { error: 'expected an array of layer ids (L0..L4)' }).optional(),
  capabilities: z.array(capabilitySchema, { error: 'expected an array of capability tags' }).optional(),
  toolCount: z.number({ error: 'expected a number of tools' }).int('expected a whole number of tools').nonnegative('expected a tool count ≥ 0').optional(),
  available: z.boolean({ error: 'expected true or false' }).optional(),
});
const serversFileSchema = z.array(serverEntrySchema, { error: 'expected a JSON array of server entries' });

/** Reads and validates a servers file; any problem is a {@link UsageError} naming the file and the JSON path. */
export function loadServersFile(path: string, catalog: Catalog): AssignableServer[] {
  const label = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `servers file not found: ${path}` : `cannot read servers file ${path} (${code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${label}: (root): not valid JSON: ${(e as Error).message}`);
  }
  const parsed = serversFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(zodIssuesToProblems(parsed.error).map((p) => `${label}: ${p.path}: ${p.message}`).join('\n'));
  }
  const index = catalogIndex(catalog);
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: AssignableServer[] = [];
  parsed.data.forEach((e, i) => {
    if (seen.has(e.name)) problems.push(`${label}: [${i}].name: duplicate server name "${e.name}"`);
    seen.add(e.name);
    const knownId = e.known ?? (index.serverById.has(e.name) ? e.name : undefined);
    const known = knownId === undefined ? undefined : index.serverById.get(knownId);
    if (e.known !== undefined && !known) {
      problems.push(`${label}: [${i}].known: "${e.known}" is not a knowledge-base server id`);
      return;
    }
    if (known) {
      const overridden = e.layers !== undefined || e.capabilities !== undefined;
      out.push({
        name: e.name,
        layers: e.layers ?? known.layers,
        capabilities: e.capabilities ?? known.capabilities,
        classification: overridden ? { kind: 'override', reason: `tags given in ${label}` } : { kind: 'known', knownId: known.id, matchedBy: `${label} entry ${i}` },
        available: e.available ?? true,
        ...(e.toolCount === undefined ? {} : { toolCount: e.toolCount }),
      });
      return;
    }
    if (e.layers === undefined || e.capabilities === undefined) {
      problems.push(`${label}: [${i}]: "${e.name}" is not a known server; give "layers" and "capabilities", or "known": "<id>"`);
      return;
    }
    out.push({
      name: e.name,
      layers: e.layers,
      capabilities: e.capabilities,
      classification: { kind: 'override', reason: `tags given in ${label}` },
      available: e.available ?? true,
      ...(e.toolCount === undefined ? {} : { toolCount: e.toolCount }),
    });
  });
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return out;
}

/** Every knowledge-base server as if configured (available, tool count unknown): the CLI's default view. */
export function knowledgeBaseServers(catalog: Catalog): AssignableServer[] {
  return catalog.servers.map((s) => ({
    name: s.id,
    layers: s.layers,
    capabilities: s.capabilities,
    classification: { kind: 'known', knownId: s.id, matchedBy: 'knowledge base (no configuration given)' },
    available: true,
  }));
}
