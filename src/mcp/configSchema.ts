import { z } from 'zod';
import type { InputDefinition } from './secretProvider';

/**
 * Raw server entry as any supported client writes it (VS Code, Cursor, Roo, Cline, Claude
 * Desktop, `.mcp.json`, Strata settings). Unknown keys are allowed (clients add their own).
 */
export const RawServerEntrySchema = z
  .object({
    type: z.string().optional(),
    transportType: z.string().optional(),
    command: z.string().min(1, 'command must not be empty').optional(),
    args: z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
    env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
    envFile: z.string().optional(),
    cwd: z.string().optional(),
    url: z.string().min(1, 'url must not be empty').optional(),
    headers: z.record(z.string(), z.string()).optional(),
    disabled: z.boolean().optional(),
    alwaysAllow: z.array(z.string()).optional(),
    autoApprove: z.array(z.string()).optional(),
    timeout: z.number().positive('timeout must be a positive number').optional(),
    retrySafeTools: z.array(z.string()).optional(),
  })
  .loose();

/** A validated (not yet normalised) server entry. */
export type RawServerEntry = z.infer<typeof RawServerEntrySchema>;

/** VS Code `inputs[]` entry. */
export const InputDefinitionSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(['promptString', 'pickString', 'command']),
    description: z.string().optional(),
    password: z.boolean().optional(),
    default: z.string().optional(),
    options: z.array(z.union([z.string(), z.object({ value: z.string() }).loose().transform((o) => o.value)])).optional(),
  })
  .loose();

/** Parses an input definition (already validated). */
export function toInputDefinition(raw: z.infer<typeof InputDefinitionSchema>): InputDefinition {
  return { id: raw.id, type: raw.type, description: raw.description, password: raw.password, default: raw.default, options: raw.options };
}

/** The transport kind an entry asks for, or an error message naming the accepted spellings. */
export function transportKindOf(entry: RawServerEntry): { kind: 'stdio' | 'http' | 'sse' } | { error: string; field: string } {
  const declared = entry.type ?? entry.transportType;
  const field = entry.type !== undefined ? 'type' : 'transportType';
  if (declared !== undefined) {
    const norm = declared.toLowerCase().replace(/[-_\s]/g, '');
    if (norm === 'stdio' || norm === 'local') return entry.command ? { kind: 'stdio' } : { error: `type "${declared}" needs a "command"`, field: 'command' };
    if (norm === 'http' || norm === 'streamablehttp' || norm === 'streamable') return entry.url ? { kind: 'http' } : { error: `type "${declared}" needs a "url"`, field: 'url' };
    if (norm === 'sse') return entry.url ? { kind: 'sse' } : { error: `type "${declared}" needs a "url"`, field: 'url' };
    return { error: `unknown transport type "${declared}" (expected stdio, http, streamable-http, streamableHttp or sse)`, field };
  }
  if (entry.command) return { kind: 'stdio' };
  if (entry.url) return { kind: 'http' }; // a url without a type is Streamable HTTP (with SSE fallback)
  return { error: 'needs a "command" (stdio) or a "url" (http/sse)', field: '' };
}

/**
 * Normalises `timeout`: Cline and Roo write seconds; values above 1000 are taken as
 * milliseconds (some hand-written configs use ms). Returns milliseconds.
 */
export function timeoutToMs(timeout: number | undefined): number | undefined {
  if (timeout === undefined) return undefined;
  return timeout > 1000 ? Math.round(timeout) : Math.round(timeout * 1000);
}

/** `$.servers.name` or `$.servers["odd name"]`. */
export function jsonPath(...parts: readonly (string | number)[]): string {
  let out = '$';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}
