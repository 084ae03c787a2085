import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import { scratchTokensOf, tokenize, tokenizeScratch } from '../../../src/engine/analysis/tokenize';
import { normalizeTaskText } from '../../../src/engine/cache/planCache';
import { hashJoined, hashString } from '../../../src/engine/cache/stableHash';
import { classifyComplexity } from '../../../src/engine/routing/complexity';
import { complexityFeatures } from '../../../src/engine/routing/complexityFeatures';
import { classProbabilities, learnedComplexity, shippedComplexityModel } from '../../../src/engine/routing/complexityModel';
import { routeAnalysis } from '../../../src/engine/routing/route';

// The hot path memoises and reuses (interned word forms, the last tokenisation, scratch arrays,
// per-form word classes and scope weights). These tests pin that none of it leaks between texts
// and that each shortcut equals the plain definition it replaces.

const TEXTS = [
  'Migrate the billing service and its Postgres database from Heroku to AWS EKS with Terraform without downtime',
  'Fix typo in the README',
  'As a user, I want to add, edit and delete products',
  'Should we switch to gRPC?',
  'Add OAuth2 login with Google and GitHub; do not touch the Helm chart. Users can reset passwords.',
  'Achieve SOC 2 Type II certification for the platform',
  'Build a notification service in Go with Kafka and Redis',
  'Evaluate   Vitess\tvs Citus for sharding — café ünïcode',
];

describe('analysis hot path: memoised state never leaks between texts', () => {
  it('analyses a text the same whatever was analysed before it', () => {
    const alone = TEXTS.map((t) => JSON.stringify(analyzeTask(t)));
    // Interleave: longer and shorter texts before each (scratch arrays are reused across calls).
    for (let k = 0; k < TEXTS.length; k++) {
      analyzeTask(TEXTS[(k + 3) % TEXTS.length]!.repeat(3));
      analyzeTask(TEXTS[(k + 5) % TEXTS.length]!);
      assert.equal(JSON.stringify(analyzeTask(TEXTS[k]!)), alone[k], TEXTS[k]);
    }
  });

  it('a returned analysis is not changed by later analyses (scratch tokens and hits are reused)', () => {
    const kept = TEXTS.map((t) => analyzeTask(t));
    const before = kept.map((a) => JSON.stringify(a));
    for (const t of [...TEXTS].reverse()) analyzeTask(`${t} ${t}`);
    kept.forEach((a, i) => assert.equal(JSON.stringify(a), before[i], TEXTS[i]));
  });

  it('the scratch tokenizer yields what the allocating one does, whatever it scanned before', () => {
    const plain = (t: string) => JSON.stringify(tokenize(t).map((x) => [x.raw, x.lower, x.stem, x.start, x.end, x.clauseStart]));
    for (let k = 0; k < TEXTS.length; k++) {
      tokenizeScratch(TEXTS[(k + 1) % TEXTS.length]!.repeat(4));
      const scratch = JSON.stringify(tokenizeScratch(TEXTS[k]!).map((x) => [x.raw, x.lower, x.stem, x.start, x.end, x.clauseStart]));
      assert.equal(scratch, plain(TEXTS[k]!), TEXTS[k]);
    }
  });

  it('interns word forms by lowercase spelling and keeps each token as written', () => {
    const t = tokenize('Kafka KAFKA kafka');
    assert.equal(t[0]!.form, t[1]!.form);
    assert.equal(t[1]!.form, t[2]!.form);
    assert.deepEqual(t.map((x) => x.raw), ['Kafka', 'KAFKA', 'kafka']);
    assert.deepEqual(t.map((x) => [x.lower, x.start, x.end]), [['kafka', 0, 5], ['kafka', 6, 11], ['kafka', 12, 17]]);
  });

  it('reads non-ASCII characters as neither word characters nor boundaries (em/en dashes are boundaries), whatever their low byte', () => {
    // U+0127 'ħ' ends in 0x27 (an apostrophe), U+0141 'Ł' in 0x41 ('A'), U+012E in 0x2E ('.'), U+0161 in 0x61 ('a').
    const t = tokenize('ab\u0127cd x\u0141y k\u012Ew \u0161z a\u2014b c\u2013d');
    assert.deepEqual(t.map((x) => [x.raw, x.start, x.end, x.clauseStart]), [
      ['ab', 0, 2, true], ['cd', 3, 5, false], ['x', 6, 7, false], ['y', 8, 9, false], ['k', 10, 11, false], ['w', 12, 13, false],
      ['z', 15, 16, false], ['a', 17, 18, false], ['b', 19, 20, true], ['c', 21, 22, false], ['d', 23, 24, true],
    ]);
    // The same ASCII text before and after a non-ASCII one (the byte buffer is reused).
    assert.deepEqual(tokenize('node.js, ci/cd').map((x) => [x.lower, x.clauseStart]), [['node', true], ['js', false], ['ci', true], ['cd', false]]);
  });

  it('the learned complexity check (memoised word weights, no feature strings) equals the shipped model applied to complexityFeatures (the training features)', () => {
    const dev = readFileSync(`${__dirname}/../../../../shared/eval/tasks.dev.jsonl`, 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { task: string }).task);
    let weighted = 0;
    for (const t of [...TEXTS, ...dev, ...dev.map((x) => `${x} ${x}`)]) {
      const a = analyzeTask(t);
      const rule = classifyComplexity(a, a.areas.map((x) => x.area), { model: null });
      const features = complexityFeatures(a, rule);
      const want = classProbabilities(shippedComplexityModel(), features);
      const got = learnedComplexity(a, rule)!.p;
      for (let k = 0; k < want.length; k++) assert.ok(Math.abs(got[k]! - want[k]!) < 1e-12, `${t}: ${got} vs ${want}`);
      weighted += features.filter((f) => shippedComplexityModel().weights.has(f)).length;
      routeAnalysis(a);
    }
    // The comparison means something only if the texts hit many weighted features.
    assert.ok(weighted > 5000, `${weighted} weighted features hit`);
  });
});

