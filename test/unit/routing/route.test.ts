import { strict as assert } from 'node:assert';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import type { Analysis, AreaFinding, AreaId } from '../../../src/engine/analysis/analysisTypes';
import { PERSONA_IDS } from '../../../src/engine/catalog/personas';
import { routeAnalysis } from '../../../src/engine/routing/route';

const route = (t: string) => routeAnalysis(analyzeTask(t));
const layers = (t: string): string => route(t).layers.filter((l) => l.included).map((l) => l.layer).join('');
const personas = (t: string): string[] => route(t).personas.map((p) => p.persona);

/** A synthetic analysis, to test the rules independently of the vocabulary. */
function synth(areas: AreaId[], extra: Partial<Analysis> = {}): Analysis {
  const ev = { phrase: 'x', start: 0, end: 1, rule: 'test', weight: 1 };
  return {
    task: 'synthetic',
    areas: areas.map((a): AreaFinding => ({ area: a, score: 0.8, evidence: [ev] })),
    concerns: [],
    strategy: { kind: 'none', evidence: [] },
    generalist: areas.length === 0,
    liveOps: { live: false, targets: [], evidence: [] },
    signals: [],
    ignored: [],
    ...extra,
  };
}

describe('routeAnalysis: complexity (ROUTING §4)', () => {
  it('one area, contained change → low; two areas are never low', () => {
    assert.equal(routeAnalysis(synth(['frontend'])).complexity, 'low');
    assert.equal(routeAnalysis(synth(['frontend', 'backend'])).complexity, 'medium');
    assert.equal(routeAnalysis(synth(['frontend', 'backend', 'database'])).complexity, 'medium');
  });
  it('A >= 4 → high', () => {
    assert.equal(routeAnalysis(synth(['frontend', 'backend', 'database', 'testing'])).complexity, 'high');
  });
  it('migration of an existing system → extreme; a plan about it is not', () => {
    assert.equal(route('Migrate the app from Heroku to AWS').complexity, 'extreme');
    assert.notEqual(route('Write a migration plan for moving the app from Heroku to AWS').complexity, 'extreme');
  });
  it('changing CI tools or a framework rewrite is not extreme', () => {
    assert.notEqual(route('Move from Jenkins to GitHub Actions for CI').complexity, 'extreme');
    assert.notEqual(route('Rewrite the admin UI from Angular to React').complexity, 'extreme');
  });
  it('certification programme → high', () => {
    assert.equal(route('Achieve SOC 2 Type II certification for the company').complexity, 'high');
  });
  it('high with a hard constraint → extreme', () => {
    const a = synth(['frontend', 'backend', 'database', 'testing'], {
      signals: [{ kind: 'hard-constraint', evidence: [{ phrase: 'zero downtime', start: 0, end: 1, rule: 't', weight: 1 }] }],
    });
    assert.equal(routeAnalysis(a).complexity, 'extreme');
  });
});

describe('routeAnalysis: cascade (ROUTING §5) and canonical cascades', () => {
  it('low L0→L3, medium L0→L1→L3, high L0→L1→L2→L3, extreme L0→…→L4', () => {
    assert.equal(routeAnalysis(synth(['frontend'])).layers.filter((l) => l.included).map((l) => l.layer).join(''), 'L0L3');
    assert.equal(routeAnalysis(synth(['frontend', 'backend'])).layers.filter((l) => l.included).map((l) => l.layer).join(''), 'L0L1L3');
    assert.equal(routeAnalysis(synth(['frontend', 'backend', 'database', 'testing'])).layers.filter((l) => l.included).map((l) => l.layer).join(''), 'L0L1L2L3');
    assert.equal(routeAnalysis(synth(['frontend'], { signals: [{ kind: 'migration', evidence: [{ phrase: 'm', start: 0, end: 1, rule: 't', weight: 1 }] }] })).layers.filter((l) => l.included).map((l) => l.layer).join(''), 'L0L1L2L3L4');
  });
  it('always reports all five layers with a reason', () => {
    const d = route('Fix the login button colour');
    assert.deepEqual(d.layers.map((l) => l.layer), ['L0', 'L1', 'L2', 'L3', 'L4']);
    for (const l of d.layers) assert.ok(l.why.length > 10);
  });
  it('only L2 areas → no L3', () => {
    assert.equal(routeAnalysis(synth(['CI/CD'])).layers.find((l) => l.layer === 'L3')!.included, false);
  });
  it('strategy-only → L0→L1 with no L3', () => {
    assert.equal(layers('Draft a data retention policy'), 'L0L1');
  });
  it('generalist → backend-developer at L3', () => {
    assert.deepEqual(personas('Fix typo in the Kubernetes docs'), ['system-overseer', 'backend-developer']);
  });
  it('a live operation adds L4', () => {
    assert.ok(layers('Deploy the billing service to production').includes('L4'));
  });
});

