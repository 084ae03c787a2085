import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import { stem, tokenize } from '../../../src/engine/analysis/tokenize';
import { AREA_VOCABULARY } from '../../../src/engine/analysis/areaVocabulary';
import { CUE_VOCABULARY } from '../../../src/engine/analysis/cueVocabulary';
import { routeAnalysis } from '../../../src/engine/routing/route';

const areas = (t: string): string[] => analyzeTask(t).areas.map((a) => a.area).sort();

describe('tokenize', () => {
  it('stems inflections and plurals to one form', () => {
    assert.equal(stem('scaling'), stem('scale'));
    assert.equal(stem('scaled'), stem('scales'));
    assert.equal(stem('policies'), stem('policy'));
    assert.equal(stem('databases'), stem('database'));
  });
  it('reads a name of six letters or more, or a short runtime name, with its major version glued on as the name; other short ones stay whole', () => {
    assert.equal(stem('postgresql13'), 'postgresql');
    assert.equal(stem('Python3'.toLowerCase()), 'python');
    assert.equal(stem('route53'), 'route53');
    assert.equal(stem('oauth2'), 'oauth2');
    assert.equal(stem('abc123def'), 'abc123def');
    assert.deepEqual(areas('Upgrade spacewalk package to postgresql13'), ['database']);
    assert.equal(stem('php8'), 'php');
    assert.equal(stem('java17'), 'java');
    assert.deepEqual(areas('php8.3 compatibility fixes'), ['backend']);
  });
  it('undoubles a final consonant only down to three letters: "added" is "add", "hopping" is "hop"', () => {
    assert.equal(stem('added'), stem('add'));
    assert.equal(stem('adding'), stem('add'));
    assert.equal(stem('hopping'), stem('hop'));
    assert.equal(stem('shipped'), stem('ship'));
  });
  it('reads "Added …" and "adding …" as verbs: a title built on them is no capability title', () => {
    for (const t of ['Added Cypress e2e tests', 'adding annotations to ingress objects']) {
      assert.ok(!analyzeTask(t).signals.some((s) => s.evidence.some((e) => e.rule === 'substantial:capability-title')), t);
    }
  });
  it('records spans and clause starts', () => {
    const t = tokenize('Fix bug. Add UI');
    assert.deepEqual(t.map((x) => [x.raw, x.start, x.clauseStart]), [['Fix', 0, true], ['bug', 4, false], ['Add', 9, true], ['UI', 13, false]]);
  });
});

