import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { descendantsOf, isAlive } from '../../../src/mcp/processTree';
import type { ConfiguredServer } from '../../../src/mcp/serverConfig';
import type { ResiliencePolicy } from '../../../src/mcp/resiliencePolicy';

/** Repository root. */
export const ROOT = join(__dirname, '..', '..', '..');
/** Path of an npm-installed binary. */
export const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
/** Path of a fault-injection fixture server. */
export const fixture = (name: string): string => join(ROOT, 'test', 'fixtures', 'mcp', name);

/** A user-scoped, startable stdio server definition. */
export function stdioServer(name: string, command: string, args: string[] = [], extra: Partial<ConfiguredServer> = {}): ConfiguredServer {
  return {
    name,
    transport: { kind: 'stdio', command, args, env: {} },
    source: { id: 'test', label: 'test', scope: 'user', file: 'test' },
    disabled: false,
    autoApprove: [],
    startable: true,
    ...extra,
  };
}

/** A user-scoped HTTP server definition. */
export function httpServer(name: string, url: string, kind: 'http' | 'sse' = 'http', extra: Partial<ConfiguredServer> = {}): ConfiguredServer {
  return {
    name,
    transport: { kind, url, headers: {} },
    source: { id: 'test', label: 'test', scope: 'user', file: 'test' },
    disabled: false,
    autoApprove: [],
    startable: true,
    ...extra,
  };
}

/** Short timings so fault cases finish in seconds. */
export const FAST_POLICY: Partial<ResiliencePolicy> = {
  startTimeoutMs: 8_000,
  callTimeoutMs: 8_000,
  listTimeoutMs: 8_000,
  breakerConsecutiveFailures: 2,
  breakerHalfOpenAfterMs: 600,
  pingIntervalMs: 0,
  backoffBaseMs: 50,
  backoffMaxMs: 400,
  maxAutoRestarts: 3,
};

/**
 * `n` distinct ports on 127.0.0.1 that are free now: the OS picks them (port 0; all held until each is known, so
 * none repeats) and they are released at once. Fixed ports in the ephemeral range can be taken by any outgoing
 * connection on the machine (EADDRINUSE in CI), so servers a test starts itself get theirs from here.
 */
export async function freePorts(n: number): Promise<number[]> {
  const servers: NetServer[] = [];
  try {
    for (let k = 0; k < n; k++) {
      const srv = createNetServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((srv) => (srv.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  }
}

/** Polls `predicate` every 25 ms until it holds or `ms` pass. */
export async function waitFor(predicate: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Collects unhandled rejections during a suite; `check()` fails the suite if any occurred. */
export function trackUnhandledRejections(): { check(): void; stop(): void } {
  const seen: unknown[] = [];
  const handler = (reason: unknown): void => void seen.push(reason);
  process.on('unhandledRejection', handler);
  return {
    check() {
      if (seen.length) throw new Error(`unhandled rejection(s): ${seen.map((r) => (r instanceof Error ? r.stack : String(r))).join('\n')}`);
    },
    stop() {
      process.off('unhandledRejection', handler);
    },
  };
}

/**
 * Server processes (fixtures or npm MCP servers) still running below this test process; `[]`
 * after dispose means no orphan. Reads /proc (Linux).
 */
export function strayServerPids(): number[] {
  return descendantsOf(process.pid).filter((pid) => {
    if (!isAlive(pid)) return false;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return /fixtures\/mcp|mcp-server-|server-everything|server-filesystem|server-memory/.test(cmd);
    } catch {
      return false;
    }
  });
}

/**
 * Orphan check scoped to one suite: server processes that exist at `start()` (another suite's,
 * if any) are ignored; `newStrays()` lists the ones that appeared since and are still alive.
 */
export function orphanWatch(): { start(): void; newStrays(): number[]; assertNone(waitMs?: number): Promise<void> } {
  let baseline = new Set<number>();
  const newStrays = (): number[] => strayServerPids().filter((p) => !baseline.has(p));
  return {
    start() {
      baseline = new Set(strayServerPids());
    },
    newStrays,
    async assertNone(waitMs = 5000) {
      await waitFor(() => newStrays().length === 0, waitMs, 'no orphan server process').catch(() => undefined);
      const left = newStrays();
      if (left.length) throw new Error(`orphan server process(es) survived: ${left.map((p) => `${p} ${readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ')}`).join('; ')}`);
    },
  };
}
