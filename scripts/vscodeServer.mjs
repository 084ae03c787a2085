// Starts and stops VS Code 1.100.3's server (from the code-server npm package, installed by
// scripts/setup-vscode.sh) and Debian's chromium, for scripts/serve.mjs and both test runners.
// Facts behind this: ../shared/notes/vscode-host-testing.md and docs/testing.md.
//
// Every process started here is registered in one place and killed (whole process group) on
// normal exit, on an uncaught error and on SIGINT/SIGTERM/SIGHUP, so a run leaves no orphans.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where setup-vscode.sh installs the server entry point. */
export const serverMain = join(
  repoRoot,
  '.vscode-test/code-server/node_modules/code-server/lib/vscode/out/server-main.js',
);

/** Debian's chromium; playwright's own browser download cannot work on these machines. */
export const chromiumPath = process.env.STRATA_CHROMIUM || '/usr/bin/chromium';

/** Flags that keep chromium quiet and working as root without a GPU or network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// ---- process registry: everything started here dies with us ---------------------------------

/** @type {Set<() => void>} synchronous last-resort killers, run on exit */
const killers = new Set();
/** @type {Set<() => Promise<void>>} graceful stoppers, run on signals */
const stoppers = new Set();
let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const k of killers) k();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      // A second signal while stopping means "now": the exit handler kills what is left.
      if (stopping) process.exit(130);
      stopping = true;
      void stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
}
let stopping = false;

/** Stops every server and browser started through this module. */
export async function stopAll() {
  await Promise.allSettled([...stoppers].map((s) => s()));
}

/**
 * Registers a resource to stop when the process ends.
 * @param {() => Promise<void>} stop graceful stop
 * @param {() => void} kill synchronous kill for the 'exit' event
 * @returns {() => void} unregister
 */
export function registerCleanup(stop, kill) {
  installExitHandlers();
  stoppers.add(stop);
  killers.add(kill);
  return () => {
    stoppers.delete(stop);
    killers.delete(kill);
  };
}

/** Kills a process group, ignoring "no such process". */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

// ---- ports ------------------------------------------------------------------------------------

/** Resolves true when nothing listens on 127.0.0.1:port. */
function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * The first free port in [from, to] (this project's helpers each own a port range).
 * @param {number} from
 * @param {number} to
 */
export async function freePort(from = 39350, to = 39399) {
  for (let p = from; p <= to; p++) if (await portFree(p)) return p;
  throw new Error(`vscodeServer: no free port in ${from}-${to}`);
}

// ---- folders ----------------------------------------------------------------------------------

/**
 * A fresh temporary folder with user-data, server-data and extensions dirs for one server run.
 * @param {string} prefix
 */
export function freshProfile(prefix = 'strata-vscode-') {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    base,
    userDataDir: join(base, 'user-data'),
    serverDataDir: join(base, 'server-data'),
    extensionsDir: join(base, 'extensions'),
  };
  for (const d of [dirs.userDataDir, dirs.serverDataDir, dirs.extensionsDir]) mkdirSync(d, { recursive: true });
  return dirs;
}

/**
 * Writes the machine settings the server applies to every window it serves. In the web workbench,
 * "User" settings live in the browser; settings for the remote machine live here.
 * @param {string} serverDataDir
 * @param {Record<string, unknown>} settings
 */