describe('analyzeTask: areas (ROUTING §3)', () => {
  it('respects word boundaries: "ui" is not found in "build"', () => {
    assert.ok(!areas('Speed up the build of the worker').includes('frontend'));
    assert.ok(areas('Fix the settings UI').includes('frontend'));
  });
  it('reads abbreviations and synonyms', () => {
    assert.deepEqual(areas('Add a k8s readiness probe to the helm chart'), ['containers/kubernetes']);
    assert.ok(areas('Add SSO with SAML for enterprise logins').includes('backend'));
    assert.ok(areas('Write Terraform IaC for the VPC').includes('infrastructure/cloud'));
    assert.ok(areas('Define SLOs and alerts for checkout latency').includes('observability'));
    assert.ok(areas('Nightly ETL job into the warehouse').includes('data pipelines'));
    // A named tool's logs are that tool's output ("Jenkins logs" are CI/CD), not observability work.
    assert.deepEqual(areas('Secrets are printed in the Jenkins logs'), ['CI/CD', 'security']);
    // "Logging into" is signing in (backend auth), not logging.
    assert.deepEqual(areas('Okta SSO for logging into the portal'), ['backend']);
    // An environment's server is infrastructure (§3 environments).
    assert.deepEqual(areas('Bring back the staging server and copy the database nightly'), ['database', 'infrastructure/cloud']);
    // Scientific workflow engines run data pipelines.
    assert.deepEqual(areas('Transform the Snakemake pipeline so that it runs faster'), ['data pipelines']);
  });
  it('maps technologies through the catalogue lexicon', () => {
    assert.deepEqual(areas('Shard the orders table with Vitess'), ['database']);
    const a = analyzeTask('Shard the orders table with Vitess');
    assert.ok(a.areas[0]!.evidence.some((e) => e.phrase === 'Vitess'));
    assert.ok(areas('Add Tableau dashboards fed from Snowflake').includes('data pipelines'));
    assert.ok(areas('Add Linkerd mTLS between services').includes('containers/kubernetes'));
    // Through a topic's description: content management and e-commerce platforms are server-side work, static
    // site generators build pages.
    assert.deepEqual(areas('Port the booking module to Drupal 10'), ['backend']);
    assert.deepEqual(areas('Fix the Hugo theme menu'), ['frontend']);
    // Curated from the unmapped topics: browser extensions are client code, network appliances infrastructure;
    // a common word the catalogue names ("stimulus") needs its exact case.
    assert.deepEqual(areas('Build a Chrome extension that saves the current tab'), ['frontend']);
    assert.deepEqual(areas('Add Pi-hole to the homelab'), ['infrastructure/cloud']);
    assert.ok(!analyzeTask('Measure the stimulus response time of participants').areas.some((a) => a.evidence.some((e) => e.rule.includes('stimulus'))));
    // ("blogger" is an English word first: dropped from the generated names.)
    assert.ok(!analyzeTask('As a blogger I want to schedule posts').areas.some((a) => a.evidence.some((e) => e.rule.includes('blogger'))));
  });
  it('counts a catalogue name that is a common word only where its capital tells (not in Title Case text)', () => {
    assert.ok(areas('Use Dragonfly to distribute images to the nodes').includes('containers/kubernetes'));
    assert.ok(!areas('Add Dragonfly Animation To The Landing Page').includes('containers/kubernetes'));
    assert.ok(!areas('Ship Falcon Mascot Stickers With Every Order').includes('observability'));
  });
  it('drops negated mentions ("without changing the database")', () => {
    const a = analyzeTask('Add caching to the search API without changing the database schema');
    assert.ok(!a.areas.some((x) => x.area === 'database'));
    assert.ok(a.ignored.some((e) => e.rule.startsWith('negated:')));
  });
  it('treats documentation of any subject as a generalist docs task', () => {
    const a = analyzeTask('Fix typo in the Kubernetes docs');
    assert.deepEqual(a.areas, []);
    assert.equal(a.generalist, true);
    assert.ok(a.ignored.some((e) => e.rule.startsWith('documentation-subject:')));
  });
  it('does not match ambiguous catalogue names written as ordinary words', () => {
    assert.deepEqual(areas('Keep the chaos out of the release notes process'), []);
  });
  it('gives every area its evidence with a span into the text', () => {
    const t = 'Add Playwright tests for the login page';
    for (const f of analyzeTask(t).areas) for (const e of f.evidence) assert.equal(t.slice(e.start, e.end), e.phrase);
  });
});

describe('analyzeTask: strategy, live operations, signals', () => {
  it('a plan keeps the areas its subject names (strategy)', () => {
    const a = analyzeTask('Write a migration plan for moving from Docker Compose to Kubernetes');
    assert.equal(a.strategy.kind, 'strategy');
    assert.ok(a.areas.some((x) => x.area === 'containers/kubernetes'));
  });
  it('a policy or threat model is strategy-only', () => {
    assert.equal(analyzeTask('Draft a threat model for the payments service').strategy.kind, 'strategy-only');
    assert.equal(analyzeTask('Evaluate options for our vendor selection process').strategy.kind, 'strategy-only');
  });
  it('deploying is live; writing the pipeline for it is not', () => {
    assert.equal(analyzeTask('Deploy the billing service to production').liveOps.live, true);
    assert.equal(analyzeTask('Write a GitHub Actions workflow that deploys the billing service').liveOps.live, false);
  });
  it('enabling a setting on a named cloud resource is live', () => {
    const l = analyzeTask('Enable versioning on the S3 bucket for uploads').liveOps;
    assert.equal(l.live, true);
    assert.ok(l.targets.includes('cloud'));
  });
  it('finds migration and multi-region signals', () => {
    assert.ok(analyzeTask('Migrate the app from Heroku to AWS').signals.some((s) => s.kind === 'migration'));
    assert.ok(analyzeTask('Run the API active-active across regions').signals.some((s) => s.kind === 'multi-region'));
  });
});

