import type { ToolDescriptor, ToolFailureKind } from '../engine/tools/toolGateway';
import type { ConfiguredServer } from './serverConfig';

/**
 * Whether a tool call may be repeated after a transient failure. Tool calls are never retried
 * blindly: only when the user listed the tool (or `*`) in `retrySafeTools`, or the server
 * annotates it `readOnlyHint: true` or `idempotentHint: true`. A `destructiveHint: true` tool that
 * is not also idempotent is never retried on annotations alone.
 */
export function isRetrySafe(tool: ToolDescriptor, server: Pick<ConfiguredServer, 'retrySafeTools'>): boolean {
  const listed = server.retrySafeTools ?? [];
  if (listed.includes('*') || listed.includes(tool.name)) return true;
  const a = tool.annotations;
  if (!a) return false;
  if (a.idempotentHint === true) return true;
  return a.readOnlyHint === true && a.destructiveHint !== true;
}

/** Failure kinds worth another attempt (for retry-safe tools only). */
export const RETRYABLE_KINDS: ReadonlySet<ToolFailureKind> = new Set<ToolFailureKind>(['timeout', 'connection-lost', 'server-unavailable']);
