/**
 * A small, strict command-line parser: every flag must be declared, so a typo is an error that
 * names the flag instead of being silently ignored.
 */

/** Declares one flag: a boolean switch or a flag that takes a value. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: 'boolean' | 'string';
  /** One-letter alias, e.g. `h` for `--help`. */
  readonly short?: string;
}

/** Parsed command line of one subcommand. */
export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly positionals: readonly string[];
}

/** A usage error: the message names what is wrong; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv` against `specs`. Supports `--flag value`, `--flag=value`, `-x`, and `--` to end flags. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const rawName = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = rawName.startsWith('--') ? specs.find((s) => s.name === rawName.slice(2)) : specs.find((s) => s.short !== undefined && s.short === rawName.slice(1));
    if (!spec) {
      const known = specs.map((s) => `--${s.name}`).join(', ');
      throw new UsageError(`unknown flag "${rawName}" for "${command}"${known ? ` (flags: ${known})` : ''}`);
    }
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`flag --${spec.name} takes no value`);
      flags.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`flag --${spec.name} needs a value`);
    flags.set(spec.name, value);
  }
  return { flags, positionals };
}

/** A string flag's value, if given. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Parses a positive integer flag, or returns `fallback`. */
export function intFlag(args: ParsedArgs, name: string, fallback: number, min = 1): number {
  const v = stringFlag(args, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`flag --${name} needs an integer ≥ ${min}, got "${v}"`);
  return Number(v);
}