describe('generated technology lexicon', () => {
  it('is exactly what scripts/buildLexicon.ts produces', () => {
    // The catalogues live in ../shared/data beside the repository (or STRATA_DATA_DIR); no skip when absent.
    const dataDir = process.env.STRATA_DATA_DIR ?? resolve(__dirname, '../../../../shared/data');
    assert.ok(existsSync(resolve(dataDir, 'cncf-landscape-technologies.json')), `technology catalogues not found in ${dataDir}`);
    execFileSync(process.execPath, ['--require', 'tsx/cjs', 'scripts/buildLexicon.ts', '--check'], { stdio: 'pipe' });
  });
  it('has the spelling stoplist scripts/buildSpellingStoplist.ts produces from the word list', () => {
    // The word list is Debian's wamerican, installed by the test command's setup phase; no skip when absent.
    const words = process.env.STRATA_WORDS ?? '/usr/share/dict/words';
    assert.ok(existsSync(words), `word list ${words} not found (apt-get install wamerican)`);
    execFileSync(process.execPath, ['--require', 'tsx/cjs', 'scripts/buildSpellingStoplist.ts', '--check'], { stdio: 'pipe' });
  });
});

describe('analyzeTask: robustness', () => {
  it('analyses every stored probe text without throwing (a reading that indexes past a token shows up here)', () => {
    const dir = resolve(__dirname, '../../../eval/probe');
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.startsWith('tasks.') && x.endsWith('.jsonl'))) {
      for (const line of readFileSync(resolve(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { id, task } = JSON.parse(line) as { id: string; task: string };
        assert.doesNotThrow(() => analyzeTask(task), `${f} ${id}`);
        n++;
      }
    }
    assert.ok(n > 2000, `only ${n} texts found`);
  });
  it('analyses and routes 5,000 random titles of vocabulary words, labels and punctuation without throwing', () => {
    // Fixed seed: the same texts every run. (The crash fixed in the eighth pass threw on 8 of these 5,000.)
    const words: string[] = [];
    for (const list of Object.values(CUE_VOCABULARY)) words.push(...list);
    for (const list of Object.values(AREA_VOCABULARY)) for (const w of list) words.push(typeof w === 'string' ? w : w[0]);
    const glue = ['to', 'from', 'the', 'a', 'for', 'of', 'in', 'instead', 'instead of', 'and', 'or', ',', ':', '.', '(', ')', '->', '>', '`', '"', 'that',
      'which', 'just', 'when', 'not', "doesn't", '[Bug]', 'feat:', 'Fix', 'Move', 'Upgrade', '10', 'v2', 'AWS', 'GCP', '-', '/', '?', '!', '\n', '  '];
    let seed = 12345;
    const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let i = 0; i < 5000; i++) {
      const parts: string[] = [];
      for (let k = 0, len = 1 + rnd(12); k < len; k++) {
        const w = rnd(3) === 0 ? glue[rnd(glue.length)]! : words[rnd(words.length)]!;
        parts.push(rnd(4) === 0 ? w.toUpperCase() : rnd(3) === 0 ? w[0]!.toUpperCase() + w.slice(1) : w);
      }
      const text = parts.join(rnd(5) === 0 ? '' : ' ');
      assert.doesNotThrow(() => routeAnalysis(analyzeTask(text)), JSON.stringify(text));
    }
  });
});
