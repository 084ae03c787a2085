import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { ToolGatewayError, type ToolFailureKind } from '../engine/tools/toolGateway';

// cockatiel 3.2.1's own `isTaskCancelledError` tests the wrong marker property, so we check the
// marker properties its error classes set ourselves.
const hasMarker = (e: unknown, marker: string): boolean => e instanceof Error && marker in e;

/**
 * Maps whatever the SDK, cockatiel, Node or fetch threw into a {@link ToolGatewayError} with a kind
 * and a `transient` flag, so callers never see SDK error classes.
 */
export function toGatewayError(server: string, error: unknown, signal?: AbortSignal): ToolGatewayError {
  if (error instanceof ToolGatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const make = (kind: ToolFailureKind, text: string, transient: boolean): ToolGatewayError =>
    new ToolGatewayError(kind, server, `${server}: ${text}`, transient, { cause: error });

  if (signal?.aborted || hasMarker(error, 'isTaskCancelledError') || (error instanceof Error && error.name === 'AbortError')) {
    return make('cancelled', 'call cancelled', false);
  }
  if (hasMarker(error, 'isBrokenCircuitError')) return make('circuit-open', 'circuit open after repeated failures; calls are refused until the half-open trial', true);
  if (hasMarker(error, 'isBulkheadRejectedError')) return make('bulkhead-full', 'too many concurrent calls (bulkhead and its queue are full)', true);
  if (error instanceof McpError) {
    switch (error.code) {
      case ErrorCode.RequestTimeout:
        return make('timeout', `timed out (${message})`, true);
      case ErrorCode.ConnectionClosed:
        return make('connection-lost', `connection lost (${message})`, true);
      default:
        return make('protocol', message, false);
    }
  }
  if (error instanceof StreamableHTTPError || error instanceof SseError) {
    if (error.code === 401 || error.code === 403) {
      // Retrying cannot help; the user has to supply credentials (e.g. an Authorization header
      // from `${input:…}`). OAuth flows are not supported.
      return make('server-unavailable', `authentication failed (HTTP ${error.code}): configure credentials (e.g. an Authorization header) for this server`, false);
    }
    return make('server-unavailable', `HTTP error ${error.code ?? '?'} (${message})`, true);
  }
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | undefined)?.code ?? (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  if (code === 'ENOENT' || code === 'EACCES') return make('server-unavailable', `cannot start: ${message}`, false);
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || message === 'fetch failed') {
    return make('server-unavailable', `unreachable (${String(code ?? message)})`, true);
  }
  return make('protocol', message, false);
}

/** Faults that say the server is in trouble and count towards opening its circuit. */
export function isServerFault(error: ToolGatewayError): boolean {
  return error.kind === 'timeout' || error.kind === 'connection-lost' || error.kind === 'server-unavailable';
}

/**
 * True for the Streamable HTTP "session not found" answer: HTTP 404 for a request that carried a
 * session id (the spec), or the 400 "No valid session ID" some servers send after a restart.
 */
export function isSessionLost(error: unknown): boolean {
  if (!(error instanceof StreamableHTTPError)) return false;
  if (error.code === 404) return true;
  return error.code === 400 && /session/i.test(error.message);
}
