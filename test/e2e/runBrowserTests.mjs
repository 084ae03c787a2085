#!/usr/bin/env node
// Browser end-to-end tests: playwright-core drives Debian's chromium against VS Code 1.100.3's
// server with Strata loaded as the extension under development (no tests path): the command
// palette, the input box, the cascade webview and the Sessions tree, as a user sees them.
// Specs: test/e2e/specs/*.spec.mjs, run by mocha programmatically (spec reporter, so the output
// ends with mocha's "N passing" / "N failing" lines that scripts/test.mjs counts).
// Screenshots: test-output/screenshots/.
//
//   node test/e2e/runBrowserTests.mjs [--grep TEXT] [--keep]
// Environment: STRATA_TEST_EXTENSION_PATH / STRATA_E2E_SPECS override the extension folder and
// the specs folder (harness self-checks).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
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
import { setHarness } from './harness.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const extensionPath = process.env.STRATA_TEST_EXTENSION_PATH ?? repoRoot;
const specsDir = process.env.STRATA_E2E_SPECS ?? join(repoRoot, 'test', 'e2e', 'specs');
const say = (s) => console.log(`[e2e] ${s}`);

async function main() {
  if (extensionPath === repoRoot) {
    say('building the extension (node esbuild.js)');
    const b = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
    if (b.status !== 0) throw new Error(`node esbuild.js failed with exit code ${b.status}`);
    if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing after the build');
  }
  const specs = readdirSync(specsDir).filter((f) => f.endsWith('.spec.mjs')).sort();
  if (!specs.length) throw new Error(`no *.spec.mjs in ${specsDir}`);

  const profile = freshProfile('strata-e2e-');
  try {
    const workspace = writeMcpWorkspace(join(profile.base, 'workspace'), {
      extraFiles: {
        'README.md': '# Strata e2e workspace\n',
        'src/auth/login.ts': 'export function login(name: string): boolean {\n  return name.length > 0;\n}\n',
        // No language model here: the manual agent lets the spec act as the persona in the webview.
        '.vscode/settings.json': JSON.stringify({ 'strata.execution.mode': 'manual', 'strata.approval.policy': 'readOnlyAuto' }, null, 2),
      },
    });
    writeMachineSettings(profile.serverDataDir, { 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' });
    const server = await startVsCodeServer({ ...profile });
    say(`VS Code server on ${server.origin} (pid ${server.pid})`);
    const browser = await launchChromium();
    setHarness({
      browser,
      workspace,
      url: server.url({ folder: workspace, extensionDevelopmentPath: extensionPath }),
      tmpFile: (name) => join(profile.base, name),
    });

    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 120_000, color: false });
    const grep = option('--grep');
    if (grep) mocha.grep(grep);
    for (const f of specs) mocha.addFile(join(specsDir, f));
    await mocha.loadFilesAsync();
    const { failures, tests } = await new Promise((resolve) => {
      let tests = 0;
      const runner = mocha.run((failures) => resolve({ failures, tests }));
      runner.on('test end', () => tests++);
    });
    if (tests === 0) {
      console.log('[e2e] no test ran');
      return 1;
    }
    return failures ? 1 : 0;
  } finally {
    await stopAll();
    if (argv.includes('--keep')) say(`kept ${profile.base}`);
    else removeDir(profile.base);
  }
}

main().then(
  (code) => process.exit(code),
  async (e) => {
    console.error(`[e2e] ${e?.stack ?? e}`);
    await stopAll();
    process.exit(1);
  },
);
