/**
 * Scores the engine on the probe sets in eval/probe/ (see its README), one line per set or half, each
 * marked with whether it has been read while writing rules. Usage:
 *   npx tsx scripts/evalProbes.ts
 *
 * Cells are complexity / layer set / persona set accuracy (%) and persona micro-F1, as `strata eval`
 * prints them. Probes 7, 8, 13, 32, 35 and 41-44 and the even ids of probes 9-12, 14-31, 33, 34 and 36-40 are the
 * held-out sets (every line marked HELD OUT): do not read their texts while writing rules.
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

type Row = EvalRow & { task: string };
/** A probe file, which of its ids a line covers, and whether those texts have been read. */
interface Part {
  readonly label: string;
  readonly file: string;
  readonly ids: 'all' | 'odd' | 'even';
  readonly read: boolean;
  /** Which pooled held-out line a never-read real-text part joins: labels from the contract alone, or calibrated on the dev labels. */
  readonly pool?: 'contract' | 'calibrated' | 'fresh' | 'late' | 'eighth' | 'end8' | 'ninth' | 'tenth' | 'eleventh' | 'twelfth';
}

type Pool = NonNullable<Part['pool']>;
/** A dev-calibrated set read in halves: its odd ids read, its even ids held out in `pool`. */
function halves(n: number, pool: Pool): Part[] {
  return [
    { label: `probe ${n} odd ids (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'odd', read: true },
    { label: `probe ${n} even ids (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'even', read: false, pool },
  ];
}
/** A dev-calibrated set never read, held out whole in `pool`. */
function heldOut(n: number, pool: Pool): Part {
  return { label: `probe ${n} (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'all', read: false, pool };
}

const dir = resolve(__dirname, '../eval/probe');
const PARTS: readonly Part[] = [
  { label: 'probe 1 (written by a helper)', file: 'tasks.probe1.jsonl', ids: 'all', read: true },
  { label: 'probe 2 (written by a helper)', file: 'tasks.probe2.jsonl', ids: 'all', read: false },
  { label: 'probe 3 odd ids (written)', file: 'tasks.probe3.jsonl', ids: 'odd', read: true },
  { label: 'probe 3 even ids (written)', file: 'tasks.probe3.jsonl', ids: 'even', read: false },
  { label: 'probe 4 (real texts)', file: 'tasks.probe4.jsonl', ids: 'all', read: true },
  { label: 'probe 5 (real issue titles)', file: 'tasks.probe5.jsonl', ids: 'all', read: true },
  { label: 'probe 6 (real roadmap items)', file: 'tasks.probe6.jsonl', ids: 'all', read: true },
  { label: 'probe 7 (real issue titles)', file: 'tasks.probe7.jsonl', ids: 'all', read: false, pool: 'contract' },
  { label: 'probe 8 (real roadmap items)', file: 'tasks.probe8.jsonl', ids: 'all', read: false, pool: 'contract' },
  ...[9, 10, 11, 12].flatMap((n) => halves(n, 'calibrated')),
  heldOut(13, 'calibrated'),
  // Seventh session: four more dev-calibrated sets, collected from disjoint repository owners (a-e, f-l, m-r, s-z).
  ...[14, 15, 16, 17].flatMap((n) => halves(n, 'fresh')),
  // Commissioned at the end of the seventh session (shorter texts, about 60 % low: see the README); their odd ids
  // were read in the eighth pass.
  ...[18, 19, 20, 21].flatMap((n) => halves(n, 'late')),
  // Eighth session: four more sets from the same owner split, measured on arrival; odd ids read, even ids held out.
  ...[22, 23, 24, 25].flatMap((n) => halves(n, 'eighth')),
  // A fifth eighth-session set (f-l owners again, none of probe 23's repositories), arrived mid-pass; its odd ids
  // were read in the ninth pass, its even ids stay held out.
  ...halves(26, 'eighth'),
  // Collected after the eighth pass's main part (a-l and m-z owners, longer texts, closer to the dev set's length),
  // measured on arrival; then their odd ids were read in a last short part of the pass, their even ids held out.
  ...[27, 28].flatMap((n) => halves(n, 'end8')),
  // Ninth session: four sets asked to match the dev set's length (owners a-e, f-l, m-r, s-z), measured on arrival.
  // Probes 30 and 31 arrived first: their odd ids were read, their even ids are held out.
  ...[30, 31].flatMap((n) => halves(n, 'ninth')),
  // Probes 29 and 32 arrived at the end of the pass and were never read in it; the tenth pass read probe 29's odd
  // ids, its even ids and probe 32 stay held out.
  ...halves(29, 'ninth'),
  heldOut(32, 'ninth'),
  // Tenth session: four sets (owners a-e, f-l, m-r, s-z), queried from catalogue technologies and kinds of work
  // rather than generic phrases; they arrived during the pass. After the pass had been measured on them, a last
  // short part read probe 33's odd ids; its even ids and probes 34-36 were never read. The eleventh pass read probes
  // 34's and 36's odd ids.
  ...[33, 34, 36].flatMap((n) => halves(n, 'tenth')),
  heldOut(35, 'tenth'),
  // Eleventh session: four more sets on the same owner split, asked also for high and extreme kinds of work; they
  // arrived during the pass and were not read in it, until a short last part read probe 38's odd ids. The twelfth
  // pass read the odd ids of probes 37, 39 and 40.
  ...[37, 38, 39, 40].flatMap((n) => halves(n, 'eleventh')),
  // Twelfth session: four more sets (owners a-e, f-l, m-r, s-z), measured on arrival and never read.
  ...[41, 42, 43, 44].map((n) => heldOut(n, 'twelfth')),
];

/** The number in an id ("p4-017" → 17, "probe-003" → 3). */
const idNumber = (id: string): number => Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN);

function predict(r: Row): EvalRow {
  const d = routeAnalysis(analyzeTask(r.task));
  return { id: r.id, complexity: d.complexity, layers: d.layers.filter((l) => l.included).map((l) => l.layer), personas: d.personas.map((p) => p.persona) };
}

const pct = (x: number): string => (100 * x).toFixed(1);
/** Scores predictions against their rows and prints one line: label, count, read or held out, the four figures. */
function report(label: string, rows: readonly EvalRow[], preds: readonly EvalRow[], read = false): void {
  const s = scorePredictions(rows, preds);
  console.log(`${label.padEnd(35)} ${String(rows.length).padStart(4)}  ${read ? 'read    ' : 'HELD OUT'}  ${pct(s.complexityAccuracy)} / ${pct(s.layerSetAccuracy)} / ${pct(s.personaSetAccuracy)} / ${s.personaMicroF1.toFixed(3)}`);
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
};
for (const part of PARTS) {
  const rows = readFileSync(resolve(dir, part.file), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row)
    .filter((r) => part.ids === 'all' || (idNumber(r.id) % 2 === 1) === (part.ids === 'odd'));
  const preds = rows.map(predict);
  report(part.label, rows, preds, part.read);
  if (part.pool) { pools[part.pool].rows.push(...rows); pools[part.pool].preds.push(...preds); }
}
for (const [label, pool] of [['real held out (7 + 8)', pools.contract], ['real held out (9-12 even, 13)', pools.calibrated], ['real held out (14-17 even)', pools.fresh], ['real held out (18-21 even)', pools.late], ['real held out (22-26 even)', pools.eighth], ['real held out (27-28 even)', pools.end8], ['real held out (29 even, 32, 30-31 even)', pools.ninth], ['real held out (33-34 even, 35, 36 even)', pools.tenth], ['real held out (37-40 even)', pools.eleventh], ['real held out (41-44)', pools.twelfth]] as const) {
  report(label, pool.rows, pool.preds);
}

// Probes 7 and 8 relabelled by a helper who studied the dev labels first (relabel.probe78.jsonl, ids and labels
// only; the texts are those of probes 7 and 8): the same never-read texts under the dev labellers' conventions.
{
  const texts = new Map<string, Row>();
  for (const f of ['tasks.probe7.jsonl', 'tasks.probe8.jsonl']) for (const l of readFileSync(resolve(dir, f), 'utf8').split('\n')) if (l.trim()) { const r = JSON.parse(l) as Row; texts.set(r.id, r); }
  const gold = readFileSync(resolve(dir, 'relabel.probe78.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow)
    .filter((g) => texts.has(g.id)).map((g) => ({ ...g, task: texts.get(g.id)!.task }));
  const preds = gold.map(predict);
  report('probes 7 + 8, relabelled (dev-style)', gold, preds);
  // Every never-read real text under labels in the dev labellers' manner, pooled.
  const earlier = [pools.calibrated, pools.fresh, { rows: gold, preds }];
  report('all never-read, dev-style labels', earlier.flatMap((p) => p.rows), earlier.flatMap((p) => p.preds));
  // The same with the even ids of probes 18-21 (whose label mix leans further to low than the dev set's), 22-26 and 27-28.
  const every = [pools.calibrated, pools.fresh, pools.late, pools.eighth, pools.end8, { rows: gold, preds }];
  report('  … + 18-28 even', every.flatMap((p) => p.rows), every.flatMap((p) => p.preds));
  // And the ninth session's held-out sets.
  const all = [...every, pools.ninth];
  report('  … + ninth-session held out', all.flatMap((p) => p.rows), all.flatMap((p) => p.preds));
  // And the tenth session's sets.
  const tenth = [...all, pools.tenth];
  report('  … + tenth-session sets', tenth.flatMap((p) => p.rows), tenth.flatMap((p) => p.preds));
  // And the eleventh session's sets.
  const eleventh = [...tenth, pools.eleventh];
  report('  … + eleventh-session sets', eleventh.flatMap((p) => p.rows), eleventh.flatMap((p) => p.preds));
  // And the twelfth session's sets.
  const twelfth = [...eleventh, pools.twelfth];
  report('  … + twelfth-session sets', twelfth.flatMap((p) => p.rows), twelfth.flatMap((p) => p.preds));
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
