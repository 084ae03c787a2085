/**
 * Trains the learned complexity check (src/engine/routing/complexityModel.ts) and writes its weights to
 * src/engine/routing/generated/complexityModel.ts.
 *
 *   npx tsx scripts/trainComplexityModel.ts [--cv] [--write | --check]
 *
 * Training data: the dev set and the dev-calibrated probe sets 9 … COMPLEXITY_TRAINED_THROUGH
 * (scripts/probeParts.ts). The label is the gold complexity class; the features are the model's own
 * (`complexityFeatures`), computed with the §4 rule alone, as the router computes them.
 *
 * --cv    leave-one-set-out cross-validation: each set (the dev set, each probe file) is scored by a model
 *         fitted on all the other sets, so no text, and no labeller's set, is scored by a model that saw it.
 *         Prints complexity / layer set / persona set / persona micro-F1 for the rule alone and the rule with
 *         the check, over the texts no person read while writing rules (the honest comparison: the rule was
 *         written from the read ones), over all texts, and over the probe sets held out from training.
 * --write fits on all training data and writes the generated file.
 * --check fits on all training data and exits 1 if the generated file differs (a test runs this).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTask } from '../src/engine/analysis/analyzer';
import { COMPLEXITY_LEVELS, type Analysis, type Complexity } from '../src/engine/analysis/analysisTypes';
import { fitSoftmax } from '../src/engine/eval/fitSoftmax';
import { scorePredictions, type EvalReport, type EvalRow } from '../src/engine/eval/metrics';
import { classifyComplexity } from '../src/engine/routing/complexity';
import { complexityFeatures } from '../src/engine/routing/complexityFeatures';
import type { ComplexityModel } from '../src/engine/routing/complexityModel';
import { routeAnalysis } from '../src/engine/routing/route';
import { PARTS, idNumber, inComplexityTraining, partRows } from './probeParts';

/** Fitting settings, compared by leave-one-set-out CV (docs/routing.md, "Learned components" and the thirteenth session). */
const OPTS = { classes: COMPLEXITY_LEVELS.length, l2: 0.001, epochs: 600, rate: 0.5, minCount: 2 };
/**
 * Features whose weights are all smaller than this are dropped from the shipped file: a third of the
 * features, each moving a class's score by under 0.002 (the CV folds use unpruned models).
 */
const PRUNE = 0.002;

const DEV = resolve(__dirname, '../../shared/eval/tasks.dev.jsonl');
const OUT = resolve(__dirname, '../src/engine/routing/generated/complexityModel.ts');

interface Row extends EvalRow {
  readonly task: string;
  /** The file the row comes from: the unit of cross-validation. */
  readonly set: string;
  /** Whether a person read the text while writing rules. */
  readonly read: boolean;
  readonly analysis: Analysis;
  readonly features: string[];
  readonly label: number;
}

function readJsonl(file: string): (EvalRow & { task: string })[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalRow & { task: string });
}

function makeRow(r: EvalRow & { task: string }, set: string, read: boolean): Row {
  const analysis = analyzeTask(r.task);
  const rule = classifyComplexity(analysis, analysis.areas.map((x) => x.area), { model: null });
  const label = COMPLEXITY_LEVELS.indexOf(r.complexity as (typeof COMPLEXITY_LEVELS)[number]);
  if (label < 0) throw new Error(`${set}: ${r.id}: unknown complexity "${r.complexity}"`);
  return { ...r, set, read, analysis, features: complexityFeatures(analysis, rule), label };
}

/** Rows of the probe parts whose files pass `files`, each marked read or not by scripts/probeParts.ts. */
function probeRows(files: (f: string) => boolean): Row[] {
  return PARTS.filter((p) => files(p.file)).flatMap((p) => partRows(p).map((r) => makeRow(r, p.file, p.read)));
}

function fit(rows: readonly Row[]): ComplexityModel {
  return fitSoftmax(rows.map((r) => ({ features: r.features, label: r.label })), OPTS);
}

/** The routed prediction for a row at a given complexity (layers and personas follow from it, §5–§6). */
function routed(r: Row, complexity: Complexity): EvalRow {
  const d = routeAnalysis(r.analysis, { complexity });
  return { id: r.id, complexity, layers: d.layers.filter((l) => l.included).map((l) => l.layer), personas: d.personas.map((p) => p.persona) };
}

const fmt = (s: EvalReport): string =>
  `${(100 * s.complexityAccuracy).toFixed(1)} / ${(100 * s.layerSetAccuracy).toFixed(1)} / ${(100 * s.personaSetAccuracy).toFixed(1)} / ${s.personaMicroF1.toFixed(3)}`;

/** A row's key in the prediction maps (ids are unique per file). */
const key = (r: Row): string => `${r.set}\u0000${r.id}`;

