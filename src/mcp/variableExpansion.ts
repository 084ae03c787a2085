/**
 * Expansion of `${…}` variables in server definitions:
 * `${workspaceFolder}`, `${workspaceFolderBasename}`, `${userHome}`, `${pathSeparator}` / `${/}`,
 * `${env:NAME}`, `${NAME}`, `${NAME:-default}` (the `.mcp.json` / shell style) and `${input:id}`.
 * Inputs are resolved beforehand (they may prompt) and passed in as a map.
 */

/** What variables resolve against. */
export interface ExpansionContext {
  readonly workspaceFolder?: string;
  readonly userHome: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly pathSeparator: string;
  /** Resolved `${input:id}` values. */
  readonly inputs: ReadonlyMap<string, string>;
}

/** Result of expanding one string: the text plus the variables that could not be resolved. */
export interface Expansion {
  readonly value: string;
  readonly unresolved: readonly string[];
}

const VARIABLE = /\$\{([^}]+)\}/g;

/** The `${input:id}` ids a string refers to. */
export function inputIdsIn(text: string): string[] {
  return [...text.matchAll(/\$\{input:([^}]+)\}/g)].map((m) => m[1]!.trim());
}

/** Expands every variable in `text`; unknown ones become '' and are listed in `unresolved`. */
export function expandVariables(text: string, ctx: ExpansionContext): Expansion {
  const unresolved: string[] = [];
  const value = text.replace(VARIABLE, (whole, inner: string) => {
    const name = inner.trim();
    const resolved = resolveOne(name, ctx);
    if (resolved === undefined) {
      unresolved.push(whole);
      return '';
    }
    return resolved;
  });
  return { value, unresolved };
}

function resolveOne(name: string, ctx: ExpansionContext): string | undefined {
  switch (name) {
    case 'workspaceFolder':
      return ctx.workspaceFolder;
    case 'workspaceFolderBasename':
      return ctx.workspaceFolder?.split(/[\\/]/).filter(Boolean).pop();
    case 'userHome':
      return ctx.userHome;
    case 'pathSeparator':
    case '/':
      return ctx.pathSeparator;
  }
  if (name.startsWith('env:')) return ctx.env[name.slice(4)] ?? '';
  if (name.startsWith('input:')) return ctx.inputs.get(name.slice(6).trim());
  const withDefault = /^([A-Za-z_][A-Za-z0-9_]*):-(.*)$/s.exec(name);
  if (withDefault) {
    const v = ctx.env[withDefault[1]!];
    return v !== undefined && v !== '' ? v : withDefault[2]!;
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return ctx.env[name];
  return undefined;
}

/**
 * Parses a dotenv file: `KEY=VALUE` lines, optional `export `, `#` comments, single or double
 * quotes (double quotes understand `\n`). Malformed lines are returned by number.
 */
export function parseEnvFile(text: string): { readonly values: Record<string, string>; readonly badLines: readonly number[] } {
  const values: Record<string, string> = {};
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) {
      badLines.push(index + 1);
      return;
    }
    let v = m[2]!;
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\n/g, '\n').replace(/\\"/g, '"');
    else if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    values[m[1]!] = v;
  });
  return { values, badLines };
}