export function writeMachineSettings(serverDataDir, settings) {
  const dir = join(serverDataDir, 'data', 'Machine');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Writes a workspace folder whose `.vscode/mcp.json` lists the three real MCP servers from npm
 * (server-everything, server-filesystem rooted in the workspace, server-memory) by absolute path
 * into this clone's node_modules, so it works from any fresh clone after `npm ci`.
 * @param {string} dir folder to create (must not need to exist)
 * @param {{memoryFile?: string, extraFiles?: Record<string, string>}} [opts]
 * @returns {string} the folder
 */
export function writeMcpWorkspace(dir, opts = {}) {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  const mod = (p) => join(repoRoot, 'node_modules', p);
  const mcp = {
    servers: {
      everything: {
        type: 'stdio',
        command: process.execPath,
        args: [mod('@modelcontextprotocol/server-everything/dist/index.js'), 'stdio'],
      },
      filesystem: {
        type: 'stdio',
        command: process.execPath,
        args: [mod('@modelcontextprotocol/server-filesystem/dist/index.js'), dir],
      },
      memory: {
        type: 'stdio',
        command: process.execPath,
        args: [mod('@modelcontextprotocol/server-memory/dist/index.js')],
        env: { MEMORY_FILE_PATH: opts.memoryFile ?? join(dir, '.strata-memory.jsonl') },
      },
    },
  };
  writeFileSync(join(dir, '.vscode', 'mcp.json'), JSON.stringify(mcp, null, 2) + '\n');
  for (const [rel, text] of Object.entries(opts.extraFiles ?? {})) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

// ---- the server -------------------------------------------------------------------------------

/**
 * @typedef {object} VsCodeServer
 * @property {number} port
 * @property {string} origin   http://127.0.0.1:PORT
 * @property {number} pid      process-group leader
 * @property {() => string} output  everything the server printed so far
 * @property {(opts: {folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string}) => string} url
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `server-main.js` in its own process group and resolves once it listens.
 * @param {{port?: number, userDataDir: string, serverDataDir: string, extensionsDir: string,
 *          env?: Record<string, string>, echo?: boolean, disableWorkspaceTrust?: boolean,
 *          timeoutMs?: number}} opts
 * @returns {Promise<VsCodeServer>}
 */
export async function startVsCodeServer(opts) {
  if (!existsSync(serverMain)) {
    throw new Error(`vscodeServer: ${serverMain} is missing; run "bash scripts/setup-vscode.sh" first`);
  }
  const port = opts.port ?? (await freePort());
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--user-data-dir', opts.userDataDir,
    '--server-data-dir', opts.serverDataDir,
    '--extensions-dir', opts.extensionsDir,
    '--disable-telemetry',
  ];
  // The workbench's trust dialog cannot be answered in test mode; this makes every folder trusted
  // (workspace-trust "disabled" = trusted), so workspace mcp.json servers may start.
  if (opts.disableWorkspaceTrust !== false) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true, // own process group: the extension host and MCP servers die with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  let out = '';
  const onData = (chunk) => {
    const s = chunk.toString();
    out += s;
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
    if (opts.echo) process.stderr.write(s.replace(/^/gm, '[vscode-server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const pid = /** @type {number} */ (child.pid);
  let exited = false;
  const exitedP = new Promise((resolve) => child.once('exit', () => { exited = true; resolve(undefined); }));

  const stop = async () => {
    unregister();
    if (exited) return;
    killGroup(pid, 'SIGTERM');
    const t = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000);
    await exitedP;
    clearTimeout(t);
    // Children (extension host, MCP servers) may outlive the leader briefly: make sure.
    killGroup(pid, 'SIGKILL');
  };
  const unregister = registerCleanup(stop, () => killGroup(pid, 'SIGKILL'));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      unregister();
      throw new Error(`vscodeServer: server exited during startup:\n${out.slice(-4000)}`);
    }
    if (/Extension host agent listening on/.test(out)) {
      try {
        const res = await fetch(`${origin}/version`).catch(() => fetch(origin));
        if (res.status < 500) break;
      } catch {
        /* not yet */
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`vscodeServer: server did not listen on ${port} in time:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    port,
    origin,
    pid,
    output: () => out,
    url: ({ folder, extensionDevelopmentPath, extensionTestsPath }) => workbenchUrl(port, folder, extensionDevelopmentPath, extensionTestsPath),
    stop,
  };
}

/**
 * The workbench URL for a folder, with the extension under development and test module passed
 * as the `payload` parameter (JSON pairs; paths as vscode-remote URIs on this server).
 * @param {number} port
 * @param {string} folder
 * @param {string} [extensionDevelopmentPath]
 * @param {string} [extensionTestsPath]
 */
export function workbenchUrl(port, folder, extensionDevelopmentPath, extensionTestsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams({ folder });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q.toString()}`;
}

// ---- the browser ------------------------------------------------------------------------------

/**
 * Launches Debian's chromium through playwright-core; closed on exit like the server.
 * @param {{headless?: boolean}} [opts]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium(opts = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(chromiumPath)) {
    throw new Error(`vscodeServer: ${chromiumPath} is missing; run "bash scripts/setup-vscode.sh" first`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: chromiumArgs,
  });
  // playwright kills its browser when this process exits; closing it here is the polite path.
  const stop = async () => {
    unregister();
    await browser.close().catch(() => {});
  };
  const unregister = registerCleanup(stop, () => {});
  return browser;
}

/**
 * Removes a temporary folder, ignoring errors (used in finally blocks).
 * @param {string | undefined} dir
 */
export function removeDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
