import { strict as assert } from 'node:assert';
import type { Analysis, Evidence } from '../../../src/engine/analysis/analysisTypes';
import type { AssignableServer } from '../../../src/engine/catalog/assignableServer';
import { builtinCatalog } from '../../../src/engine/catalog/catalog';
import type { LayerId } from '../../../src/engine/catalog/layers';
import type { PersonaId } from '../../../src/engine/catalog/personas';
import { COVERAGE_WEIGHT, buildPlan, planId } from '../../../src/engine/plan/planBuilder';
import { planToMarkdown } from '../../../src/engine/plan/planMarkdown';
import { formatPlanParseError, parsePlan } from '../../../src/engine/plan/planParse';
import { planSchema, type Plan } from '../../../src/engine/plan/planSchema';
import { ServerAssigner } from '../../../src/engine/routing/mcpAssignment';
import type { RoutingDecision } from '../../../src/engine/routing/routingTypes';

// Hand-made engine inputs (the real types), so these tests pin the plan builder alone.
const TASK = 'Add rate limiting to the public REST API without changing the database, with zero downtime, and cover it with tests';
function ev(phrase: string, rule: string, weight = 0.9): Evidence {
  const start = TASK.indexOf(phrase);
  return { phrase, start, end: start + phrase.length, rule, weight };
}
const analysis: Analysis = {
  task: TASK,
  areas: [
    { area: 'backend', score: 0.9, evidence: [ev('rate limiting', 'lexicon:backend'), ev('REST API', 'lexicon:backend')] },
    { area: 'testing', score: 0.8, evidence: [ev('tests', 'lexicon:testing')] },
    { area: 'infrastructure/cloud', score: 0.7, evidence: [ev('public', 'test:infra', 0.4)] },
  ],
  concerns: [{ concern: 'product', score: 0.6, evidence: [ev('public', 'cue:product', 0.5)] }],
  strategy: { kind: 'none', evidence: [] },
  generalist: false,
  liveOps: { live: false, targets: [], evidence: [] },
  signals: [{ kind: 'hard-constraint', evidence: [ev('zero downtime', 'signal:hard')] }],
  // As the analyzer reports them: the negated mention itself, and a mention that is not work.
  ignored: [ev('database', 'negated:lexicon:database'), ev('public', 'documentation-subject:test')],
};
function persona(p: PersonaId, layer: LayerId, confidence: number): RoutingDecision['personas'][number] {
  return { persona: p, layer, why: `${p} because the test says so.`, evidence: [], confidence };
}
const decision: RoutingDecision = {
  complexity: 'high',
  complexityReasons: ['A = 3 areas', 'high for the test'],
  layers: [
    { layer: 'L0', included: true, why: 'always' },
    { layer: 'L1', included: true, why: 'medium or more' },
    { layer: 'L2', included: true, why: 'L2 area' },
    { layer: 'L3', included: true, why: 'L3 areas' },
    { layer: 'L4', included: false, why: 'no live operation' },
  ],
  personas: [
    persona('system-overseer', 'L0', 0.9),
    persona('product-manager', 'L1', 0.8),
    persona('infra-manager', 'L2', 0.7),
    persona('backend-developer', 'L3', 0.9),
    persona('testing-specialist', 'L3', 0.85),
  ],
  confidence: 0.8,
  confidenceWhy: 'test formula',
};
const catalog = builtinCatalog();
const personas = decision.personas.map((p) => p.persona);

function build(servers: readonly AssignableServer[] = [], extra: Partial<Parameters<typeof buildPlan>[0]> = {}): Plan {
  return buildPlan({
    analysis,
    decision,
    assignment: new ServerAssigner(catalog, servers).assign(personas),
    fingerprint: 'fp-test',
    serversConfigured: servers.length > 0,
    createdAt: '2026-11-24T00:00:00.000Z',
    ...extra,
  });
}
function srv(name: string, layers: LayerId[], capabilities: string[], toolCount?: number): AssignableServer {
  return { name, layers, capabilities, available: true, classification: { kind: 'known', knownId: name, matchedBy: 'test' }, ...(toolCount === undefined ? {} : { toolCount }) };
}

