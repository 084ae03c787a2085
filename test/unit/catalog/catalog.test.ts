import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCatalog, catalogFingerprint, loadCatalogFile, parseCatalogOverride, personaInfo } from '../../../src/engine/catalog/catalog';
import { catalogSchema } from '../../../src/engine/catalog/catalogSchema';
import { formatCatalogDiagnostic } from '../../../src/engine/catalog/catalogOverride';
import { PERSONA_IDS } from '../../../src/engine/catalog/personas';

const FILE = 'strata-catalog.json';
const messages = (text: string) => parseCatalogOverride(text, FILE).diagnostics.map(formatCatalogDiagnostic);

describe('catalog', () => {
  it('holds the 5 layers, 18 personas and 32 known servers of the contract', () => {
    const c = builtinCatalog();
    assert.deepEqual(c.layers.map((l) => l.id), ['L0', 'L1', 'L2', 'L3', 'L4']);
    assert.deepEqual(c.personas.map((p) => p.id), [...PERSONA_IDS]);
    assert.equal(c.servers.length, 32);
    assert.equal(new Set(c.servers.map((s) => s.id)).size, 32);
    assert.ok(catalogSchema.safeParse(c).success);
    assert.deepEqual(personaInfo(c, 'kube-cli-wrapper').needs, ['kubernetes', 'containers']);
  });

  it('schema rejects a catalog missing a persona or with a duplicate server', () => {
    const c = builtinCatalog();
    const missing = catalogSchema.safeParse({ ...c, personas: c.personas.slice(1) });
    assert.ok(!missing.success && missing.error.issues.some((i) => i.message.includes('missing persona "system-overseer"')));
    const dup = catalogSchema.safeParse({ ...c, servers: [...c.servers, c.servers[0]] });
    assert.ok(!dup.success && dup.error.issues.some((i) => i.message.includes('duplicate server id "filesystem"')));
  });

  it('fingerprint is stable, ignores key order, and changes with content', () => {
    const base = builtinCatalog();
    assert.equal(catalogFingerprint(base), catalogFingerprint({ servers: base.servers, personas: base.personas, layers: base.layers }));
    const a = parseCatalogOverride('{"servers":[{"id":"x","layers":["L3"],"capabilities":["files"]}]}', FILE).catalog;
    const b = parseCatalogOverride('{"servers":[{"capabilities":["files"],"layers":["L3"],"id":"x"}]}', FILE).catalog;
    assert.equal(catalogFingerprint(a), catalogFingerprint(b));
    assert.notEqual(catalogFingerprint(a), catalogFingerprint(base));
  });

  describe('override file', () => {
    it('adds a server, overrides a server partially and overrides a persona\'s needs', () => {
      const r = parseCatalogOverride(
        JSON.stringify({
          servers: [
            { id: 'jenkins', launch: 'jenkins-mcp', layers: ['L2'], capabilities: ['ci'], match: { commands: ['jenkins-mcp'] } },
            { id: 'github', layers: ['L2', 'L3'] },
          ],
          personas: [{ id: 'backend-developer', needs: ['files', 'vcs', 'ci'] }],
        }),
        FILE,
      );
      assert.deepEqual(r.diagnostics, []);
      const jenkins = r.catalog.servers.find((s) => s.id === 'jenkins')!;
      assert.deepEqual(jenkins.match, { packages: [], commands: ['jenkins-mcp'], images: [], urls: [] });
      const github = r.catalog.servers.find((s) => s.id === 'github')!;
      assert.deepEqual(github.layers, ['L2', 'L3']);
      assert.deepEqual(github.capabilities, ['vcs', 'issues', 'ci'], 'fields not given keep their built-in value');
      assert.deepEqual(personaInfo(r.catalog, 'backend-developer').needs, ['files', 'vcs', 'ci']);
      assert.equal(r.catalog.servers.length, 33);
      assert.deepEqual(builtinCatalog().servers.find((s) => s.id === 'github')!.layers, ['L1', 'L2', 'L3'], 'built-ins are not mutated');
    });

    it('names the file and the JSON path of a bad field, and applies the good entries', () => {
      const r = parseCatalogOverride(
        JSON.stringify({
          servers: [
            { id: 'ok-one', layers: ['L3'], capabilities: ['files'] },
            { id: 'ok-two', layers: ['L4'], capabilities: ['cloud'] },
            { id: 'bad', layers: ['L5'], capabilities: ['files'] },
          ],
        }),
        FILE,
      );
      assert.deepEqual(r.diagnostics.map(formatCatalogDiagnostic), ['strata-catalog.json: servers[2].layers[0]: expected one of L0..L4 (L0, L1, L2, L3, L4)']);
      assert.ok(r.catalog.servers.some((s) => s.id === 'ok-one') && r.catalog.servers.some((s) => s.id === 'ok-two'));
      assert.ok(!r.catalog.servers.some((s) => s.id === 'bad'));
    });

    it('reports unknown fields, bad persona ids, bad capability tags and incomplete new servers', () => {
      const got = messages(
        JSON.stringify({
          serverz: [],
          servers: [{ id: 'new-one', layers: ['L3'] }, { id: 'git', capabilites: ['vcs'] }, { id: 'git', capabilities: ['Version Control'] }],
          personas: [{ id: 'designer', needs: ['docs'] }, { id: 'backend-developer' }],
        }),
      );
      assert.deepEqual(got, [
        'strata-catalog.json: serverz: unknown field "serverz"',
        'strata-catalog.json: servers[0]: new server "new-one" needs "capabilities" (it matches no built-in server id)',
        'strata-catalog.json: servers[1].capabilites: unknown field "capabilites"',
        'strata-catalog.json: servers[2].capabilities[0]: expected a lowercase capability tag such as "vcs" or "web-search"',
        'strata-catalog.json: personas[0].id: expected one of the 18 persona ids of ROUTING §2 (e.g. "backend-developer")',
        'strata-catalog.json: personas[1].needs: expected an array of capability tags',
      ]);
    });

    it('keeps the built-ins for a file that is not JSON or not an object', () => {
      for (const text of ['{ "servers": [', '[1,2]', '"x"']) {
        const r = parseCatalogOverride(text, FILE);
        assert.equal(r.catalog, builtinCatalog());
        assert.equal(r.diagnostics.length, 1);
        assert.match(formatCatalogDiagnostic(r.diagnostics[0]!), /^strata-catalog\.json: \(root\): /);
      }
    });

    it('warns when an entry id repeats; the later entry wins', () => {
      const r = parseCatalogOverride('{"servers":[{"id":"git","layers":["L3"]},{"id":"git","layers":["L4"]}]}', FILE);
      assert.equal(r.diagnostics.length, 1);
      assert.equal(r.diagnostics[0]!.severity, 'warning');
      assert.deepEqual(r.catalog.servers.find((s) => s.id === 'git')!.layers, ['L4']);
    });

    it('loads from disk and reports a missing file by name', () => {
      const dir = mkdtempSync(join(tmpdir(), 'strata-catalog-'));
      try {
        const path = join(dir, FILE);
        writeFileSync(path, '{"personas":[{"id":"product-manager","needs":["issues"]}]}');
        const ok = loadCatalogFile(path);
        assert.deepEqual(ok.diagnostics, []);
        assert.deepEqual(personaInfo(ok.catalog, 'product-manager').needs, ['issues']);
        const missing = loadCatalogFile(join(dir, 'nope.json'));
        assert.equal(missing.catalog, builtinCatalog());
        assert.match(formatCatalogDiagnostic(missing.diagnostics[0]!), /^nope\.json: \(root\): file not found: /);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
