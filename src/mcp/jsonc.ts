/**
 * JSON with comments (`//`, `/* *\/`) and trailing commas, as VS Code's mcp.json allows. Comments
 * and trailing commas are blanked out with spaces (newlines kept), so every offset of the cleaned
 * text equals the original one and a JSON.parse error position maps to the right line:column.
 */

/** A syntax error with 1-based position. */
export interface JsoncError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Parsed value, or the first syntax error. */
export type JsoncResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: JsoncError };

/** Replaces comments and trailing commas by spaces; reports an unterminated block comment/string. */
export function stripJsonc(text: string): { readonly text: string; readonly error?: { message: string; offset: number } } {
  const out = text.split('');
  let i = 0;
  let lastSignificant = -1; // index of the last non-space char outside comments
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') return { text: out.join(''), error: { message: 'unterminated string', offset: start } };
        i++;
      }
      if (i >= text.length) return { text: out.join(''), error: { message: 'unterminated string', offset: start } };
      lastSignificant = i;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return { text: out.join(''), error: { message: 'unterminated block comment', offset: i } };
      blank(i, end + 2);
      i = end + 2;
      continue;
    }
    if ((c === '}' || c === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') {
      out[lastSignificant] = ' ';
    }
    if (!/\s/.test(c)) lastSignificant = i;
    i++;
  }
  return { text: out.join('') };
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < Math.min(offset, text.length); k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSONC; a BOM is ignored. Errors carry line:column. */
export function parseJsonc(input: string): JsoncResult {
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  const stripped = stripJsonc(text);
  const fail = (message: string, offset: number): JsoncResult => ({ ok: false, error: { message, offset, ...positionOf(text, offset) } });
  if (stripped.error) return fail(stripped.error.message, stripped.error.offset);
  if (stripped.text.trim() === '') return fail('empty file', 0);
  try {
    return { ok: true, value: JSON.parse(stripped.text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /at position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : /end of JSON input/i.test(message) ? text.length : 0;
    return fail(message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), offset);
  }
}
