import * as assert from 'node:assert/strict';
import { analyzeTask } from '../../../src/engine/analysis/analyzer';
import { oneEdit, SpellingIndex } from '../../../src/engine/analysis/spelling';

const areas = (t: string): string[] => analyzeTask(t).areas.map((a) => a.area).sort();
const rules = (t: string): string[] => analyzeTask(t).areas.flatMap((a) => a.evidence.map((e) => e.rule));

describe('spelling: misspelt technology names', () => {
  it('oneEdit: one letter dropped, added, changed, or two neighbours swapped — nothing else', () => {
    for (const [a, b] of [['prometheus', 'prometeus'], ['postgresql', 'postresql'], ['kubernetes', 'kuberentes'], ['grafana', 'grafanna'], ['ansible', 'ansibel'], ['netlify', 'netlfy']]) {
      assert.ok(oneEdit(a!, b!), `${a} ~ ${b}`);
      assert.ok(oneEdit(b!, a!), `${b} ~ ${a}`);
    }
    for (const [a, b] of [['terraform', 'terafrom'], ['grafana', 'grafana'], ['kubernetes', 'kubernet'], ['abcdef', 'badcef']]) assert.ok(!oneEdit(a!, b!), `${a} !~ ${b}`);
  });

  it('SpellingIndex corrects to the one name one edit away with the same first letter, never ambiguously', () => {
    const ix = new SpellingIndex(['prometheus', 'postgres', 'postgrex', 'kafka']);
    assert.equal(ix.correct('prometeus'), 'prometheus');
    assert.equal(ix.correct('prometheus'), undefined); // the name itself
    assert.equal(ix.correct('postgrez'), undefined); // one edit from two names
    assert.equal(ix.correct('bometheus'), undefined); // first letter differs
    assert.equal(ix.correct('kafkas'), undefined); // names under six letters are not indexed
  });

  it('a capitalised unknown word one edit from a named technology counts as that technology, with evidence saying so', () => {
    assert.deepEqual(areas('Set up and configure Prometeus monitoring'), ['observability']);
    assert.ok(rules('Set up and configure Prometeus monitoring').some((r) => r.startsWith('spelling:prometheus:')));
    assert.equal(analyzeTask('Migrate the database to PostreSQL').areas.find((a) => a.area === 'database')?.evidence.some((e) => e.phrase === 'PostreSQL'), true);
    assert.deepEqual(areas('Configure the Kuberentes ingress'), ['containers/kubernetes']);
  });

  it('leaves English words, lowercase words, clause starts and Title Case alone', () => {
    assert.ok(!rules('Plan the Sprint backlog for the API').some((r) => r.startsWith('spelling:'))); // "sprint", not "spring"
    assert.ok(!rules('Handle a String value in the API').some((r) => r.startsWith('spelling:')));
    assert.ok(!rules('configure prometeus monitoring').some((r) => r.startsWith('spelling:'))); // lowercase: no name
    assert.ok(!rules('Grafanna dashboards for the API').some((r) => r.startsWith('spelling:'))); // first word: capitals prove nothing
    assert.ok(!rules('Add Grafanna Dashboards For The Payments Team').some((r) => r.startsWith('spelling:'))); // Title Case
  });
});
