// Bundles the extension-host tests to CommonJS under out/test/vscode/ (`vscode` and `mocha` stay
// external: the extension host provides the first, the repo's node_modules the second).
//   node test/vscode/buildTests.mjs
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../../scripts/vscodeServer.mjs';

/** Output folder of the bundled tests. */
export const testsOutDir = join(repoRoot, 'out', 'test', 'vscode');
/** The module passed to VS Code as `extensionTestsPath`. */
export const testsEntry = join(testsOutDir, 'index.js');
/** The benchmark module scripts/benchUi.mjs passes as `extensionTestsPath`. */
export const benchEntry = join(testsOutDir, 'benchEntry.js');

/** Builds index.ts and every suite/*.test.ts; throws with esbuild's messages on error. */
export async function buildHostTests() {
  const suiteDir = join(repoRoot, 'test', 'vscode', 'suite');
  const suites = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts'));
  rmSync(testsOutDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [
      { in: 'test/vscode/index.ts', out: 'index' },
      { in: 'test/vscode/benchEntry.ts', out: 'benchEntry' },
      ...suites.map((f) => ({ in: `test/vscode/suite/${f}`, out: `suite/${f.replace(/\.ts$/, '')}` })),
    ],
    outdir: testsOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { entry: testsEntry, suites: suites.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await buildHostTests();
  console.log(`built ${r.suites} suite file(s) and ${r.entry}`);
}
