#!/usr/bin/env node
// Runs the extension-host tests (test/vscode/suite/*.test.ts, mocha) inside a real VS Code 1.100.3:
// the VS Code server from code-server's npm package, a workbench page in Debian's chromium driven by
// playwright-core, and the extension under development + the tests module passed in the URL's
// `payload`. Prints mocha-style summary lines ("N passing" / "N failing" / "N pending") that
// scripts/test.mjs counts, and exits non-zero on a failure or when no test ran.
//
//   node test/vscode/runHostTests.mjs [--grep TEXT] [--keep] [--echo-server]
//
// Two extension-host starts in one window: phase "main" runs every suite but afterRestart.test.js;
// then the runner reloads the window (a new extension host: see the comment there) and phase
// "afterRestart" checks that what phase main left behind (a completed session) is still listed.
// Environment: STRATA_TEST_EXTENSION_PATH overrides the extension folder (harness self-checks).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freshProfile,
  launchChromium,
  removeDir,
  repoRoot,
  startVsCodeServer,
  stopAll,
  writeMachineSettings,
  writeMcpWorkspace,
} from '../../scripts/vscodeServer.mjs';
import { buildHostTests, testsEntry } from './buildTests.mjs';
import { report } from './report.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const PHASE_TIMEOUT_MS = Number(process.env.STRATA_VSCODE_TEST_TIMEOUT_MS ?? 300_000);
const extensionPath = process.env.STRATA_TEST_EXTENSION_PATH ?? repoRoot;
const outputDir = join(repoRoot, 'test-output', 'vscode');

/** Echoes a runner line (never a mocha summary line: only the final report prints those). */
const say = (s) => console.log(`[vscode-tests] ${s}`);

async function main() {
  const t0 = Date.now();
  mkdirSync(outputDir, { recursive: true });
  if (extensionPath === repoRoot) {
    say('building the extension (node esbuild.js)');
    const b = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
    if (b.status !== 0) throw new Error(`node esbuild.js failed with exit code ${b.status}`);
    if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing after the build');
  }
  const built = await buildHostTests();
  say(`bundled ${built.suites} suite file(s) to ${built.entry}`);

  const profile = freshProfile('strata-vscode-tests-');
  const keep = flag('--keep');
  try {
    const workspace = writeMcpWorkspace(join(profile.base, 'workspace'), {
      extraFiles: {
        'README.md': '# Strata test workspace\n\nA temporary workspace for the extension-host tests.\n',
        'src/app.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
      },
    });
    writeMachineSettings(profile.serverDataDir, {
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
    });
    const controlFile = join(workspace, '.strata-test', 'control.json');
    const writeControl = (phase, resultsFile) => {
      mkdirSync(join(workspace, '.strata-test'), { recursive: true });
      writeFileSync(controlFile, JSON.stringify({ phase, resultsFile, grep: option('--grep') }));
    };

    const server = await startVsCodeServer({ ...profile, echo: flag('--echo-server'), env: { STRATA_TEST_MODE: '1' } });
    say(`VS Code server on ${server.origin} (pid ${server.pid})`);
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const consoleLines = [];
    /** @type {((code: number) => void) | undefined} */
    let onHostExit;
    await page.exposeFunction('codeAutomationExit', (code) => {
      say(`extension host finished the tests (exit code ${code})`);
      onHostExit?.(Number(code));
    });
    page.on('console', (msg) => {
      const text = msg.text();
      consoleLines.push(`[${msg.type()}] ${text}`);
      const i = text.indexOf('[strata-test] ');
      if (i >= 0) console.log(`  ${text.slice(i + 14).split('\n')[0]}`);
    });
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    /** Waits for a phase's results file (or the host's exit without one) and reads it. */
    const awaitPhase = async (phase, resultsFile, start) => {
      const exited = new Promise((resolve) => (onHostExit = resolve));
      await start();
      const deadline = Date.now() + PHASE_TIMEOUT_MS;
      let exitCode;
      void exited.then((c) => (exitCode = c));
      while (!existsSync(resultsFile)) {
        if (exitCode !== undefined) {
          // The host exited: give the file a moment, then report that no result came.
          await new Promise((r) => setTimeout(r, 1000));
          if (existsSync(resultsFile)) break;
          return { phase, fatal: `the extension host exited (code ${exitCode}) without writing ${resultsFile}`, results: [] };
        }
        if (Date.now() > deadline) {
          return { phase, fatal: `phase ${phase} timed out after ${PHASE_TIMEOUT_MS / 1000}s`, results: [] };
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      // Let the host finish exiting before the next step touches the window.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      return JSON.parse(readFileSync(resultsFile, 'utf8'));
    };

    const url = server.url({ folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsEntry });
    const mainResults = join(profile.base, 'results-main.json');
    writeControl('main', mainResults);
    say('phase main: opening the workbench');
    const phases = [await awaitPhase('main', mainResults, () => page.goto(url, { waitUntil: 'domcontentloaded' }))];

    const restartSuite = join(repoRoot, 'out', 'test', 'vscode', 'suite', 'afterRestart.test.js');
    if (existsSync(restartSuite)) {
      const restartResults = join(profile.base, 'results-afterRestart.json');
      writeControl('afterRestart', restartResults);
      // "Developer: Restart Extension Host" exists only in the desktop build (it is registered by
      // electron-sandbox/nativeExtensionService); in the web workbench the way to a new extension
      // host is reloading the window, which also starts a fresh renderer over the same storage.
      say('phase afterRestart: reloading the window (new extension host, same profile and storage)');
      phases.push(
        await awaitPhase('afterRestart', restartResults, async () => {
          await page.reload({ waitUntil: 'domcontentloaded' });
        }),
      );
    }
    await page.screenshot({ path: join(outputDir, 'host-tests-final.png') }).catch(() => {});
    writeFileSync(join(outputDir, 'browser-console.log'), consoleLines.join('\n'));
    writeFileSync(join(outputDir, 'server.log'), server.output());

    return report(phases, Date.now() - t0);
  } finally {
    await stopAll();
    if (!keep) removeDir(profile.base);
    else say(`kept ${profile.base}`);
  }
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`[vscode-tests] ${e?.stack ?? e}`);
    await stopAll();
    process.exit(1);
  },
);
