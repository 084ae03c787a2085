import { version } from '../../package.json';
import { UsageError } from './cliArgs';
import type { CliIo } from './cliIo';
import { BENCH_HELP, runBench } from './benchCommand';
import { runChaos } from './chaosCommand';
import { EVAL_HELP, runEval } from './evalCommand';
import { PLAN_HELP, runPlan } from './planCommand';

const HELP = `strata ${version} — turn a task into a layered delegation plan (ROUTING.md)

Usage:
  strata plan "TASK" [--json | --markdown] [--servers FILE|known|none] [--catalog FILE]
  strata plan --jsonl [--servers FILE] [--catalog FILE] < tasks.jsonl
  strata eval FILE.jsonl [--folds K] [--catalog FILE]
  strata bench [--file TASKS.jsonl] [--rounds N] [--plans N]
  strata chaos [--sessions N] [--kills K] ...   durability benchmark (strata chaos --help)
  strata help [COMMAND]
  strata --help | --version

Exit codes: 0 success; 1 a batch line or an evaluation failed; 2 bad usage or input.
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  plan: { run: runPlan, help: PLAN_HELP },
  eval: { run: runEval, help: EVAL_HELP },
  bench: { run: runBench, help: BENCH_HELP },
};

/** Runs the CLI with `argv` (without node and the script). Returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h') {
      io.out(HELP);
      return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-V') {
      io.out(`${version}\n`);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      if (topic === undefined) io.out(HELP);
      else if (COMMANDS[topic]) io.out(COMMANDS[topic].help);
      else if (topic === 'chaos') return main(['chaos', '--help'], io);
      else throw new UsageError(`unknown command "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}, chaos`);
      return 0;
    }
    if (first === 'chaos') {
      // Helper D's durability benchmark (src/cli/chaosCommand.ts); it parses its own flags.
      return await runChaos([...rest]);
    }
    const cmd = COMMANDS[first];
    if (!cmd) {
      const what = first.startsWith('-') ? `unknown flag "${first}"` : `unknown command "${first}"`;
      throw new UsageError(`${what}; commands: ${Object.keys(COMMANDS).join(', ')}, chaos (strata --help)`);
    }
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`strata: ${e.message}\n`);
      return 2;
    }
    io.err(`strata: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

// Run when executed directly (dist/cli.js or tsx src/cli/main.ts), not when imported by tests.
if (require.main === module) {
  // A reader that goes away (`strata plan --jsonl | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdin: process.stdin,
    drained: () => new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
