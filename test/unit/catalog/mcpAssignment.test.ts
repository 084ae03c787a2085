import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { AssignableServer } from '../../../src/engine/catalog/assignableServer';
import { builtinCatalog, personaInfo } from '../../../src/engine/catalog/catalog';
import { LAYER_IDS, type LayerId } from '../../../src/engine/catalog/layers';
import { PERSONA_IDS, type PersonaId } from '../../../src/engine/catalog/personas';
import {
  ESTIMATED_TOOLS_PER_SERVER,
  MAX_SERVERS_PER_PERSONA,
  MAX_TOOLS_PER_PERSONA,
  ServerAssigner,
  assignServers,
  isEligible,
} from '../../../src/engine/routing/mcpAssignment';

const catalog = builtinCatalog();
const ALL_NEEDS = [...new Set(catalog.personas.flatMap((p) => p.needs))];
// Capabilities no persona needs, so generated servers can be irrelevant too.
const CAPS = [...ALL_NEEDS, 'search', 'unrelated', 'telemetry'];

function known(name: string, layers: LayerId[], capabilities: string[], toolCount?: number, available = true): AssignableServer {
  return { name, layers, capabilities, classification: { kind: 'known', knownId: name, matchedBy: 'test' }, available, ...(toolCount === undefined ? {} : { toolCount }) };
}

/** Every knowledge-base entry configured as-is (available, tool count unknown). */
function allKnown(): AssignableServer[] {
  return catalog.servers.map((s) => known(s.id, [...s.layers], [...s.capabilities]));
}

const serverArb: fc.Arbitrary<AssignableServer> = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  layers: fc.subarray([...LAYER_IDS]),
  capabilities: fc.subarray(CAPS, { maxLength: 4 }),
  available: fc.boolean(),
  toolCount: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
}).map((r) => ({ ...r, classification: { kind: 'known' as const, knownId: r.name, matchedBy: 'generated' } }));

const serversArb = fc.uniqueArray(serverArb, { selector: (s) => s.name, maxLength: 40 });

