#!/usr/bin/env node
// `npm start`: builds Strata, starts VS Code 1.100.3's server on 127.0.0.1 with Strata loaded as
// the extension under development and a demo workspace whose .vscode/mcp.json lists real MCP
// servers from npm, prints the URL, and keeps running until Ctrl-C (which stops the server, its
// extension host and every MCP server it started: they share one process group).
//
//   node scripts/serve.mjs [--port N] [--fresh] [--no-build] [--no-setup]
//     --port N     port to listen on (default: the first free one from 39350)
//     --fresh      start from a clean demo workspace and VS Code profile
//     --no-build   do not run `node esbuild.js` first
//     --no-setup   do not run scripts/setup-vscode.sh when the VS Code server is missing
// The workspace copy and the profile live under .strata-tmp/ (gitignored; or $STRATA_SERVE_HOME)
// and persist between runs, so sessions and settings survive a restart of this command.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  repoRoot,
  serverMain,
  startVsCodeServer,
  stopAll,
  writeMachineSettings,
  writeMcpWorkspace,
} from './vscodeServer.mjs';

const argv = process.argv.slice(2);
const has = (f) => argv.includes(f);
const known = new Set(['--port', '--fresh', '--no-build', '--no-setup', '--help', '-h']);
for (let i = 0; i < argv.length; i++) {
  if (!known.has(argv[i])) {
    console.error(`serve: unknown argument "${argv[i]}" (known: ${[...known].join(', ')})`);
    process.exit(2);
  }
  if (argv[i] === '--port') i++;
}
if (has('--help') || has('-h')) {
  console.log('Usage: node scripts/serve.mjs [--port N] [--fresh] [--no-build] [--no-setup]');
  process.exit(0);
}

// STRATA_SERVE_HOME moves the workspace copy and profile elsewhere (e.g. to run two at once).
const tmpRoot = process.env.STRATA_SERVE_HOME ?? join(repoRoot, '.strata-tmp');
const workspace = join(tmpRoot, 'demo-workspace');
const profileBase = join(tmpRoot, 'vscode-profile');

function step(cmd, args, what) {
  console.log(`serve: ${what}`);
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`serve: ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

async function main() {
  if (!existsSync(serverMain)) {
    if (has('--no-setup')) throw new Error(`${serverMain} is missing; run "bash scripts/setup-vscode.sh"`);
    step('bash', ['scripts/setup-vscode.sh'], 'installing the VS Code 1.100.3 server and chromium (first run only)');
  }
  if (!has('--no-build')) step(process.execPath, ['esbuild.js'], 'building the extension and the CLI (node esbuild.js)');
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: the build did not produce the extension');

  if (has('--fresh')) rmSync(tmpRoot, { recursive: true, force: true });
  if (!existsSync(workspace)) {
    // A copy, so the filesystem and memory servers can write without touching the repository.
    cpSync(join(repoRoot, 'demo'), workspace, { recursive: true });
  }
  // Absolute paths into this clone's node_modules (the demo's own file uses ${workspaceFolder}/..).
  writeMcpWorkspace(workspace);
  const dirs = {
    userDataDir: join(profileBase, 'user-data'),
    serverDataDir: join(profileBase, 'server-data'),
    extensionsDir: join(profileBase, 'extensions'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  writeMachineSettings(dirs.serverDataDir, { 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' });

  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : await freePort(39350, 39399);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port needs a port number, got "${argv[portArg + 1]}"`);

  const server = await startVsCodeServer({ ...dirs, port, echo: false });
  const url = server.url({ folder: workspace, extensionDevelopmentPath: repoRoot });
  const cli = `node ${join('dist', 'cli.js')}`;
  console.log(`
Strata is running in VS Code 1.100.3 (the extension under development, loaded from ${repoRoot}).

  Open:  ${url}

  Workspace:   ${workspace}
               (.vscode/mcp.json: MCP servers "everything", "filesystem", "memory" from npm)
  Try:         F1 → "Strata: Coordinate Task" → "Add a password reset endpoint with rate limiting and tests"
               then the Strata view in the activity bar, and the status-bar item for server health.
  Short URL:   http://127.0.0.1:${port}/?folder=${workspace}  (without the extension under development)

The strata CLI (same engine, no VS Code needed):
  ${cli} --help
  ${cli} plan "Add a password reset endpoint with rate limiting and tests"
  ${cli} plan --markdown "Design a multi-region deployment with Kubernetes and CI/CD"
  (or "npm link" once, then "strata …")

Press Ctrl-C to stop VS Code, its extension host and the MCP servers.
`);
  // Keep running until a signal; vscodeServer.mjs stops everything on SIGINT/SIGTERM/SIGHUP.
  await new Promise((resolve) => {
    const t = setInterval(() => {
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(t);
        console.error('serve: the VS Code server exited:\n' + server.output().slice(-3000));
        resolve(undefined);
      }
    }, 1000);
  });
  await stopAll();
  process.exit(1);
}

main().catch(async (e) => {
  console.error(`serve: ${e?.message ?? e}`);
  await stopAll();
  process.exit(1);
});
