import { strict as assert } from 'node:assert';
import type { AssignableServer } from '../../../src/engine/catalog/assignableServer';
import { parseCatalogOverride } from '../../../src/engine/catalog/catalog';
import { planSchema } from '../../../src/engine/plan/planSchema';
import { MAX_TASK_BYTES, Planner, TaskInputError, serversFingerprint } from '../../../src/engine/planner';

const TASK = 'Add rate limiting to the public REST API and cover it with tests';
function srv(name: string, layers: AssignableServer['layers'], capabilities: string[], extra: Partial<AssignableServer> = {}): AssignableServer {
  return { name, layers, capabilities, available: true, classification: { kind: 'known', knownId: name, matchedBy: 'test' }, ...extra };
}
const servers = [srv('fs', ['L3', 'L4'], ['files', 'code']), srv('git', ['L3', 'L4'], ['vcs']), srv('mem', ['L0', 'L1'], ['memory'])];
const allServers = (p: ReturnType<Planner['plan']>) => p.steps.flatMap((s) => s.servers.map((v) => v.server));

describe('Planner', () => {
  it('plans a task into a schema-valid plan, and analyze() exposes the analysis', () => {
    const planner = new Planner({ servers });
    const plan = planner.plan(TASK);
    assert.ok(planSchema.safeParse(plan).success);
    assert.equal(plan.task, TASK);
    assert.equal(plan.fingerprint, planner.fingerprint);
    assert.equal(plan.steps[0]!.persona, 'system-overseer');
    assert.ok(allServers(plan).includes('fs'));
    assert.equal(planner.analyze(TASK).task, TASK);
  });

  it('caches by normalised text: whitespace and case variants hit; counters count', () => {
    const planner = new Planner({ servers });
    const a = planner.plan(TASK);
    const b = planner.plan(`  ${TASK.toUpperCase().replace(/ /g, '   ')}\n`);
    assert.equal(b, a);
    assert.deepEqual(planner.cacheStats(), { hits: 1, misses: 1, evictions: 0, size: 1, capacity: 1000 });
    planner.plan('Write a unit test for the date parser');
    assert.equal(planner.cacheStats().misses, 2);
  });

  it('keys the cache by corrections too', () => {
    const planner = new Planner();
    const plain = planner.plan(TASK);
    const corrected = planner.plan(TASK, { complexity: 'extreme' });
    assert.notEqual(corrected, plain);
    assert.equal(corrected.complexity, 'extreme');
    assert.deepEqual(corrected.corrections, { complexity: 'extreme' });
    assert.equal(planner.plan(TASK, { complexity: 'extreme' }), corrected);
    assert.equal(planner.cacheStats().hits, 1);
  });

  it('never returns a stale plan after the server set changes', () => {
    const planner = new Planner({ servers });
    const before = planner.plan(TASK);
    assert.ok(allServers(before).includes('git'));
    planner.setServers(servers.filter((s) => s.name !== 'git'));
    const after = planner.plan(TASK);
    assert.notEqual(after, before);
    assert.notEqual(after.fingerprint, before.fingerprint);
    assert.ok(!allServers(after).includes('git'));
    // A server becoming unavailable or gaining a tool count is a change too.
    planner.setServers(servers.map((s) => (s.name === 'fs' ? { ...s, available: false } : s)));
    assert.ok(!allServers(planner.plan(TASK)).includes('fs'));
    planner.setServers(servers.map((s) => (s.name === 'fs' ? { ...s, toolCount: 7 } : s)));
    assert.equal(planner.plan(TASK).steps.find((s) => s.persona === 'backend-developer')!.servers.find((v) => v.server === 'fs')!.toolCount, 7);
    // Back to the original set: same fingerprint, so the original plan is still valid and cached.
    planner.setServers([...servers].reverse());
    assert.equal(planner.plan(TASK), before);
  });

  it('never returns a stale plan after the catalog changes', () => {
    const planner = new Planner({ servers });
    const before = planner.plan(TASK);
    const { catalog } = parseCatalogOverride('{"servers":[],"personas":[{"id":"backend-developer","needs":["vcs"]}]}', 'o.json');
    planner.setCatalog(catalog);
    const after = planner.plan(TASK);
    assert.notEqual(after.fingerprint, before.fingerprint);
    assert.deepEqual(after.steps.find((s) => s.persona === 'backend-developer')!.servers.map((v) => v.server), ['git']);
  });

  it('is bounded: the least recently used plan is evicted', () => {
    const planner = new Planner({ cacheSize: 2 });
    const a = planner.plan('Fix the login bug');
    planner.plan('Add a dark mode toggle');
    planner.plan('Fix the login bug'); // a becomes most recent
    planner.plan('Write a unit test for the date parser'); // evicts the dark mode plan
    assert.equal(planner.cacheStats().evictions, 1);
    assert.equal(planner.cacheStats().size, 2);
    assert.equal(planner.plan('Fix the login bug'), a);
    const misses = planner.cacheStats().misses;
    planner.plan('Add a dark mode toggle');
    assert.equal(planner.cacheStats().misses, misses + 1);
  });

  it('server fingerprint ignores order but not content', () => {
    assert.equal(serversFingerprint(servers), serversFingerprint([...servers].reverse()));
    assert.notEqual(serversFingerprint(servers), serversFingerprint(servers.slice(1)));
    assert.notEqual(serversFingerprint(servers), serversFingerprint(servers.map((s) => ({ ...s, layers: ['L2'] }))));
  });

  it('rejects empty and oversized tasks with a typed error', () => {
    const planner = new Planner();
    assert.throws(() => planner.plan('   '), (e: unknown) => e instanceof TaskInputError && e.reason === 'empty');
    assert.throws(() => planner.plan('x'.repeat(MAX_TASK_BYTES + 1)), (e: unknown) => e instanceof TaskInputError && e.reason === 'too-large' && /100 KB/.test(e.message));
    // Multi-byte text is measured in UTF-8 bytes: 40,000 × "é" is 80,000 bytes, within the limit.
    assert.doesNotThrow(() => planner.plan('Fix the parser for ' + 'é'.repeat(40_000)));
  });
});
