#!/usr/bin/env node
// Packages Strata with `vsce package` (@vscode/vsce 3.9.2, offline) and checks the .vsix:
//   - under 2 MB;
//   - holds extension/package.json, extension/dist/extension.js and the webview bundle;
//   - holds no TypeScript sources, tests, node_modules, source maps, demo or tool folders.
// The .vsix goes to test-output/strata-<version>.vsix. Exit code 0 only when every check passes.
//
//   node scripts/checkPackage.mjs [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './vscodeServer.mjs';

const require = createRequire(import.meta.url);
const MAX_BYTES = 2 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const outDir = join(repoRoot, 'test-output');
const vsix = join(outDir, `${pkg.name}-${pkg.version}.vsix`);

/** Lists the entries of a zip file (yauzl: a dependency of vsce itself). */
function zipEntries(file) {
  const yauzl = require('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => {
        names.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function run(cmd, args, what) {
  console.log(`package: ${what}`);
  // stdin closed: any vsce prompt fails instead of hanging CI.
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

async function main() {
  if (!existsSync(join(repoRoot, '.vscodeignore'))) {
    throw new Error('.vscodeignore is missing: without it vsce would pack the sources, tests and .vscode-test');
  }
  if (!process.argv.includes('--no-build')) run(process.execPath, ['esbuild.js', '--production'], 'production build (node esbuild.js --production)');
  mkdirSync(outDir, { recursive: true });
  rmSync(vsix, { force: true });
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  run(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', vsix],
    `vsce package → ${vsix}`,
  );

  const bytes = statSync(vsix).size;
  const entries = await zipEntries(vsix);
  const names = entries.map((e) => e.name);
  const problems = [];
  if (bytes >= MAX_BYTES) problems.push(`the .vsix is ${bytes} bytes, over the 2 MB limit (${MAX_BYTES})`);
  for (const required of ['extension/package.json', 'extension/dist/extension.js']) {
    if (!names.includes(required)) problems.push(`missing ${required}`);
  }
  if (!names.some((n) => n.startsWith('extension/dist/media/'))) problems.push('missing the webview bundle (extension/dist/media/)');
  const forbidden = [
    [/^extension\/src\//, 'TypeScript sources (src/)'],
    [/^extension\/test\//, 'tests (test/)'],
    [/(^|\/)node_modules\//, 'node_modules'],
    [/\.map$/, 'source maps'],
    [/\.ts$/, 'TypeScript files'],
    [/^extension\/(demo|scripts|out|\.vscode-test|\.strata-tmp|test-output)\//, 'demo/scripts/out/tool folders'],
  ];
  for (const [re, what] of forbidden) {
    const hits = names.filter((n) => re.test(n));
    if (hits.length) problems.push(`contains ${what}: ${hits.slice(0, 5).join(', ')}${hits.length > 5 ? ` … (${hits.length})` : ''}`);
  }

  console.log(`package: ${vsix}`);
  console.log(`package: ${(bytes / 1024).toFixed(1)} KiB in ${names.length} files (limit ${MAX_BYTES / 1024} KiB)`);
  for (const e of entries.sort((a, b) => b.size - a.size).slice(0, 8)) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
  if (problems.length) {
    for (const p of problems) console.error(`package: FAIL ${p}`);
    process.exit(1);
  }
  console.log('package: ok');
}

main().catch((e) => {
  console.error(`package: ${e?.message ?? e}`);
  process.exit(1);
});
