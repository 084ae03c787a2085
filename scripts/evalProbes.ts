/**
 * Scores the engine on the probe sets in eval/probe/ (see its README), one line per set or half, each
 * marked with whether it has been read while writing rules. Usage:
 *   npx tsx scripts/evalProbes.ts
 *
 * Cells are complexity / layer set / persona set accuracy (%) and persona micro-F1, as `strata eval`
 * prints them. Each line is marked `read` (a person read the texts while writing rules), `trained` (never read,
 * but in the learned complexity check's training data: dev-calibrated probes 9-44) or `HELD OUT` (neither:
 * probes 45-48, and the contract-only sets never read). Do not read the texts of a line not marked `read`.
 *
 * Then probes 7 and 8 under labels given the dev labellers' way (relabel.probe78.jsonl, ids and labels only).
 *
 * Last, when the dev set is at ../shared/eval/tasks.dev.jsonl: how a contract-only labeller's labels for 100
 * dev texts (relabel.dev100.jsonl, ids only) agree with the dev labels, and the engine against each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../src/engine/analysis/analyzer';
import { routeAnalysis } from '../src/engine/routing/route';
import { scorePredictions, type EvalRow } from '../src/engine/eval/metrics';
import { PARTS, PROBE_DIR as dir, inComplexityTraining, partRows } from './probeParts';

type Row = EvalRow & { task: string };
function predict(r: Row): EvalRow {
  const d = routeAnalysis(analyzeTask(r.task));
  return { id: r.id, complexity: d.complexity, layers: d.layers.filter((l) => l.included).map((l) => l.layer), personas: d.personas.map((p) => p.persona) };
}

const pct = (x: number): string => (100 * x).toFixed(1);
/**
 * Whether a person read the texts while writing rules ("read"), or only the learned complexity check was
 * fitted on them ("trained": never read, but in its training data), or neither ("HELD OUT").
 */
type Status = 'read' | 'trained' | 'HELD OUT';
/** Scores predictions against their rows and prints one line: label, count, status, the four figures. */
function report(label: string, rows: readonly EvalRow[], preds: readonly EvalRow[], status: Status): void {
  const s = scorePredictions(rows, preds);
  console.log(`${label.padEnd(35)} ${String(rows.length).padStart(4)}  ${status.padEnd(8)}  ${pct(s.complexityAccuracy)} / ${pct(s.layerSetAccuracy)} / ${pct(s.personaSetAccuracy)} / ${s.personaMicroF1.toFixed(3)}`);
}
const pools = {
  contract: { rows: [] as Row[], preds: [] as EvalRow[] },
  calibrated: { rows: [] as Row[], preds: [] as EvalRow[] },
  fresh: { rows: [] as Row[], preds: [] as EvalRow[] },
  late: { rows: [] as Row[], preds: [] as EvalRow[] },
  eighth: { rows: [] as Row[], preds: [] as EvalRow[] },
  end8: { rows: [] as Row[], preds: [] as EvalRow[] },
  ninth: { rows: [] as Row[], preds: [] as EvalRow[] },
  tenth: { rows: [] as Row[], preds: [] as EvalRow[] },
  eleventh: { rows: [] as Row[], preds: [] as EvalRow[] },
  twelfth: { rows: [] as Row[], preds: [] as EvalRow[] },
  thirteenth: { rows: [] as Row[], preds: [] as EvalRow[] },
};
for (const part of PARTS) {
  const rows = partRows(part);
  const preds = rows.map(predict);
  report(part.label, rows, preds, part.read ? 'read' : inComplexityTraining(part.file) ? 'trained' : 'HELD OUT');
  if (part.pool) { pools[part.pool].rows.push(...rows); pools[part.pool].preds.push(...preds); }
}
for (const [label, pool] of [['real held out (7 + 8)', pools.contract], ['real held out (9-12 even, 13)', pools.calibrated], ['real held out (14-17 even)', pools.fresh], ['real held out (18-21 even)', pools.late], ['real held out (22-26 even)', pools.eighth], ['real held out (27-28 even)', pools.end8], ['real held out (29 even, 32, 30-31 even)', pools.ninth], ['real held out (33-34 even, 35, 36 even)', pools.tenth], ['real held out (37-40 even)', pools.eleventh], ['real held out (41-44)', pools.twelfth], ['real held out (45-48)', pools.thirteenth]] as const) {
  // Every pool but probes 7 + 8 (contract-only labels) and 45-48 (after the training range) is in the learned complexity check's training data.
  report(label, pool.rows, pool.preds, pool === pools.contract || pool === pools.thirteenth ? 'HELD OUT' : 'trained');
}

