import { z } from 'zod';
import { LAYER_IDS } from './layers';
import { PERSONA_IDS } from './personas';

/**
 * Zod schemas for the catalog (layers, personas, known servers) and for the user's override file.
 * The built-in data is checked once against {@link catalogSchema}; override files are checked
 * entry by entry against the override schemas so one bad entry costs only that entry.
 */

const LAYER_LIST = LAYER_IDS.join(', ');

/** A layer id; the message is what a user sees for a typo in an override file. */
export const catalogLayerIdSchema = z.enum(LAYER_IDS, { error: `expected one of L0..L4 (${LAYER_LIST})` });

/** A persona id of ROUTING §2. */
export const catalogPersonaIdSchema = z.enum(PERSONA_IDS, {
  error: 'expected one of the 18 persona ids of ROUTING §2 (e.g. "backend-developer")',
});

/** Capability tags are open-ended but shaped like the contract's: lowercase words joined by "-". */
export const capabilitySchema = z
  .string({ error: 'expected a capability tag (a string such as "vcs" or "web-search")' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase capability tag such as "vcs" or "web-search"');

/** Knowledge-base server ids: lowercase, digits, ".", "_" and "-". */
export const serverIdSchema = z
  .string({ error: 'expected a server id (a string such as "github")' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lowercase server id such as "github" or "my-server"');

const patternList = z.array(z.string({ error: 'expected a string pattern' }).min(1, 'expected a non-empty pattern'), {
  error: 'expected an array of string patterns',
});

/** Recognition patterns of a known server (all four lists present). */
export const serverMatchersSchema = z.strictObject({
  packages: patternList,
  commands: patternList,
  images: patternList,
  urls: patternList,
});

const layerList = z.array(catalogLayerIdSchema, { error: 'expected an array of layer ids (L0..L4)' });
const capabilityList = z.array(capabilitySchema, { error: 'expected an array of capability tags' });

/** One knowledge-base entry. */
export const knownServerSchema = z.strictObject({
  id: serverIdSchema,
  launch: z.string(),
  layers: layerList.min(1, 'expected at least one layer'),
  capabilities: capabilityList.min(1, 'expected at least one capability'),
  match: serverMatchersSchema,
});

/** One persona. */
export const personaInfoSchema = z.strictObject({
  id: catalogPersonaIdSchema,
  layer: catalogLayerIdSchema,
  name: z.string().min(1),
  owns: z.string(),
  needs: capabilityList.min(1, 'expected at least one capability need'),
});

/** One layer. */
export const layerInfoSchema = z.strictObject({
  id: catalogLayerIdSchema,
  name: z.string().min(1),
  role: z.string(),
});

/**
 * A whole catalog. Beyond field shapes it checks what routing relies on: the five layers in
 * order, each of the 18 personas exactly once, and unique server ids.
 */
export const catalogSchema = z
  .strictObject({
    layers: z.array(layerInfoSchema),
    personas: z.array(personaInfoSchema),
    servers: z.array(knownServerSchema),
  })
  .superRefine((c, ctx) => {
    if (c.layers.map((l) => l.id).join(',') !== LAYER_IDS.join(',')) {
      ctx.addIssue({ code: 'custom', path: ['layers'], message: `expected the five layers in order: ${LAYER_LIST}` });
    }
    const seenPersonas = new Set<string>();
    c.personas.forEach((p, i) => {
      if (seenPersonas.has(p.id)) ctx.addIssue({ code: 'custom', path: ['personas', i, 'id'], message: `duplicate persona "${p.id}"` });
      seenPersonas.add(p.id);
    });
    for (const id of PERSONA_IDS) {
      if (!seenPersonas.has(id)) ctx.addIssue({ code: 'custom', path: ['personas'], message: `missing persona "${id}"` });
    }
    const seenServers = new Set<string>();
    c.servers.forEach((s, i) => {
      if (seenServers.has(s.id)) ctx.addIssue({ code: 'custom', path: ['servers', i, 'id'], message: `duplicate server id "${s.id}"` });
      seenServers.add(s.id);
    });
  });

/**
 * One server entry of an override file. `id` names a built-in entry to override (only the
 * fields given change) or a new server (then `layers` and `capabilities` are required).
 */
export const serverOverrideSchema = z.strictObject({
  id: serverIdSchema,
  launch: z.string({ error: 'expected a string' }).optional(),
  layers: layerList.min(1, 'expected at least one layer').optional(),
  capabilities: capabilityList.min(1, 'expected at least one capability').optional(),
  /** Lists given here replace the entry's lists of the same name. */
  match: z
    .strictObject({
      packages: patternList.optional(),
      commands: patternList.optional(),
      images: patternList.optional(),
      urls: patternList.optional(),
    })
    .optional(),
});

/** One persona entry of an override file: its capability needs (and optionally display name). */
export const personaOverrideSchema = z.strictObject({
  id: catalogPersonaIdSchema,
  name: z.string({ error: 'expected a string' }).min(1).optional(),
  needs: capabilityList.min(1, 'expected at least one capability need'),
});

/** The top level of an override file; entries are validated one by one afterwards. */
export const catalogOverrideFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1, { error: 'expected 1 (the only override file version)' }).optional(),
  servers: z.array(z.unknown(), { error: 'expected an array of server entries' }).optional(),
  personas: z.array(z.unknown(), { error: 'expected an array of persona entries' }).optional(),
});

export type ServerOverride = z.infer<typeof serverOverrideSchema>;
export type PersonaOverride = z.infer<typeof personaOverrideSchema>;

/**
 * Formats a zod issue path as a JSON path: `servers[2].layers[0]`. `prefix` is the path of the
 * value that was parsed (for entries validated one by one).
 */
export function formatIssuePath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One readable problem per zod issue: `{path, message}`. Unknown keys get one entry each. */
export function zodIssuesToProblems(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatIssuePath([...issue.path, key], prefix), message: `unknown field "${key}"` });
    } else {
      out.push({ path: formatIssuePath(issue.path, prefix), message: issue.message });
    }
  }
  return out;
}