describe('plan builder', () => {
  it('builds a DAG: step ids by layer, each layer depending on the nearest layer above', () => {
    const plan = build();
    assert.deepEqual(
      plan.steps.map((s) => [s.id, s.dependsOn]),
      [
        ['L0:system-overseer', []],
        ['L1:product-manager', ['L0:system-overseer']],
        ['L2:infra-manager', ['L1:product-manager']],
        ['L3:backend-developer', ['L2:infra-manager']],
        ['L3:testing-specialist', ['L2:infra-manager']],
      ],
    );
  });

  it('skips absent layers: L0 → L3 directly when L1 and L2 are not in the cascade', () => {
    const d: RoutingDecision = { ...decision, personas: [decision.personas[0]!, decision.personas[3]!, decision.personas[4]!, persona('kube-cli-wrapper', 'L4', 0.6)] };
    const plan = buildPlan({
      analysis,
      decision: d,
      assignment: new ServerAssigner(catalog, []).assign(d.personas.map((p) => p.persona)),
      fingerprint: 'fp',
      serversConfigured: false,
    });
    const deps = Object.fromEntries(plan.steps.map((s) => [s.id, s.dependsOn]));
    assert.deepEqual(deps['L3:backend-developer'], ['L0:system-overseer']);
    assert.deepEqual(deps['L4:kube-cli-wrapper'], ['L3:backend-developer', 'L3:testing-specialist']);
    // Every dependency is an earlier step: the graph is acyclic by construction.
    const seen = new Set<string>();
    for (const s of plan.steps) {
      for (const dep of s.dependsOn) assert.ok(seen.has(dep), `${s.id} depends on later step ${dep}`);
      seen.add(s.id);
    }
  });

  it('fills hand-offs: objective, owned requirements with evidence phrases, constraints, criteria, no artifacts', () => {
    const plan = build();
    const step = (id: string) => plan.steps.find((s) => s.id === id)!;
    const be = step('L3:backend-developer').handoff;
    assert.match(be.objective, /^Implement the server-side.*: "Add rate limiting/);
    assert.deepEqual(be.requirements, ['backend: "rate limiting", "REST API"']);
    assert.deepEqual(be.constraints, ['Excluded by the task: "without changing the database"', 'Hard constraint: "zero downtime"']);
    assert.ok(be.acceptanceCriteria.length >= 2);
    assert.deepEqual(be.artifacts, []);
    // Plans share their empty artifacts list (and are cached): it must refuse writes, not leak them.
    assert.ok(Object.isFrozen(be.artifacts));
    assert.throws(() => (be.artifacts as unknown[]).push({ fromStep: 'x', kind: 'x', summary: 'x' }), TypeError);
    assert.deepEqual(step('L3:testing-specialist').handoff.requirements, ['testing: "tests"']);
    // L0/L1 see the whole request.
    const pm = step('L1:product-manager').handoff.requirements;
    assert.deepEqual(pm, ['product concern: "public"', 'backend: "rate limiting", "REST API"', 'testing: "tests"', 'infrastructure/cloud: "public"']);
  });

  it('applies corrections to the plan\'s findings and records them', () => {
    const plan = build([], { corrections: { removeAreas: ['infrastructure/cloud'], addAreas: ['observability'] } });
    assert.deepEqual(plan.areas.map((a) => a.area), ['backend', 'testing', 'observability']);
    assert.deepEqual(plan.corrections, { removeAreas: ['infrastructure/cloud'], addAreas: ['observability'] });
    assert.notEqual(plan.id, build().id, 'corrections are part of the plan id');
  });

  it('combines step confidence with server coverage only when servers are configured', () => {
    const none = build();
    assert.deepEqual(none.steps.map((s) => s.confidence), [0.9, 0.8, 0.7, 0.9, 0.85]);
    assert.equal(none.confidence, 0.8);
    assert.match(none.confidenceWhy, /no servers configured/);

    // backend-developer needs files, code, vcs, docs, web, errors; give it only "files" (weight 1 of 2.45).
    const plan = build([srv('fs', ['L3'], ['files'], 5)]);
    const be = plan.steps.find((s) => s.persona === 'backend-developer')!;
    const weights = [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6];
    const coverage = 1 / weights.reduce((a, b) => a + b, 0);
    assert.equal(be.confidence, Math.round(0.9 * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage) * 1000) / 1000);
    assert.deepEqual(be.servers, [{ server: 'fs', capabilities: ['files'], why: 'tagged L3; meets files (5 tools)', toolCount: 5 }]);
    assert.deepEqual(be.uncoveredNeeds, ['code', 'vcs', 'docs', 'web', 'errors']);
    const so = plan.steps.find((s) => s.persona === 'system-overseer')!;
    assert.equal(so.confidence, Math.round(0.9 * (1 - COVERAGE_WEIGHT) * 1000) / 1000, 'no need met: 75 % of the routing confidence');
    assert.ok(plan.confidence < 0.8);
    assert.match(plan.confidenceWhy, /server-coverage factor/);
  });

  it('lists configured servers nobody got, and gives the plan a content id', () => {
    const plan = build([srv('pg', ['L3'], ['sql'])]);
    assert.deepEqual(plan.unassignedServers.map((u) => u.server), ['pg']);
    assert.equal(plan.id, planId(TASK, 'fp-test'));
    assert.equal(build().id, plan.id, 'same task, fingerprint and corrections: same id');
    assert.notEqual(planId(TASK, 'other-fp'), plan.id);
  });

  it('produces a plan the schema accepts, and JSON round-trips losslessly', () => {
    for (const plan of [build(), build([srv('fs', ['L3'], ['files'], 5), srv('x', ['L2'], ['iac'])], { corrections: { complexity: 'extreme', liveOps: true } })]) {
      const checked = planSchema.safeParse(plan);
      assert.ok(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues));
      const text = JSON.stringify(plan);
      const back = parsePlan(text);
      assert.ok(back.ok);
      assert.deepEqual(back.plan, JSON.parse(text));
      assert.ok(JSON.stringify(back.plan) === text, 'field order and values survive the round trip');
    }
  });

  it('parsePlan names the path of a bad field, and reports bad JSON', () => {
    const plan = JSON.parse(JSON.stringify(build())) as Record<string, unknown> & { steps: Record<string, unknown>[] };
    plan.steps[3]!.persona = 'backend-dev';
    const r = parsePlan(plan);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'schema');
    assert.equal(r.error.path, 'steps[3].persona');
    assert.match(formatPlanParseError(r.error), /^plan: steps\[3\]\.persona: /);
    const v = parsePlan({ ...plan, schemaVersion: 2 });
    assert.ok(!v.ok && v.error.path === 'schemaVersion');
    const j = parsePlan('{"schemaVersion": 1,');
    assert.ok(!j.ok && j.error.kind === 'json' && j.error.path === '(root)');
  });

  it('renders Markdown with the cascade, steps, servers and hand-offs', () => {
    const md = planToMarkdown(build([srv('fs', ['L3'], ['files'], 5), srv('pg', ['L3'], ['sql'])]));
    assert.match(md, /^# Strata plan plan-[0-9a-f]{16}/);
    assert.match(md, /\*\*Cascade:\*\* L0 → L1 → L2 → L3/);
    assert.match(md, /### L3:backend-developer/);
    assert.match(md, /\*\*Servers:\*\* `fs` \(files\)/);
    assert.match(md, /Excluded by the task: "without changing the database"/);
    assert.match(md, /- `pg`: its capabilities \(sql\) meet no need/);
  });
});