describe('plan path shortcuts equal their definitions', () => {
  it('scratchTokensOf reuses the scratch only for the text it holds', () => {
    const words = (ts: readonly { raw: string }[]): string[] => ts.map((t) => t.raw);
    const a = tokenizeScratch('Add Redis caching to the order service');
    assert.equal(scratchTokensOf('Add Redis caching to the order service'), a);
    // Another text is scanned (into the scratch), never answered with the last text's tokens.
    assert.deepEqual(words(scratchTokensOf('Fix the login page')), ['Fix', 'the', 'login', 'page']);
    assert.deepEqual(words(scratchTokensOf('Add Redis caching to the order service')), words(tokenize('Add Redis caching to the order service')));
    // tokenize() leaves the scratch alone.
    tokenize('Something else entirely');
    assert.deepEqual(words(scratchTokensOf('Add Redis caching to the order service')), words(tokenize('Add Redis caching to the order service')));
  });

  it('normalizeTaskText folds whitespace exactly like trim + /\\s+/ + lowercase', () => {
    const cases = ['Plain text', '  two  spaces ', 'tab\there', 'new\nline', 'nbsp\u00a0x', 'em\u2003space', 'ideo\u3000x', 'x\u200by', 'MiXeD', '', ' ', 'a\ufeffb', 'é ü'];
    for (const t of cases) assert.equal(normalizeTaskText(t), t.trim().replace(/\s+/g, ' ').toLowerCase(), JSON.stringify(t));
  });

  it('hashJoined(parts) is hashString of the parts joined by U+0000, and the hash is stable', () => {
    const parts = ['', 'a', 'plan text with é', 'x'.repeat(300)];
    for (const a of parts) for (const b of parts) for (const c of parts) assert.equal(hashJoined([a, b, c]), hashString(`${a}\u0000${b}\u0000${c}`));
    // Pinned values: plan ids and fingerprints must not change between releases.
    assert.equal(hashString(''), 'ab3e7c0b0578ab1b');
    assert.equal(hashString('hello world'), 'b90456ece9c886c3');
  });
});