describe('routeAnalysis: personas (ROUTING §6)', () => {
  it('orders personas by delegation order', () => {
    const ps = personas('Migrate the app from Heroku to AWS with monitoring');
    const ranks = ps.map((p) => PERSONA_IDS.indexOf(p as (typeof PERSONA_IDS)[number]));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  });
  it('agent-provisioner with 3+ L3 personas or extreme', () => {
    assert.ok(routeAnalysis(synth(['frontend', 'backend', 'database'])).personas.some((p) => p.persona === 'agent-provisioner'));
    assert.ok(!routeAnalysis(synth(['frontend', 'backend'])).personas.some((p) => p.persona === 'agent-provisioner'));
  });
  it('L1: a plan or evaluation of security work goes to security-strategist', () => {
    const ev = { phrase: 'scope', start: 0, end: 5, rule: 'test', weight: 1 };
    const d = routeAnalysis(synth(['security'], { strategy: { kind: 'strategy', evidence: [ev] } }));
    assert.ok(d.personas.some((p) => p.persona === 'security-strategist'));
    assert.ok(!d.personas.some((p) => p.persona === 'solution-architect'));
  });
  it('L1 default: solution-architect for platform work, product-manager otherwise', () => {
    assert.ok(routeAnalysis(synth(['observability', 'backend'])).personas.some((p) => p.persona === 'solution-architect'));
    const pm = routeAnalysis(synth(['frontend', 'backend'])).personas.map((p) => p.persona);
    assert.ok(pm.includes('product-manager') && !pm.includes('solution-architect'));
  });
  it('L1: a plan or evaluation of backend, database or testing work is a technology choice; of UI work, product work', () => {
    const ev = { phrase: 'evaluate', start: 0, end: 8, rule: 'test', weight: 1 };
    const strat = (areas: AreaId[]) => routeAnalysis(synth(areas, { strategy: { kind: 'strategy', evidence: [ev] } })).personas.map((p) => p.persona);
    assert.ok(strat(['testing']).includes('solution-architect') && !strat(['testing']).includes('product-manager'));
    assert.ok(strat(['frontend']).includes('product-manager') && !strat(['frontend']).includes('solution-architect'));
    assert.ok(personas('Evaluate k6 as a load testing tool (POC)').includes('solution-architect'));
  });
  it('L1 default: work on the database alone is data-platform work (solution-architect)', () => {
    const sa = routeAnalysis(synth(['database'], { signals: [{ kind: 'substantial', evidence: [{ phrase: 'engine', start: 0, end: 6, rule: 'test', weight: 1 }] }] })).personas.map((p) => p.persona);
    assert.ok(sa.includes('solution-architect') && !sa.includes('product-manager'));
    assert.ok(personas('Per-context DB separation').includes('solution-architect'));
  });
  it('L1: product framing on platform work is how the request is told; product framing of product code is product work', () => {
    const platform = personas('User Story: dbt-specific alerting that does not require opening the Airflow UI');
    assert.ok(platform.includes('solution-architect') && !platform.includes('product-manager'));
    assert.ok(personas('As a customer I want to save my cart so that I can buy later').includes('product-manager'));
  });
  it('L1 default: a framework upgrade, strict mode or a codebase refactor changes the technology (solution-architect); a feature is product work', () => {
    for (const t of ['Upgrade Django to the latest version', 'Refactor the codebase to enable TypeScript strict mode']) {
      const p = personas(t);
      assert.ok(p.includes('solution-architect') && !p.includes('product-manager'), t);
    }
    assert.ok(personas('Integrate Stripe for subscription billing').includes('product-manager'));
  });
  it('L1: a cache layer is scalability design (solution-architect), whatever it caches', () => {
    assert.ok(personas('Add a Redis caching layer for the catalog endpoints').includes('solution-architect'));
    assert.ok(!personas('Add a Redis caching layer for the catalog endpoints').includes('product-manager'));
  });
  it('L2 default: infra-manager for migration, appsec-manager for certification, pipeline-manager otherwise', () => {
    const m = (k: 'migration' | 'certification') => synth([], { signals: [{ kind: k, evidence: [{ phrase: 'x', start: 0, end: 1, rule: 't', weight: 1 }] }] });
    assert.ok(routeAnalysis(m('migration')).personas.some((p) => p.persona === 'infra-manager'));
    assert.ok(routeAnalysis(m('certification')).personas.some((p) => p.persona === 'appsec-manager'));
    assert.ok(routeAnalysis(synth(['frontend', 'backend', 'database', 'testing'])).personas.some((p) => p.persona === 'pipeline-manager'));
  });
  it('L4: kube-cli-wrapper for a cluster, scanner for security, cloud otherwise', () => {
    assert.ok(personas('Migrate the workers from EC2 VMs onto the Kubernetes cluster').includes('kube-cli-wrapper'));
    assert.ok(personas('Deploy the billing service to production').includes('cloud-cli-wrapper'));
  });
  it('every step carries a why and a confidence in (0, 1]', () => {
    const d = route('Add Stripe payments and a checkout page');
    for (const p of d.personas) {
      assert.ok(p.why.length > 5);
      assert.ok(p.confidence > 0 && p.confidence <= 1);
    }
    assert.ok(d.confidence > 0 && d.confidence <= 1 && d.confidenceWhy.includes('product of'));
  });
  it('confidence follows the evidence, not a constant', () => {
    const weak = route('Add a view');
    const strong = route('Add a React component, a CSS theme and a modal to the settings page');
    const fe = (d: ReturnType<typeof route>) => d.personas.find((p) => p.persona === 'frontend-developer')?.confidence ?? 0;
    assert.ok(fe(strong) > fe(weak));
  });
});