describe('MCP assignment (ROUTING §7)', () => {
  it('is 100% layer-appropriate, within the caps, and reports exactly the needs no eligible server meets (property)', () => {
    fc.assert(
      fc.property(serversArb, fc.subarray([...PERSONA_IDS], { minLength: 1 }), (servers, personas) => {
        const result = assignServers(personas, catalog, servers);
        assert.equal(result.personas.length, personas.length);
        const byName = new Map(servers.map((s) => [s.name, s]));
        const used = new Set<string>();
        for (const a of result.personas) {
          const info = personaInfo(catalog, a.persona);
          assert.equal(a.layer, info.layer);
          const eligible = servers.filter((s) => s.available && s.layers.includes(info.layer) && s.capabilities.some((c) => info.needs.includes(c)));
          for (const s of a.servers) {
            const server = byName.get(s.server)!;
            assert.ok(server.available, `${s.server} is unavailable but was given to ${a.persona}`);
            assert.ok(server.layers.includes(info.layer), `${s.server} is not tagged ${info.layer}`);
            assert.ok(s.capabilities.length > 0 && s.capabilities.every((c) => info.needs.includes(c) && server.capabilities.includes(c)));
            assert.equal(s.tools, server.toolCount ?? ESTIMATED_TOOLS_PER_SERVER);
            used.add(s.server);
          }
          assert.equal(new Set(a.servers.map((s) => s.server)).size, a.servers.length, 'a server is listed twice');
          assert.ok(a.servers.length <= MAX_SERVERS_PER_PERSONA);
          assert.ok(a.toolTotal <= MAX_TOOLS_PER_PERSONA);
          assert.equal(a.toolTotal, a.servers.reduce((k, s) => k + s.tools, 0));
          const metByEligible = info.needs.filter((n) => eligible.some((s) => s.capabilities.includes(n)));
          const metByAssigned = info.needs.filter((n) => a.servers.some((s) => s.capabilities.includes(n)));
          assert.deepEqual(a.uncoveredNeeds, info.needs.filter((n) => !metByEligible.includes(n)));
          assert.deepEqual(a.limitedNeeds, metByEligible.filter((n) => !metByAssigned.includes(n)));
          // When every eligible server fits, every eligible server is assigned.
          const eligibleTools = eligible.reduce((k, s) => k + (s.toolCount ?? ESTIMATED_TOOLS_PER_SERVER), 0);
          if (eligible.length <= MAX_SERVERS_PER_PERSONA && eligibleTools <= MAX_TOOLS_PER_PERSONA) {
            assert.equal(a.servers.length, eligible.length);
            assert.deepEqual(a.limitedNeeds, []);
          }
          assert.ok(a.coverage >= 0 && a.coverage <= 1);
        }
        assert.deepEqual(
          result.unassigned.map((u) => u.server),
          servers.filter((s) => !used.has(s.name)).map((s) => s.name),
        );
        for (const u of result.unassigned) assert.ok(u.why.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the knowledge base to each persona by layer and need', () => {
    const result = assignServers(['backend-developer', 'infra-manager', 'system-overseer', 'scanner-cli-wrapper'], catalog, allKnown());
    const names = (p: PersonaId) => result.personas.find((a) => a.persona === p)!.servers.map((s) => s.server).sort();
    // 7 eligible servers at an estimated 20 tools each would be 140 > 128: the lowest-ranked one waits.
    assert.deepEqual(names('backend-developer'), ['context7', 'fetch', 'filesystem', 'git', 'github', 'sentry']);
    assert.deepEqual(names('infra-manager'), ['aws', 'azure', 'cloudflare', 'docker', 'sequential-thinking', 'terraform']);
    assert.ok(!names('infra-manager').includes('kubernetes'), 'kubernetes is not tagged L2');
    assert.deepEqual(names('scanner-cli-wrapper'), ['filesystem', 'semgrep', 'trivy']);
    for (const a of result.personas) assert.deepEqual(a.uncoveredNeeds, [], `${a.persona} should be fully covered`);
  });

  it('reports uncovered needs instead of giving an unrelated server', () => {
    const servers = [known('files', ['L3'], ['files']), known('pg', ['L3'], ['sql', 'database']), known('clouds', ['L2', 'L4'], ['cloud'])];
    const a = new ServerAssigner(catalog, servers).assignPersona('frontend-developer');
    assert.deepEqual(a.servers.map((s) => s.server), ['files']);
    assert.deepEqual(a.uncoveredNeeds, ['code', 'vcs', 'browser', 'docs']);
    assert.ok(a.notes.some((n) => n.kind === 'few' && n.text.includes('only 1 layer-appropriate server')));
  });

  it('never exceeds 128 tools: a 200-tool server is held back and its need reported as limited', () => {
    const servers = [known('huge', ['L3'], ['sql'], 200), known('pg', ['L3'], ['database'], 10)];
    const a = new ServerAssigner(catalog, servers).assignPersona('database-expert');
    assert.deepEqual(a.servers.map((s) => s.server), ['pg']);
    assert.deepEqual(a.limitedNeeds, ['sql']);
    assert.equal(a.toolTotal, 10);
    const result = assignServers(['database-expert'], catalog, servers);
    assert.match(result.unassigned[0]!.why, /held back by the 9-server \/ 128-tool limits/);
  });

  it('caps at 9 servers, covering needs in priority order first', () => {
    const servers = Array.from({ length: 12 }, (_, i) => known(`files${String(i).padStart(2, '0')}`, ['L3'], ['files'], 1));
    servers.push(known('zz-docs', ['L3'], ['docs'], 1));
    const a = new ServerAssigner(catalog, servers).assignPersona('backend-developer');
    assert.equal(a.servers.length, 9);
    assert.ok(a.servers.some((s) => s.server === 'zz-docs'), 'the only docs server is kept despite ranking last by name');
  });

  it('marks tool totals from unknown tool lists as estimates', () => {
    const a = new ServerAssigner(catalog, [known('git', ['L3'], ['vcs'])]).assignPersona('backend-developer');
    assert.equal(a.toolTotalEstimated, true);
    assert.equal(a.toolTotal, ESTIMATED_TOOLS_PER_SERVER);
    assert.ok(a.notes.some((n) => n.kind === 'estimate' && n.text.includes('estimate')));
  });

  it('explains why configured servers are unused', () => {
    const servers = [
      known('off', ['L3'], ['files'], 3, false),
      { ...known('mystery', [], []), classification: { kind: 'unassigned' as const, reason: 'tools not listed yet' } },
      known('tf', ['L2'], ['iac']),
      known('pg', ['L3'], ['sql']),
      known('files', ['L3'], ['files']),
    ];
    const why = new Map(assignServers(['backend-developer'], catalog, servers).unassigned.map((u) => [u.server, u.why]));
    assert.match(why.get('off')!, /not available/);
    assert.match(why.get('mystery')!, /not classified yet: tools not listed yet/);
    assert.match(why.get('tf')!, /no persona of this plan works at those layers/);
    assert.match(why.get('pg')!, /meet no need/);
    assert.ok(!why.has('files'));
  });

  it('isEligible is the conjunction of availability, layer tag and a met need', () => {
    const s = known('x', ['L3'], ['files']);
    assert.equal(isEligible(s, 'L3', ['files']), true);
    assert.equal(isEligible(s, 'L4', ['files']), false);
    assert.equal(isEligible(s, 'L3', ['vcs']), false);
    assert.equal(isEligible({ ...s, available: false }, 'L3', ['files']), false);
  });
});
