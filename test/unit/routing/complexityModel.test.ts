import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import { fitSoftmax } from '../../../src/engine/eval/fitSoftmax';
import { classifyComplexity } from '../../../src/engine/routing/complexity';
import { complexityFeatures } from '../../../src/engine/routing/complexityFeatures';
import { classProbabilities, shippedComplexityModel, type ComplexityModel } from '../../../src/engine/routing/complexityModel';
import { routeAnalysis } from '../../../src/engine/routing/route';

const areasOf = (t: string) => analyzeTask(t).areas.map((a) => a.area);
/** A model that pushes one feature's texts to a class by `w` (everything else neutral). */
const pushing = (feature: string, toward: 0 | 1 | 2 | 3, w = 5): ComplexityModel => {
  const weights = [0, 0, 0, 0];
  weights[toward] = w;
  return { bias: [0, 0, 0, 0], weights: new Map([[feature, weights]]) };
};

describe('learned complexity check', () => {
  it('reads the rule, the findings, content words and word pairs, the first word, the area count and the length', () => {
    const a = analyzeTask('Add Redis caching to the order service');
    const rule = classifyComplexity(a, a.areas.map((x) => x.area), { model: null });
    const f = complexityFeatures(a, rule);
    assert.ok(f.includes(`rc:${rule.complexity}`));
    for (const r of rule.rules) assert.ok(f.includes(`rule:${r}`));
    assert.ok(f.includes('w:redi') || f.some((x) => x.startsWith('w:redis')), f.join(' '));
    assert.ok(f.some((x) => /^b:\S+ \S+$/.test(x)), f.join(' '));
    assert.ok(f.includes('first:add'));
    assert.ok(f.some((x) => x.startsWith('f:area:')));
    assert.ok(f.includes(`na:${Math.min(rule.areaCount, 4)}`));
    assert.ok(f.some((x) => /^len:\d$/.test(x)));
    // Function words are not features.
    assert.ok(!f.includes('w:the') && !f.includes('w:to'));
    // The same analysis gives the same features (training and routing must agree).
    assert.deepEqual(complexityFeatures(a, rule), f);
  });

  it('overrides the rule on the low/medium line, with the features that decided it as the reason', () => {
    const t = 'Fix typo in the README';
    const a = analyzeTask(t);
    const rule = classifyComplexity(a, areasOf(t), { model: null });
    assert.equal(rule.complexity, 'low');
    const r = classifyComplexity(a, areasOf(t), { model: pushing('first:fix', 1) });
    assert.equal(r.complexity, 'medium');
    assert.equal(r.rules[0], 'learned-check');
    assert.match(r.reasons[0]!, /^§4 learned check: medium rather than the rule's low \(p 0\.\d\d vs 0\.\d\d; first:fix \+5\.00\)$/);
    // The rule's own reasons stay, after the check's.
    assert.deepEqual(r.reasons.slice(1), rule.reasons);
  });

  it('never puts two areas below medium, never touches high or extreme, and stays out when the rule is surer', () => {
    const two = 'Add a React settings page backed by a new Postgres table';
    assert.ok(areasOf(two).length >= 2, areasOf(two).join());
    assert.equal(classifyComplexity(analyzeTask(two), areasOf(two), { model: pushing('rc:medium', 0) }).complexity, 'medium');
    const extreme = 'Migrate the monolith from Heroku to AWS EKS';
    assert.equal(classifyComplexity(analyzeTask(extreme), areasOf(extreme), { model: null }).complexity, 'extreme');
    assert.equal(classifyComplexity(analyzeTask(extreme), areasOf(extreme), { model: pushing('rc:extreme', 1) }).complexity, 'extreme');
    // A model that favours the rule's class changes nothing.
    const low = 'Fix typo in the README';
    assert.deepEqual(classifyComplexity(analyzeTask(low), areasOf(low), { model: pushing('first:fix', 0) }), classifyComplexity(analyzeTask(low), areasOf(low), { model: null }));
  });

  it('leaves a complexity the user forced alone', () => {
    const d = routeAnalysis(analyzeTask('Fix typo in the README'), { complexity: 'high' });
    assert.equal(d.complexity, 'high');
    assert.match(d.complexityReasons[0]!, /forced to high by the user/);
  });

  it('softmax fitting learns a separable problem and is deterministic', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ features: ['a', `n${i % 3}`], label: 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ features: ['b', `n${i % 3}`], label: 1 })),
    ];
    const opts = { classes: 4, l2: 0.001, epochs: 200, rate: 0.5, minCount: 1 };
    const m = fitSoftmax(rows, opts);
    const p = classProbabilities(m, ['a']);
    const q = classProbabilities(m, ['b']);
    assert.ok(p[0]! > 0.8 && q[1]! > 0.8, `${p} ${q}`);
    assert.ok(Math.abs(p.reduce((x, y) => x + y, 0) - 1) < 1e-9);
    assert.deepEqual([...fitSoftmax(rows, opts).weights], [...m.weights]);
    // Features seen fewer than minCount times are left out.
    assert.ok(!fitSoftmax(rows, { ...opts, minCount: 15 }).weights.has('n0'));
    assert.ok(fitSoftmax(rows, { ...opts, minCount: 14 }).weights.has('n0'));
  });

  it('ships a model, and it is exactly what scripts/trainComplexityModel.ts fits on the labelled data', function () {
    this.timeout(60_000);
    assert.ok(shippedComplexityModel().weights.size > 1000, `${shippedComplexityModel().weights.size} weights`);
    // The dev set lives beside the repository (../shared/eval); no skip when absent.
    assert.ok(existsSync(resolve(__dirname, '../../../../shared/eval/tasks.dev.jsonl')), 'dev set not found in ../shared/eval');
    execFileSync(process.execPath, ['--require', 'tsx/cjs', 'scripts/trainComplexityModel.ts', '--check'], { stdio: 'pipe' });
  });
});