// Probes 7 and 8 relabelled by a helper who studied the dev labels first (relabel.probe78.jsonl, ids and labels
// only; the texts are those of probes 7 and 8): the same never-read texts under the dev labellers' conventions.
{
  const texts = new Map<string, Row>();
  for (const f of ['tasks.probe7.jsonl', 'tasks.probe8.jsonl']) for (const l of readFileSync(resolve(dir, f), 'utf8').split('\n')) if (l.trim()) { const r = JSON.parse(l) as Row; texts.set(r.id, r); }
  const gold = readFileSync(resolve(dir, 'relabel.probe78.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow)
    .filter((g) => texts.has(g.id)).map((g) => ({ ...g, task: texts.get(g.id)!.task }));
  const preds = gold.map(predict);
  report('probes 7 + 8, relabelled (dev-style)', gold, preds, 'HELD OUT');
  // Every never-read real text under labels in the dev labellers' manner, pooled (all but probes 7 + 8 are in
  // the learned complexity check's training data, so these lines are marked "trained").
  const earlier = [pools.calibrated, pools.fresh, { rows: gold, preds }];
  report('all never-read, dev-style labels', earlier.flatMap((p) => p.rows), earlier.flatMap((p) => p.preds), 'trained');
  // The same with the even ids of probes 18-21 (whose label mix leans further to low than the dev set's), 22-26 and 27-28.
  const every = [pools.calibrated, pools.fresh, pools.late, pools.eighth, pools.end8, { rows: gold, preds }];
  report('  … + 18-28 even', every.flatMap((p) => p.rows), every.flatMap((p) => p.preds), 'trained');
  // And the ninth session's held-out sets.
  const all = [...every, pools.ninth];
  report('  … + ninth-session held out', all.flatMap((p) => p.rows), all.flatMap((p) => p.preds), 'trained');
  // And the tenth session's sets.
  const tenth = [...all, pools.tenth];
  report('  … + tenth-session sets', tenth.flatMap((p) => p.rows), tenth.flatMap((p) => p.preds), 'trained');
  // And the eleventh session's sets.
  const eleventh = [...tenth, pools.eleventh];
  report('  … + eleventh-session sets', eleventh.flatMap((p) => p.rows), eleventh.flatMap((p) => p.preds), 'trained');
  // And the twelfth session's sets.
  const twelfth = [...eleventh, pools.twelfth];
  report('  … + twelfth-session sets', twelfth.flatMap((p) => p.rows), twelfth.flatMap((p) => p.preds), 'trained');
}

// How far two careful readings of the contract are apart: a helper's labels for 100 dev texts against the
// dev labels, and the engine against each on the same texts.
const devFile = resolve(__dirname, '../../shared/eval/tasks.dev.jsonl');
if (existsSync(devFile)) {
  const dev = new Map(readFileSync(devFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row).map((r) => [r.id, r]));
  const helper = readFileSync(resolve(dir, 'relabel.dev100.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow);
  const gold = helper.map((h) => dev.get(h.id)!).filter((r) => r !== undefined);
  const engine = gold.map(predict);
  const line = (label: string, s: ReturnType<typeof scorePredictions>): void => console.log(`${label.padEnd(46)} ${pct(s.complexityAccuracy)} / ${pct(s.layerSetAccuracy)} / ${pct(s.personaSetAccuracy)} / ${s.personaMicroF1.toFixed(3)}`);
  console.log();
  console.log(`100 dev texts relabelled from the contract alone (n = ${gold.length}):`);
  line('  contract-only labeller vs the dev labels', scorePredictions(gold, helper));
  line('  engine vs the dev labels (in-sample)', scorePredictions(gold, engine));
  line('  engine vs the contract-only labeller', scorePredictions(helper, engine));
}
