#!/usr/bin/env node
// The same extension-host suites in DESKTOP VS Code 1.100.3 through @vscode/test-electron (the
// ecosystem's standard runner). It downloads VS Code from Microsoft's update server, which the CI
// machines of this project cannot reach, so CI uses runHostTests.mjs (the VS Code server + chromium)
// instead; use this one on a workstation that can download VS Code.
//
//   node test/vscode/runDesktop.mjs [--version 1.100.3]
// Two launches on one user-data dir: phase "main", then phase "afterRestart" in a new window
// (a new extension host over the same storage), as in the web runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { freshProfile, removeDir, repoRoot, writeMcpWorkspace } from '../../scripts/vscodeServer.mjs';
import { buildHostTests, testsEntry } from './buildTests.mjs';
import { report } from './report.mjs';

const vArg = process.argv.indexOf('--version');
const version = vArg >= 0 ? process.argv[vArg + 1] : '1.100.3';

async function main() {
  const t0 = Date.now();
  const b = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('node esbuild.js failed');
  await buildHostTests();
  const profile = freshProfile('strata-desktop-tests-');
  try {
    const workspace = writeMcpWorkspace(join(profile.base, 'workspace'), {
      extraFiles: {
        'README.md': '# Strata test workspace\n\nA temporary workspace for the extension-host tests.\n',
        'src/app.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
      },
    });
    mkdirSync(join(workspace, '.strata-test'), { recursive: true });
    const phases = [];
    for (const phase of ['main', 'afterRestart']) {
      const resultsFile = join(profile.base, `results-${phase}.json`);
      writeFileSync(join(workspace, '.strata-test', 'control.json'), JSON.stringify({ phase, resultsFile }));
      try {
        await runTests({
          version,
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath: testsEntry,
          launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', `--user-data-dir=${profile.userDataDir}`],
        });
      } catch (e) {
        // runTests rejects when the tests fail; the results file tells which.
        if (!existsSync(resultsFile)) throw e;
      }
      phases.push(existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { phase, fatal: 'no results file', results: [] });
    }
    return report(phases, Date.now() - t0);
  } finally {
    removeDir(profile.base);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[vscode-desktop-tests] ${e?.stack ?? e}`);
    process.exit(1);
  },
);
