import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { parsePlan } from '../../../src/engine/plan/planParse';

/** End to end: the bundled `dist/cli.js`, built here through esbuild's API, run as a child process. */
const ROOT = resolve(__dirname, '..', '..', '..');
const BUILT = join(ROOT, 'dist', 'cli.js');
// The tests run a snapshot of the freshly built dist/cli.js: other engineers rebuild dist/ in the
// same work tree, and a half-rewritten bundle must not fail a test here.
let CLI = BUILT;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(join(ROOT, 'esbuild.js')) as { ENTRIES: { name: string; options: esbuild.BuildOptions }[]; buildOptions: (e: unknown) => esbuild.BuildOptions };

function strata(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000, cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('strata CLI (end to end on dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    const cli = build.ENTRIES.find((e) => e.name === 'cli');
    assert.ok(cli, 'esbuild.js has a "cli" entry');
    // Build in memory, write dist/cli.js (+ map) as `node esbuild.js` would, and run a private copy.
    const result = await esbuild.build({ ...build.buildOptions(cli), plugins: [], write: false, absWorkingDir: ROOT });
    const js = result.outputFiles.find((f) => f.path === BUILT);
    assert.ok(js, `esbuild produced ${BUILT}`);
    for (const f of result.outputFiles) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.contents);
    }
    assert.ok(js.text.startsWith('#!/usr/bin/env node\n'), 'dist/cli.js starts with the shebang banner');
    dir = mkdtempSync(join(tmpdir(), 'strata-cli-'));
    CLI = join(dir, 'cli.js');
    writeFileSync(CLI, js.contents);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints the package version; --help lists the commands', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(strata(['--version']), { code: 0, out: `${pkg.version}\n`, err: '' });
    const help = strata(['--help']);
    assert.equal(help.code, 0);
    for (const c of ['strata plan', 'strata eval', 'strata bench', 'strata chaos']) assert.ok(help.out.includes(c), c);
    assert.equal(strata(['plan', '--help']).code, 0);
    const chaos = strata(['chaos', '--help']);
    assert.equal(chaos.code, 0, 'the chaos subcommand is wired to runChaos');
    assert.match(chaos.out, /usage: strata chaos/);
  });

  it('plan "task" prints a readable cascade', () => {
    const r = strata(['plan', 'Add rate limiting to the public REST API and cover it with tests']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Task: +Add rate limiting/m);
    assert.match(r.out, /^Complexity: +(low|medium|high|extreme)$/m);
    assert.match(r.out, /^Cascade: +L0( → L[1-4])*$/m);
    assert.match(r.out, /^Confidence: +[01]\.\d\d/m);
    assert.match(r.out, /^  L0:system-overseer +[01]\.\d\d +System Overseer$/m);
    assert.match(r.out, /^ {6}servers: +memory \(memory\)/m);
    assert.match(r.out, /^ {6}why: +\S/m);
  });

  it('plan --json prints a plan that parses against the schema', () => {
    const r = strata(['plan', '--json', 'Migrate the billing database from MySQL to Postgres']);
    assert.equal(r.code, 0, r.err);
    const parsed = parsePlan(r.out);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.equal(parsed.plan.task, 'Migrate the billing database from MySQL to Postgres');
  });

  it('plan --servers FILE plans against the configured servers only', () => {
    const file = join(dir, 'servers.json');
    writeFileSync(file, JSON.stringify([{ name: 'my-fs', known: 'filesystem', toolCount: 14 }, { name: 'jenkins', layers: ['L2'], capabilities: ['ci'] }]));
    const r = strata(['plan', '--json', '--servers', file, 'Fix the null pointer in the invoice service']);
    assert.equal(r.code, 0, r.err);
    const plan = JSON.parse(r.out) as { steps: { servers: { server: string; toolCount?: number }[] }[] };
    const names = new Set(plan.steps.flatMap((s) => s.servers.map((v) => v.server)));
    assert.deepEqual([...names], ['my-fs']);
    assert.equal(plan.steps.flatMap((s) => s.servers)[0]!.toolCount, 14);
  });

  it('plan --jsonl answers every line, reports bad lines by number, and exits non-zero at the end', () => {
    const input = [
      JSON.stringify({ id: 'a', task: 'Add a dark mode toggle to the settings page' }),
      '{"id": "b", "task": ',
      JSON.stringify({ id: 'c' }),
      '',
      JSON.stringify({ id: 7, task: '   ' }),
      JSON.stringify({ id: 'e', task: 'Deploy the API to the production Kubernetes cluster', complexity: 'ignored label' }),
      '[1, 2]',
    ].join('\n');
    const r = strata(['plan', '--jsonl'], input);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 6, 'one output line per non-blank input line');
    assert.deepEqual(lines.map((l) => l.id), ['a', null, 'c', 7, 'e', null]);
    for (const i of [0, 4]) {
      const l = lines[i]!;
      assert.ok(['low', 'medium', 'high', 'extreme'].includes(l.complexity as string));
      assert.ok(Array.isArray(l.layers) && (l.layers as string[]).includes('L0') && (l.layers as string[]).every((x) => /^L[0-4]$/.test(x)));
      assert.ok(Array.isArray(l.personas) && (l.personas as string[]).includes('system-overseer'));
      assert.ok(typeof l.confidence === 'number' && l.confidence >= 0 && l.confidence <= 1);
      assert.equal(l.error, undefined);
    }
    assert.match(lines[1]!.error as string, /^line 2: not valid JSON/);
    assert.equal(lines[2]!.error, 'line 3: missing "task" (a string)');
    assert.equal(lines[3]!.error, 'line 5: the task is empty');
    assert.equal(lines[5]!.error, 'line 7: expected an object {"id":..,"task":..}');
    assert.match(r.err, /4 lines failed/);
  });

  it('plan --jsonl exits 0 when every line is answered', () => {
    const r = strata(['plan', '--jsonl'], `${JSON.stringify({ id: 'x', task: 'Write unit tests for the CSV exporter' })}\n`);
    assert.equal(r.code, 0, r.err);
    const line = JSON.parse(r.out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(line).slice(0, 5), ['id', 'complexity', 'layers', 'personas', 'confidence']);
  });

  it('bad input: clear message on stderr naming what is wrong, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['plan', ''], /strata: the task is empty/],
      [['plan', 'x'.repeat(110_000)], /strata: the task is 110000 bytes; the limit is 102400 bytes \(100 KB\)/],
      [['plan', '--jsn', 'task'], /strata: unknown flag "--jsn" for "plan"/],
      [['plan'], /strata: missing task/],
      [['plan', '--servers', join(dir, 'nope.json'), 'task'], /strata: servers file not found: .*nope\.json/],
      [['eval', join(dir, 'missing.jsonl')], /strata: labelled file not found: .*missing\.jsonl/],
      [['bench', '--file', join(dir, 'missing.jsonl')], /strata: task file not found/],
      [['frobnicate'], /strata: unknown command "frobnicate"/],
      [['--frob'], /strata: unknown flag "--frob"/],
    ];
    for (const [args, re] of cases) {
      const r = strata(args);
      assert.equal(r.code, 2, `${args.join(' ').slice(0, 60)}: exit ${r.code}, stderr ${r.err}`);
      assert.match(r.err, re);
      assert.equal(r.out, '');
    }
  });

  it('--catalog: a bad override file names the file and the JSON path; a good one is used', () => {
    const bad = join(dir, 'strata-catalog.json');
    writeFileSync(bad, JSON.stringify({ servers: [{ id: 'a', layers: ['L3'], capabilities: ['files'] }, { id: 'b', layers: ['L3'], capabilities: ['files'] }, { id: 'c', layers: ['L7'], capabilities: ['files'] }] }));
    const r = strata(['plan', '--catalog', bad, 'Fix the login bug']);
    assert.equal(r.code, 2);
    assert.match(r.err, /strata-catalog\.json: servers\[2\]\.layers\[0\]: expected one of L0\.\.L4/);
    const good = join(dir, 'good-catalog.json');
    writeFileSync(good, JSON.stringify({ servers: [{ id: 'tix', layers: ['L3'], capabilities: ['tickets'] }], personas: [{ id: 'backend-developer', needs: ['tickets'] }] }));
    const ok = strata(['plan', '--json', '--catalog', good, 'Fix the null pointer in the invoice service']);
    assert.equal(ok.code, 0, ok.err);
    const plan = JSON.parse(ok.out) as { steps: { persona: string; servers: { server: string }[] }[] };
    const be = plan.steps.find((s) => s.persona === 'backend-developer');
    assert.ok(be, 'the plan has a backend-developer step');
    assert.deepEqual(be.servers.map((v) => v.server), ['tix'], 'the overridden needs and the added server are used');
  });

  it('eval prints the four figures and the confusion matrix; --folds adds per-fold figures', () => {
    const file = join(dir, 'labelled.jsonl');
    const rows = [
      { id: 't1', task: 'Fix the typo in the README', complexity: 'low', layers: ['L0', 'L3'], personas: ['system-overseer', 'backend-developer'] },
      { id: 't2', task: 'Add a Grafana dashboard for API latency', complexity: 'low', layers: ['L0', 'L3'], personas: ['system-overseer', 'observability-expert'] },
      { id: 't3', task: 'Write an ADR choosing between Kafka and RabbitMQ', complexity: 'medium', layers: ['L0', 'L1', 'L3'], personas: ['system-overseer', 'solution-architect', 'backend-developer'] },
      { id: 't4', task: 'Add end-to-end tests for checkout', complexity: 'low', layers: ['L0', 'L3'], personas: ['system-overseer', 'testing-specialist'] },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const r = strata(['eval', file, '--folds', '2', '--errors']);
    assert.equal(r.code, 0, r.err);
    for (const re of [/complexity accuracy: +\d+\.\d%/, /layer-set accuracy: +\d+\.\d%/, /persona-set accuracy: +\d+\.\d%/, /persona micro-F1: +[01]\.\d{3}/, /complexity confusion/, /^2 folds/m, /^mean±sd/m, /^mismatches: \d+/m]) {
      assert.match(r.out, re);
    }
    writeFileSync(file, `${JSON.stringify(rows[0])}\n{"id": "t2", "task": "x"}\n`);
    const bad = strata(['eval', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /labelled\.jsonl: line 2: missing "complexity"/);
  });

  it('bench prints latency percentiles, throughput and heap per cached plan', () => {
    const file = join(dir, 'bench.jsonl');
    writeFileSync(file, ['Fix the login bug', 'Add a Helm chart for the worker', 'Set up CI for the monorepo'].map((task) => JSON.stringify({ task })).join('\n'));
    const r = strata(['bench', '--file', file, '--rounds', '2', '--plans', '300']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /dev-set texts \(3 texts × 2 rounds\): p50 [\d.]+ µs +p95 [\d.]+ µs +p99 [\d.]+ µs/);
    assert.match(r.out, /per-text minimum over the rounds[^\n]*\n +dev-set texts \(3 per-text minima\): p50 [\d.]+ µs/);
    assert.match(r.out, /pinned to CPU [01] with taskset|not pinned/);
    assert.match(r.out, /60-word task +\(5000 plans\): +p50/);
    assert.match(r.out, /throughput: [\d,]+ plans\/s/);
    assert.match(r.out, /cache: 300 plans held, heap grew -?[\d.]+ MB = -?[\d,]+ bytes per cached plan/);
    assert.doesNotMatch(r.out, /no forced GC/, 'bench re-spawns node with --expose-gc');
  });
});
