import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { builtinCatalog } from '../../../src/engine/catalog/catalog';
import { layerIndex } from '../../../src/engine/catalog/layers';
import { knowledgeBaseServers } from '../../../src/cli/serversFile';
import { parsePlan } from '../../../src/engine/plan/planParse';
import { planSchema } from '../../../src/engine/plan/planSchema';
import { Planner } from '../../../src/engine/planner';

// Words from every part of the contract, so generated tasks exercise many cascades.
const WORDS = [
  'add', 'fix', 'migrate', 'deploy', 'write', 'design', 'evaluate', 'plan', 'without', 'changing', 'the', 'a', 'to', 'from', 'with',
  'API', 'REST', 'GraphQL', 'UI', 'dashboard', 'React', 'Postgres', 'MongoDB', 'index', 'Kubernetes', 'k8s', 'Helm', 'Docker',
  'Prometheus', 'Grafana', 'alerts', 'SLO', 'tests', 'e2e', 'coverage', 'CI', 'GitHub Actions', 'Terraform', 'AWS', 'GCP',
  'CDN', 'DNS', 'CVE', 'Trivy', 'SBOM', 'secrets', 'ETL', 'Kafka', 'Airflow', 'warehouse', 'SOC 2', 'HIPAA', 'policy',
  'threat model', 'RFC', 'ADR', 'monolith', 'microservices', 'zero downtime', '99.99%', 'multi-region', 'production',
  'cluster', 'docs', 'typo', 'README', 'payments', 'auth', 'OAuth', 'cache', 'Redis', 'queue', 'mobile', 'app', 'é', '🚀',
];
const taskArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' '));

describe('plan invariants over generated tasks (property)', () => {
  const catalog = builtinCatalog();
  const planner = new Planner({ catalog, servers: knowledgeBaseServers(catalog), cacheSize: 0 });

  it('every plan is schema-valid, a DAG by layer, round-trips through JSON, and gives only layer-appropriate servers', () => {
    fc.assert(
      fc.property(taskArb, (task) => {
        const plan = planner.plan(task);
        assert.ok(planSchema.safeParse(plan).success);
        const ids = plan.steps.map((s) => s.id);
        assert.equal(new Set(ids).size, ids.length, 'step ids are unique');
        assert.equal(plan.steps[0]?.id, 'L0:system-overseer', 'L0 overseer first');
        const included = plan.layers.filter((l) => l.included).map((l) => l.layer);
        assert.deepEqual([...new Set(plan.steps.map((s) => s.layer))], included, 'steps cover exactly the included layers, in order');
        const seen = new Map<string, number>();
        for (const s of plan.steps) {
          assert.equal(s.id, `${s.layer}:${s.persona}`);
          // Dependencies: all steps of the nearest earlier layer.
          const earlier = plan.steps.filter((o) => layerIndex(o.layer) < layerIndex(s.layer));
          const nearest = earlier.length ? Math.max(...earlier.map((o) => layerIndex(o.layer))) : -1;
          assert.deepEqual(s.dependsOn, earlier.filter((o) => layerIndex(o.layer) === nearest).map((o) => o.id));
          for (const d of s.dependsOn) assert.ok(seen.has(d), `${s.id} depends on a later step`);
          seen.set(s.id, layerIndex(s.layer));
          const needs = catalog.personas.find((p) => p.id === s.persona)!.needs;
          for (const v of s.servers) {
            const server = catalog.servers.find((k) => k.id === v.server)!;
            assert.ok(server.layers.includes(s.layer), `${v.server} is not tagged ${s.layer}`);
            assert.ok(v.capabilities.every((c) => needs.includes(c) && server.capabilities.includes(c)));
          }
          assert.ok(s.servers.length <= 9);
          assert.deepEqual(s.handoff.artifacts, []);
          assert.ok(s.handoff.objective.length > 0 && s.handoff.requirements.length > 0 && s.handoff.acceptanceCriteria.length > 0);
          assert.ok(s.confidence >= 0 && s.confidence <= 1);
        }
        const back = parsePlan(JSON.stringify(plan));
        assert.ok(back.ok);
        assert.equal(JSON.stringify(back.plan), JSON.stringify(plan));
      }),
      { numRuns: 300 },
    );
  });
});