function line(label: string, rows: readonly Row[], rule: ReadonlyMap<string, EvalRow>, checked: ReadonlyMap<string, EvalRow>): void {
  if (rows.length === 0) return;
  const changed = rows.filter((r) => rule.get(key(r))!.complexity !== checked.get(key(r))!.complexity).length;
  console.log(`${label.padEnd(44)} ${String(rows.length).padStart(5)}  rule ${fmt(scorePredictions(rows, rows.map((r) => rule.get(key(r))!)))}   with check ${fmt(scorePredictions(rows, rows.map((r) => checked.get(key(r))!)))}   (${changed} changed)`);
}

function crossValidate(train: readonly Row[], heldOut: readonly Row[]): void {
  const rule = new Map<string, EvalRow>();
  const checked = new Map<string, EvalRow>();
  const predict = (r: Row, model: ComplexityModel): void => {
    const areas = r.analysis.areas.map((x) => x.area);
    rule.set(key(r), routed(r, classifyComplexity(r.analysis, areas, { model: null }).complexity));
    checked.set(key(r), routed(r, classifyComplexity(r.analysis, areas, { model }).complexity));
  };
  const sets = [...new Set(train.map((r) => r.set))];
  for (const s of sets) {
    const model = fit(train.filter((r) => r.set !== s));
    for (const r of train) if (r.set === s) predict(r, model);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const full = fit(train);
  for (const r of heldOut) predict(r, full);
  console.log('Leave-one-set-out CV (each set scored by a model fitted on the others); cells: complexity / layer set / persona set / persona micro-F1');
  line('texts no person read (dev-calibrated probes)', train.filter((r) => !r.read), rule, checked);
  line('texts read while writing rules (rule in-sample)', train.filter((r) => r.read), rule, checked);
  line('dev set (rule in-sample)', train.filter((r) => r.set === 'dev'), rule, checked);
  line('all training texts', train, rule, checked);
  console.log('Model fitted on all training data:');
  line('probe sets after the training range', heldOut.filter((r) => /^tasks\.probe\d+/.test(r.set) && !inComplexityTraining(r.set) && idNumber(r.set.replace('.jsonl', '')) >= 9), rule, checked);
  line('probes 1-8 (contract-only labels; not trained on)', heldOut.filter((r) => idNumber(r.set.replace('.jsonl', '')) < 9), rule, checked);
}

/** The generated module's text for a fitted model. */
function generated(model: ComplexityModel, trainedOn: string): string {
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const kept = [...model.weights].filter(([, w]) => w.some((x) => Math.abs(x) >= PRUNE)).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    '// GENERATED by scripts/trainComplexityModel.ts — do not edit. Multinomial logistic regression over complexityFeatures().',
    '/**',
    ' * Multinomial logistic complexity model: biases and per-feature weights, each in COMPLEXITY_LEVELS order.',
    ' * A function rather than a constant, so the engine parses the weights when it first plans, not at load.',
    ' */',
    'export function complexityModelData(): {',
    '  readonly trainedOn: string;',
    '  readonly bias: readonly number[];',
    '  readonly weights: readonly (readonly [string, ...number[]])[];',
    '} {',
    '  return {',
    `    trainedOn: ${JSON.stringify(trainedOn)},`,
    `    bias: ${JSON.stringify(model.bias.map(round))},`,
    '    weights: [',
    ...kept.map(([f, w]) => `      ${JSON.stringify([f, ...w.map(round)])},`),
    '    ],',
    '  };',
    '}',
    '',
  ].join('\n');
}

if (!existsSync(DEV)) {
  console.error(`trainComplexityModel: the dev set is not at ${DEV}`);
  process.exit(2);
}
const train = [...readJsonl(DEV).map((r) => makeRow(r, 'dev', true)), ...probeRows(inComplexityTraining)];
const sets = new Set(train.map((r) => r.set));
const trainedOn = `dev set + dev-calibrated probes 9-${[...sets].filter((s) => s !== 'dev').map((s) => idNumber(s.replace('.jsonl', ''))).reduce((a, b) => Math.max(a, b), 0)} (${train.length} texts, ${sets.size} sets)`;
console.log(`training data: ${trainedOn}`);
if (process.argv.includes('--cv')) crossValidate(train, probeRows((f) => !inComplexityTraining(f)));
if (process.argv.includes('--write') || process.argv.includes('--check')) {
  const text = generated(fit(train), trainedOn);
  if (process.argv.includes('--write')) {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  } else if (readFileSync(OUT, 'utf8') !== text) {
    console.error(`trainComplexityModel --check: ${OUT} is not what the training data gives; run npx tsx scripts/trainComplexityModel.ts --write`);
    process.exit(1);
  } else console.log('generated complexity model is up to date');
}
