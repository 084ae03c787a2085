import { z } from 'zod';
import type { Catalog } from '../engine/catalog/catalog';
import { Planner, TaskInputError, checkTask } from '../engine/planner';
import type { Plan } from '../engine/plan/planSchema';
import { planToMarkdown } from '../engine/plan/planMarkdown';
import { parseArgs, UsageError, type FlagSpec } from './cliArgs';
import { catalogFromArgs, serversFromArgs } from './catalogOption';
import { formatCascade } from './cascadeText';
import { readLines, type CliIo } from './cliIo';

export const PLAN_FLAGS: readonly FlagSpec[] = [
  { name: 'json', kind: 'boolean' },
  { name: 'jsonl', kind: 'boolean' },
  { name: 'markdown', kind: 'boolean' },
  { name: 'servers', kind: 'string' },
  { name: 'catalog', kind: 'string' },
  { name: 'help', kind: 'boolean', short: 'h' },
];

export const PLAN_HELP = `Usage:
  strata plan "TASK" [--json | --markdown] [--servers FILE|known|none] [--catalog FILE]
  strata plan --jsonl [--servers FILE|known|none] [--catalog FILE] < tasks.jsonl

Plans one task and prints the cascade: complexity with reasons, each layer with why, each
persona with its servers and confidence.
  --json        print the plan as JSON (the versioned plan schema)
  --markdown    print the plan as Markdown
  --jsonl       batch mode: read {"id":..,"task":..} lines on stdin, write one line per input:
                {"id","complexity","layers","personas","confidence","areas"}; a bad line gets
                {"id","error":"line N: ..."}; exit 1 at the end if any line failed
  --servers     a JSON array of configured servers ([{"name":"github"}, {"name":"x",
                "layers":["L2"],"capabilities":["ci"],"toolCount":12}]); "known" = every
                knowledge-base server (default for one task); "none" (default for --jsonl)
  --catalog     a catalog override file (docs/plans.md)
`;

/** `strata plan`. Returns the exit code. */
export async function runPlan(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PLAN_FLAGS, 'plan');
  if (args.flags.has('help')) {
    io.out(PLAN_HELP);
    return 0;
  }
  const jsonl = args.flags.has('jsonl');
  const catalog = catalogFromArgs(args, io);
  const choice = serversFromArgs(args, catalog, jsonl ? 'none' : 'known');
  const planner = new Planner({ catalog, servers: choice.servers });
  if (jsonl) {
    if (args.positionals.length > 0) throw new UsageError('--jsonl reads tasks from stdin; do not also give a task argument');
    if (args.flags.has('json') || args.flags.has('markdown')) throw new UsageError('--jsonl cannot be combined with --json or --markdown');
    return runJsonl(planner, io);
  }
  if (args.flags.has('json') && args.flags.has('markdown')) throw new UsageError('choose one of --json and --markdown');
  if (args.positionals.length === 0) throw new UsageError('missing task: strata plan "TASK" (or --jsonl with tasks on stdin)');
  const task = args.positionals.join(' ');
  const bad = checkTask(task);
  if (bad) throw new UsageError(bad.message);
  const plan = planner.plan(task);
  if (args.flags.has('json')) io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else if (args.flags.has('markdown')) io.out(`${planToMarkdown(plan)}\n`);
  else io.out(`${formatCascade(plan, catalog, choice.note, choice.kind !== 'known')}\n`);
  return 0;
}

/** One batch input line. Extra fields (labels, sources) are allowed and ignored. */
const jsonlLineSchema = z.looseObject({
  id: z.union([z.string(), z.number()], { error: '"id" must be a string or a number' }).optional(),
  task: z.string({ error: 'missing "task" (a string)' }),
});

/** The stable batch output for one plan (external evaluations read exactly these fields). */
export function planSummary(id: string | number | null, plan: Plan): Record<string, unknown> {
  return {
    id,
    complexity: plan.complexity,
    layers: plan.layers.filter((l) => l.included).map((l) => l.layer),
    personas: plan.steps.map((s) => s.persona),
    confidence: plan.confidence,
    areas: plan.areas.map((a) => a.area),
  };
}

async function runJsonl(planner: Planner, io: CliIo): Promise<number> {
  let lineNo = 0;
  let failed = 0;
  for await (const line of readLines(io.stdin)) {
    lineNo++;
    if (line.trim() === '') continue;
    const answer = answerLine(planner, line, lineNo);
    if ('error' in answer) failed++;
    // Respect back-pressure, so a slow reader does not make a large batch pile up in memory.
    if (io.out(`${JSON.stringify(answer)}\n`) === false && io.drained) await io.drained();
  }
  if (failed > 0) io.err(`strata plan --jsonl: ${failed} line${failed === 1 ? '' : 's'} failed (see their "error" fields)\n`);
  return failed > 0 ? 1 : 0;
}

/** The output object for one input line: a plan summary or `{id, error}`. */
function answerLine(planner: Planner, line: string, lineNo: number): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `line ${lineNo}: not valid JSON: ${(e as Error).message}` };
  }
  const rawId = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const parsed = jsonlLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const msg = json === null || typeof json !== 'object' || Array.isArray(json) ? 'expected an object {"id":..,"task":..}' : (issue?.message ?? 'invalid line');
    return { id, error: `line ${lineNo}: ${msg}` };
  }
  try {
    return planSummary(id, planner.plan(parsed.data.task));
  } catch (e) {
    if (e instanceof TaskInputError) return { id, error: `line ${lineNo}: ${e.message}` };
    return { id, error: `line ${lineNo}: internal error: ${(e as Error).message}` };
  }
}

/** Exposed for `eval`: plan every task of a labelled set with one planner. */
export function planAll(catalog: Catalog, tasks: readonly string[]): Plan[] {
  const planner = new Planner({ catalog, cacheSize: 0 });
  return tasks.map((t) => planner.plan(t));
}
