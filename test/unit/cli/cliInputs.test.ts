import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog } from '../../../src/engine/catalog/catalog';
import { intFlag, parseArgs, UsageError, type FlagSpec } from '../../../src/cli/cliArgs';
import { loadServersFile } from '../../../src/cli/serversFile';

const SPECS: FlagSpec[] = [
  { name: 'json', kind: 'boolean' },
  { name: 'servers', kind: 'string' },
  { name: 'folds', kind: 'string' },
  { name: 'help', kind: 'boolean', short: 'h' },
];

describe('CLI argument parsing', () => {
  it('reads switches, values (both spellings), short aliases, positionals and --', () => {
    const a = parseArgs(['--json', 'fix', '--servers', 's.json', '-h', 'the bug', '--folds=3', '--', '--not-a-flag'], SPECS, 'plan');
    assert.deepEqual([...a.flags], [['json', true], ['servers', 's.json'], ['help', true], ['folds', '3']]);
    assert.deepEqual(a.positionals, ['fix', 'the bug', '--not-a-flag']);
    assert.equal(intFlag(a, 'folds', 5), 3);
  });

  it('names the bad flag or value', () => {
    assert.throws(() => parseArgs(['--jsn'], SPECS, 'plan'), (e: unknown) => e instanceof UsageError && /^unknown flag "--jsn" for "plan" \(flags: --json, --servers, --folds, --help\)$/.test(e.message));
    assert.throws(() => parseArgs(['--servers'], SPECS, 'plan'), /flag --servers needs a value/);
    assert.throws(() => parseArgs(['--json=yes'], SPECS, 'plan'), /flag --json takes no value/);
    assert.throws(() => intFlag(parseArgs(['--folds', 'two'], SPECS, 'eval'), 'folds', 5, 2), /--folds needs an integer ≥ 2, got "two"/);
    assert.throws(() => intFlag(parseArgs(['--folds', '1'], SPECS, 'eval'), 'folds', 5, 2), /--folds needs an integer ≥ 2, got "1"/);
  });
});

describe('--servers file', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'strata-servers-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const load = (content: unknown) => {
    const file = join(dir, 'servers.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return loadServersFile(file, builtinCatalog());
  };

  it('takes tags from the knowledge base by name or "known", or from the entry', () => {
    const servers = load([
      { name: 'github' },
      { name: 'pg', known: 'postgres', toolCount: 12, available: false },
      { name: 'jenkins', layers: ['L2'], capabilities: ['ci'] },
      { name: 'gh-narrow', known: 'github', layers: ['L3'] },
    ]);
    assert.deepEqual(servers[0], { name: 'github', layers: ['L1', 'L2', 'L3'], capabilities: ['vcs', 'issues', 'ci'], classification: { kind: 'known', knownId: 'github', matchedBy: 'servers.json entry 0' }, available: true });
    assert.equal(servers[1]!.toolCount, 12);
    assert.equal(servers[1]!.available, false);
    assert.deepEqual(servers[1]!.capabilities, ['sql', 'database']);
    assert.equal(servers[2]!.classification.kind, 'override');
    assert.deepEqual(servers[3]!.layers, ['L3']);
    assert.deepEqual(servers[3]!.capabilities, ['vcs', 'issues', 'ci']);
  });

  it('reports problems by file and JSON path', () => {
    assert.throws(() => load('{"name": "x"}'), /^UsageError: servers\.json: \(root\): expected a JSON array of server entries$/m);
    assert.throws(() => load('[{"name": "x"'), /servers\.json: \(root\): not valid JSON/);
    assert.throws(() => load([{ name: 'a', layers: ['L9'], capabilities: ['ci'] }]), /servers\.json: \[0\]\.layers\[0\]: expected one of L0\.\.L4/);
    assert.throws(() => load([{ name: 'a', toolCount: -1, known: 'git' }]), /servers\.json: \[0\]\.toolCount: expected a tool count ≥ 0/);
    assert.throws(() => load([{ name: 'a', known: 'gitx' }]), /servers\.json: \[0\]\.known: "gitx" is not a knowledge-base server id/);
    assert.throws(() => load([{ name: 'mystery' }]), /servers\.json: \[0\]: "mystery" is not a known server; give "layers" and "capabilities"/);
    assert.throws(() => load([{ name: 'git' }, { name: 'git' }]), /servers\.json: \[1\]\.name: duplicate server name "git"/);
    assert.throws(() => load([{ name: 'git', tools: 3 }]), /servers\.json: \[0\]\.tools: unknown field "tools"/);
  });
});
