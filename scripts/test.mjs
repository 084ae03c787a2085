#!/usr/bin/env node
// Runs every test phase in order and prints one closing summary line:
//   "tests: N passed, N failed, N skipped"
// Usage: node scripts/test.mjs [phase ...]   (phases: setup typecheck typecheck-webview build unit integration vscode e2e package)
// A phase that cannot run is a failure, never a silent skip: a skipped phase proves nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** @type {{name: string, counts: boolean, cmd: string[], needs?: string, env?: Record<string,string>}[]} */
const PHASES = [
  { name: 'setup', counts: false, cmd: ['bash', 'scripts/setup-vscode.sh'] },
  { name: 'typecheck', counts: false, cmd: [bin('tsc'), '-p', '.', '--noEmit'] },
  { name: 'typecheck-webview', counts: false, cmd: [bin('tsc'), '-p', 'media', '--noEmit'] },
  { name: 'build', counts: false, cmd: [process.execPath, 'esbuild.js'] },
  { name: 'unit', counts: true, cmd: [bin('mocha'), '--config', '.mocharc.unit.json'] },
  { name: 'integration', counts: true, cmd: [bin('mocha'), '--config', '.mocharc.integration.json'], needs: '.mocharc.integration.json' },
  { name: 'vscode', counts: true, cmd: [process.execPath, 'test/vscode/runHostTests.mjs'], needs: 'test/vscode/runHostTests.mjs' },
  { name: 'e2e', counts: true, cmd: [process.execPath, 'test/e2e/runBrowserTests.mjs'], needs: 'test/e2e/runBrowserTests.mjs' },
  { name: 'package', counts: false, cmd: [process.execPath, 'scripts/checkPackage.mjs'], needs: 'scripts/checkPackage.mjs' },
];

const wanted = process.argv.slice(2);
for (const w of wanted) {
  if (!PHASES.some((p) => p.name === w)) {
    console.error(`test: unknown phase "${w}"; phases are: ${PHASES.map((p) => p.name).join(', ')}`);
    process.exit(2);
  }
}
const phases = wanted.length ? PHASES.filter((p) => wanted.includes(p.name)) : PHASES;

/** Runs a command, echoing its output, and resolves with its exit code and output. */
function run(cmd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (stream) => (chunk) => {
      const s = chunk.toString();
      out += s;
      stream.write(s);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (e) => resolve({ code: 127, out: out + String(e) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

/** Reads mocha's summary ("N passing", "N failing", "N pending"), last occurrence wins per run. */
function mochaCounts(out) {
  // eslint-disable-next-line no-control-regex
  const clean = out.replace(/\x1b\[[0-9;]*m/g, '');
  const sum = (re) => [...clean.matchAll(re)].reduce((a, m) => a + Number(m[1]), 0);
  return { passed: sum(/^\s*(\d+) passing\b/gm), failed: sum(/^\s*(\d+) failing\b/gm), skipped: sum(/^\s*(\d+) pending\b/gm) };
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const report = [];
let broken = false;
for (const phase of phases) {
  const started = Date.now();
  console.log(`\n=== test phase: ${phase.name} ===`);
  if (phase.needs && !existsSync(join(root, phase.needs))) {
    console.error(`test phase ${phase.name}: ${phase.needs} is missing`);
    report.push(`${phase.name}: MISSING (${phase.needs})`);
    broken = true;
    continue;
  }
  const { code, out } = await run(phase.cmd, phase.env);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (phase.counts) {
    const c = mochaCounts(out);
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    if (code !== 0 && c.failed === 0) {
      broken = true;
      report.push(`${phase.name}: exited ${code} without a failing test (${secs}s)`);
    } else if (c.passed + c.failed === 0) {
      broken = true;
      report.push(`${phase.name}: ran no test (${secs}s)`);
    } else {
      report.push(`${phase.name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${secs}s)`);
    }
  } else {
    if (code !== 0) broken = true;
    report.push(`${phase.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} (${secs}s)`);
  }
}

console.log('\n=== summary ===');
for (const line of report) console.log(line);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
