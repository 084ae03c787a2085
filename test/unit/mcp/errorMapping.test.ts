import { strict as assert } from 'node:assert';
import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolGatewayError } from '../../../src/engine/tools/toolGateway';
import { isServerFault, isSessionLost, toGatewayError } from '../../../src/mcp/errorMapping';

describe('MCP error mapping', () => {
  const kindOf = (e: unknown, signal?: AbortSignal) => {
    const g = toGatewayError('srv', e, signal);
    return [g.kind, g.transient] as const;
  };

  it('maps SDK, cockatiel, fetch and spawn errors to gateway kinds', () => {
    assert.deepEqual(kindOf(new McpError(ErrorCode.RequestTimeout, 'Request timed out')), ['timeout', true]);
    assert.deepEqual(kindOf(new McpError(ErrorCode.ConnectionClosed, 'Connection closed')), ['connection-lost', true]);
    assert.deepEqual(kindOf(new McpError(ErrorCode.InvalidParams, 'bad')), ['protocol', false]);
    assert.deepEqual(kindOf(new BrokenCircuitError()), ['circuit-open', true]);
    assert.deepEqual(kindOf(new BulkheadRejectedError(1, 0)), ['bulkhead-full', true]);
    assert.deepEqual(kindOf(new TaskCancelledError()), ['cancelled', false]);
    const ac = new AbortController();
    ac.abort();
    assert.deepEqual(kindOf(new Error('whatever'), ac.signal), ['cancelled', false]);
    assert.deepEqual(kindOf(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })), ['server-unavailable', true]);
    assert.deepEqual(kindOf(Object.assign(new Error('spawn x ENOENT'), { code: 'ENOENT' })), ['server-unavailable', false]);
    assert.deepEqual(kindOf(new StreamableHTTPError(503, 'unavailable')), ['server-unavailable', true]);
    assert.deepEqual(kindOf(new StreamableHTTPError(401, 'unauthorized')), ['server-unavailable', false]);
    assert.match(toGatewayError('srv', new StreamableHTTPError(401, 'x')).message, /^srv: authentication failed \(HTTP 401\)/);
  });

  it('passes gateway errors through and names the server', () => {
    const e = new ToolGatewayError('unknown-tool', 'a', 'a: no tool', false);
    assert.equal(toGatewayError('b', e), e);
    assert.match(toGatewayError('srv', new Error('boom')).message, /^srv: boom$/);
  });

  it('counts only server faults towards the breaker', () => {
    const f = (k: ConstructorParameters<typeof ToolGatewayError>[0]) => isServerFault(new ToolGatewayError(k, 's', 'm', true));
    assert.deepEqual(
      (['timeout', 'connection-lost', 'server-unavailable', 'cancelled', 'circuit-open', 'bulkhead-full', 'protocol', 'unknown-tool', 'not-allowed'] as const).filter(f),
      ['timeout', 'connection-lost', 'server-unavailable'],
    );
  });

  it('recognises "session not found" (404, or 400 mentioning the session)', () => {
    assert.equal(isSessionLost(new StreamableHTTPError(404, 'Session not found')), true);
    assert.equal(isSessionLost(new StreamableHTTPError(400, 'Bad Request: No valid session ID provided')), true);
    assert.equal(isSessionLost(new StreamableHTTPError(400, 'Bad Request: parse error')), false);
    assert.equal(isSessionLost(new StreamableHTTPError(500, 'session')), false);
    assert.equal(isSessionLost(new Error('404')), false);
  });
});