describe('routeAnalysis: corrections re-route by the contract', () => {
  it('adding an area re-classifies complexity and adds its persona', () => {
    const a = analyzeTask('Fix the login button colour');
    const d = routeAnalysis(a, { addAreas: ['backend'] });
    assert.equal(d.complexity, 'medium');
    assert.ok(d.personas.some((p) => p.persona === 'backend-developer'));
    assert.ok(d.personas.some((p) => p.layer === 'L1'));
  });
  it('removing an area, forcing complexity and live ops', () => {
    const a = synth(['frontend', 'backend']);
    assert.equal(routeAnalysis(a, { removeAreas: ['backend'] }).complexity, 'low');
    const forced = routeAnalysis(synth(['frontend']), { complexity: 'extreme' });
    assert.equal(forced.complexity, 'extreme');
    assert.ok(forced.layers.find((l) => l.layer === 'L4')!.included);
    assert.ok(routeAnalysis(synth(['frontend']), { liveOps: true }).layers.find((l) => l.layer === 'L4')!.included);
  });
  it('adding a concern adds its L1 persona', () => {
    const d = routeAnalysis(synth(['frontend', 'backend']), { addConcerns: ['compliance'] });
    assert.ok(d.personas.some((p) => p.persona === 'security-strategist'));
  });
});
