/**
 * Scores the analyzer+router on the labelled dev set, split by id parity (even rows and seeds = the
 * half rules were developed on; odd rows = held out). Usage:
 *   npx tsx scripts/evalDev.ts [FILE] [--errors even] [--cv]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../src/engine/analysis/analyzer';
import { routeAnalysis } from '../src/engine/routing/route';
import { formatEvalReport, scorePredictions, type EvalRow } from '../src/engine/eval/metrics';

const file = process.argv.find((a, i) => i > 1 && !a.startsWith('--') && !['even', 'odd', 'all'].includes(a)) ?? resolve(__dirname, '../../shared/eval/tasks.dev.jsonl');
type Row = EvalRow & { task: string; areas?: string[]; strategy?: boolean; live_ops?: boolean };
const rows: Row[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const isEven = (id: string): boolean => !/^dev-/.test(id) || Number(id.slice(4)) % 2 === 0;
const predict = (r: Row): EvalRow & { areas: string[]; strategy: string; live: boolean } => {
  const a = analyzeTask(r.task);
  const d = routeAnalysis(a);
  return {
    id: r.id,
    complexity: d.complexity,
    layers: d.layers.filter((l) => l.included).map((l) => l.layer),
    personas: d.personas.map((p) => p.persona),
    areas: a.areas.map((x) => x.area),
    strategy: a.strategy.kind,
    live: a.liveOps.live,
  };
};
const preds = rows.map(predict);
// The odd half is printed only with --final, so development decisions are not taken on it.
const final = process.argv.includes('--final') || process.env.npm_lifecycle_event === 'eval:cv';
const splits = [['even half (development)', (r: Row) => isEven(r.id)], ['odd half (held out)', (r: Row) => !isEven(r.id)], ['full', () => true]] as const;
for (const [name, sel] of final ? splits : splits.slice(0, 1)) {
  const g = rows.filter(sel);
  console.log(`== ${name}`);
  console.log(formatEvalReport(scorePredictions(g, preds)));
  console.log();
}
const errIdx = process.argv.indexOf('--errors');
if (errIdx > 0) {
  const which = process.argv[errIdx + 1];
  const g = rows.filter((r) => (which === 'odd' ? !isEven(r.id) : which === 'all' ? true : isEven(r.id)));
  const rep = scorePredictions(g, preds);
  const byId = new Map(preds.map((p) => [p.id, p]));
  const S = (x: readonly string[]) => [...x].sort().join(' ');
  for (const e of rep.errors) {
    const r = rows.find((x) => x.id === e.id)!;
    const p = byId.get(e.id)!;
    const short = (ps: readonly string[]) => S(ps.filter((x) => x !== 'system-overseer').map((x) => x.replace(/-(developer|manager|expert|specialist|wrapper|strategist|architect|overseer|provisioner)$/, '')));
    console.log(`${r.id} ${e.complexity ? '*' : ' '}${r.complexity.slice(0, 3)}/${p.complexity.slice(0, 3)} ${e.layers ? '*' : ' '}${S(r.layers).replace(/L/g, '')}/${S(p.layers).replace(/L/g, '')} | gold[${(r.areas ?? []).join(',')}|S${r.strategy ? 1 : 0}L${r.live_ops ? 1 : 0}] pred[${p.areas.join(',')}|${p.strategy}|L${p.live ? 1 : 0}]`);
    if (e.personas) console.log(`     personas gold: ${short(r.personas)}\n              pred: ${short(p.personas)}`);
    console.log(`     ${r.task.slice(0, 220)}`);
  }
}
