import { z } from 'zod';
import { formatEvalReport, scorePredictions, type EvalReport, type EvalRow } from '../engine/eval/metrics';
import { Planner } from '../engine/planner';
import { intFlag, parseArgs, UsageError, type FlagSpec } from './cliArgs';
import { catalogFromArgs } from './catalogOption';
import type { CliIo } from './cliIo';
import { readJsonLinesFile } from './jsonLinesFile';

export const EVAL_FLAGS: readonly FlagSpec[] = [
  { name: 'folds', kind: 'string' },
  { name: 'catalog', kind: 'string' },
  { name: 'errors', kind: 'boolean' },
  { name: 'help', kind: 'boolean', short: 'h' },
];

export const EVAL_HELP = `Usage: strata eval FILE.jsonl [--folds K] [--errors] [--catalog FILE]

Plans every labelled task of FILE.jsonl (ROUTING §8 lines: {"id","task","complexity","layers",
"personas"}) and prints complexity accuracy, layer-set accuracy, persona-set exact accuracy,
persona micro-F1 and the complexity confusion matrix.
  --folds K   also score K disjoint folds (every K-th line) and print each fold's figures with
              their mean and spread: how much the figures move between subsets (the engine is
              not refitted per fold; scripts/trainComplexityModel.ts --cv cross-validates its
              one fitted part, the learned complexity check)
  --errors    list each mismatched task with gold and predicted labels
  --catalog   a catalog override file
`;

const labelledSchema = z.looseObject({
  id: z.union([z.string(), z.number()], { error: '"id" must be a string or a number' }),
  task: z.string({ error: 'missing "task" (a string)' }).min(1, '"task" is empty'),
  complexity: z.string({ error: 'missing "complexity" (a string)' }),
  layers: z.array(z.string(), { error: 'missing "layers" (an array of strings)' }),
  personas: z.array(z.string(), { error: 'missing "personas" (an array of strings)' }),
});

interface Labelled extends EvalRow {
  readonly task: string;
}

/** `strata eval`. Returns the exit code. */
export async function runEval(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, EVAL_FLAGS, 'eval');
  if (args.flags.has('help')) {
    io.out(EVAL_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('eval needs exactly one labelled file: strata eval FILE.jsonl');
  const folds = args.flags.has('folds') ? intFlag(args, 'folds', 5, 2) : 0;
  const file = args.positionals[0]!;
  const gold = readLabelled(file);
  if (folds > gold.length) throw new UsageError(`--folds ${folds} is more than the ${gold.length} labelled tasks`);
  const planner = new Planner({ catalog: catalogFromArgs(args, io), cacheSize: 0 });
  const predicted: EvalRow[] = gold.map((g) => {
    const plan = planner.plan(g.task);
    return { id: g.id, complexity: plan.complexity, layers: plan.layers.filter((l) => l.included).map((l) => l.layer), personas: plan.steps.map((s) => s.persona) };
  });
  const report = scorePredictions(gold, predicted);
  io.out(`${file}: ${gold.length} labelled tasks\n\n${formatEvalReport(report)}\n`);
  if (folds > 0) io.out(`\n${foldTable(gold, predicted, folds)}\n`);
  if (args.flags.has('errors')) io.out(`\n${errorList(report, gold, predicted)}\n`);
  return 0;
}

function readLabelled(file: string): Labelled[] {
  const rows: Labelled[] = [];
  const seen = new Set<string>();
  readJsonLinesFile(file, 'labelled', (json, line) => {
    const r = labelledSchema.safeParse(json);
    if (!r.success) throw new UsageError(`${file}: line ${line}: ${r.error.issues[0]?.message ?? 'invalid labelled task'}`);
    const id = String(r.data.id);
    if (seen.has(id)) throw new UsageError(`${file}: line ${line}: duplicate id "${id}"`);
    seen.add(id);
    rows.push({ id, task: r.data.task, complexity: r.data.complexity, layers: r.data.layers, personas: r.data.personas });
  });
  if (rows.length === 0) throw new UsageError(`${file}: no labelled tasks`);
  return rows;
}

/** Per-fold figures (fold f = rows f, f+K, f+2K, …) with mean and standard deviation. */
function foldTable(gold: readonly Labelled[], predicted: readonly EvalRow[], k: number): string {
  const reports: EvalReport[] = [];
  for (let f = 0; f < k; f++) {
    const idx = gold.map((_, i) => i).filter((i) => i % k === f);
    reports.push(scorePredictions(idx.map((i) => gold[i]!), idx.map((i) => predicted[i]!)));
  }
  const cols: [string, (r: EvalReport) => number][] = [
    ['complexity', (r) => r.complexityAccuracy],
    ['layer-set', (r) => r.layerSetAccuracy],
    ['persona-set', (r) => r.personaSetAccuracy],
    ['micro-F1', (r) => r.personaMicroF1],
  ];
  const lines = [`${k} folds (every ${k}-th task; the engine is not refitted per fold, so this shows spread, not held-out accuracy)`];
  lines.push(['fold'.padEnd(8), 'n'.padStart(5), ...cols.map(([n]) => n.padStart(13))].join(''));
  reports.forEach((r, f) => lines.push([`${f + 1}`.padEnd(8), String(r.n).padStart(5), ...cols.map(([, get]) => get(r).toFixed(3).padStart(13))].join('')));
  const stat = (get: (r: EvalReport) => number) => {
    const xs = reports.map(get);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return `${mean.toFixed(3)}±${sd.toFixed(3)}`;
  };
  lines.push(['mean±sd'.padEnd(8), ''.padStart(5), ...cols.map(([, get]) => stat(get).padStart(13))].join(''));
  return lines.join('\n');
}

function errorList(report: EvalReport, gold: readonly Labelled[], predicted: readonly EvalRow[]): string {
  const byId = new Map(gold.map((g, i) => [g.id, { g, p: predicted[i]! }]));
  const lines = [`mismatches: ${report.errors.length}`];
  for (const e of report.errors) {
    const row = byId.get(e.id);
    if (!row) continue;
    const { g, p } = row;
    lines.push(`${e.id}: ${g.task}`);
    if (e.complexity) lines.push(`  complexity: gold ${g.complexity}, predicted ${p.complexity}`);
    if (e.layers) lines.push(`  layers:     gold ${[...g.layers].sort().join(' ')}, predicted ${[...p.layers].sort().join(' ')}`);
    if (e.personas) lines.push(`  personas:   gold ${[...g.personas].sort().join(' ')}, predicted ${[...p.personas].sort().join(' ')}`);
  }
  return lines.join('\n');
}
