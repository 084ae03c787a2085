import { z } from 'zod';
import { LAYER_IDS, type LayerId } from '../engine/catalog/layers';

/**
 * Strata's settings, parsed with zod at the trust boundary (settings.json is user-edited text).
 * vscode-free: the caller passes a `get(key)` reader, so parsing is unit-tested in plain Node.
 * A bad value falls back to its default and produces a message naming the setting and the problem;
 * the other settings are unaffected.
 */

/** Model selector: `vendor/family`, a family alone, or empty (first available). */
const modelSelector = z
  .string()
  .regex(/^$|^[A-Za-z0-9._-]+(\/[A-Za-z0-9._:-]+)?$/, 'use `vendor/family` (e.g. `copilot/gpt-4o`), a family alone, or an empty string');

const serverDefinition = z
  .object({
    type: z.enum(['stdio', 'http', 'sse']).optional(),
    command: z.string().min(1).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    cwd: z.string().optional(),
    url: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    disabled: z.boolean().optional(),
  })
  .loose()
  .refine((d) => d.command !== undefined || d.url !== undefined, { message: 'a server needs `command` (stdio) or `url` (http/sse)' });

/** One schema per setting key, with its default. Keys are relative to the `strata` section. */
export const SETTING_SCHEMAS = {
  'execution.mode': z.enum(['model', 'manual']).default('model'),
  'approval.policy': z.enum(['alwaysAsk', 'readOnlyAuto', 'auto']).default('readOnlyAuto'),
  'models.L0': modelSelector.default(''),
  'models.L1': modelSelector.default(''),
  'models.L2': modelSelector.default(''),
  'models.L3': modelSelector.default(''),
  'models.L4': modelSelector.default(''),
  'budget.toolCalls': z.number().int().min(1).max(100_000).default(200),
  'budget.tokens': z.number().int().min(1000).max(100_000_000).default(500_000),
  'budget.wallTimeMinutes': z.number().min(1).max(10_080).default(60),
  concurrency: z.number().int().min(1).max(64).default(4),
  'mcp.extraConfigPaths': z.array(z.string().min(1)).default([]),
  'mcp.servers': z.record(z.string().min(1), serverDefinition).default({}),
  'notifications.minIntervalSeconds': z.number().int().min(0).max(3600).default(60),
  'plan.lowConfidenceThreshold': z.number().min(0).max(1).default(0.6),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
type Out<K extends SettingKey> = z.output<(typeof SETTING_SCHEMAS)[K]>;

/** Parsed, typed settings. */
export interface StrataSettings {
  readonly executionMode: Out<'execution.mode'>;
  readonly approvalPolicy: Out<'approval.policy'>;
  /** Model selector per layer ('' = first available). */
  readonly models: Readonly<Record<LayerId, string>>;
  readonly budget: { readonly toolCalls: number; readonly tokens: number; readonly wallTimeMs: number };
  readonly concurrency: number;
  readonly extraConfigPaths: readonly string[];
  readonly servers: Out<'mcp.servers'>;
  readonly notificationIntervalMs: number;
  readonly lowConfidenceThreshold: number;
}

/** A setting that was rejected, with a message a user can act on. */
export interface SettingProblem {
  readonly key: `strata.${string}`;
  readonly message: string;
}

/** Parses all settings; never throws. `get` returns the raw configured value (undefined when unset). */
export function parseSettings(get: (key: SettingKey) => unknown): { settings: StrataSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const read = <K extends SettingKey>(key: K): Out<K> => {
    const schema = SETTING_SCHEMAS[key];
    const raw = get(key);
    const r = schema.safeParse(raw);
    if (r.success) return r.data as Out<K>;
    const detail = r.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    problems.push({ key: `strata.${key}`, message: `strata.${key} is invalid (${detail}); using the default.` });
    return schema.parse(undefined) as Out<K>;
  };
  const models = Object.fromEntries(LAYER_IDS.map((l) => [l, read(`models.${l}` as SettingKey) as string])) as Record<LayerId, string>;
  const settings: StrataSettings = {
    executionMode: read('execution.mode'),
    approvalPolicy: read('approval.policy'),
    models,
    budget: {
      toolCalls: read('budget.toolCalls'),
      tokens: read('budget.tokens'),
      wallTimeMs: Math.round(read('budget.wallTimeMinutes') * 60_000),
    },
    concurrency: read('concurrency'),
    extraConfigPaths: read('mcp.extraConfigPaths'),
    servers: read('mcp.servers'),
    notificationIntervalMs: read('notifications.minIntervalSeconds') * 1000,
    lowConfidenceThreshold: read('plan.lowConfidenceThreshold'),
  };
  return { settings, problems };
}

/** Splits a model selector into the `vscode.lm.selectChatModels` filter. */
export function modelSelectorFilter(selector: string): { vendor?: string; family?: string } {
  if (!selector) return {};
  const slash = selector.indexOf('/');
  if (slash < 0) return { family: selector };
  return { vendor: selector.slice(0, slash), family: selector.slice(slash + 1) };
}
