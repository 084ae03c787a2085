/**
 * Secret redaction for everything Strata writes to logs (output channels, journal excerpts shown
 * in the UI). Pure and vscode-free so it is unit-tested in plain Node.
 *
 * Three sources of secrets are covered:
 * 1. values the user typed for `${input:…}` prompts and values of env entries whose key looks
 *    secret (registered with {@link Redactor.addSecret} / {@link Redactor.addEnv});
 * 2. `Authorization`/`Proxy-Authorization`/`X-Api-Key`-style headers and `Bearer …` tokens;
 * 3. `KEY=value` / `"key": "value"` pairs whose key looks secret (TOKEN, KEY, SECRET, PASSWORD…).
 */

/** Keys whose values are secrets: `GITHUB_TOKEN`, `apiKey`, `client_secret`, `DB_PASSWORD`, `auth`… */
export const SECRET_KEY_PATTERN = /(token|secret|passw(or)?d|pwd|api[-_]?key|private[-_]?key|access[-_]?key|credential|auth(orization)?|cookie|session[-_]?id)/i;

/** The text that replaces a secret. */
export const REDACTED = '«redacted»';

/** Values shorter than this are not redacted by value (too many false hits on words like "on"). */
const MIN_SECRET_LENGTH = 4;

/** True when an env var / header / JSON key names a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Keeps known secret values and redacts them, plus secret-looking key/value pairs, from text. */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a value that must never be logged (e.g. a resolved `${input:…}`). */
  addSecret(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.add(value);
    this.pattern = undefined;
  }

  /** Registers the values of env entries whose keys look secret. */
  addEnv(env: Readonly<Record<string, string | undefined>> | undefined): void {
    if (!env) return;
    for (const [k, v] of Object.entries(env)) if (isSecretKey(k)) this.addSecret(v);
  }

  /** Registers the values of secret-looking HTTP headers. */
  addHeaders(headers: Readonly<Record<string, string | undefined>> | undefined): void {
    if (!headers) return;
    for (const [k, v] of Object.entries(headers)) {
      if (!isSecretKey(k) || !v) continue;
      this.addSecret(v);
      // "Bearer abc" — the token alone may also be logged.
      const m = /^\s*\S+\s+(\S{4,})\s*$/.exec(v);
      if (m) this.addSecret(m[1]);
    }
  }

  /** Number of registered secret values. */
  get size(): number {
    return this.secrets.size;
  }

  /** Returns `text` with every registered secret and secret-looking pair replaced. */
  redact(text: string): string {
    let out = text;
    if (this.secrets.size > 0) {
      // Longest first so a secret containing another is replaced whole.
      this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
      out = out.replace(this.pattern, REDACTED);
    }
    return redactPatterns(out);
  }
}

/**
 * Redacts secret-looking structures without knowing the values:
 * `Authorization: Bearer x`, `Bearer x`, `KEY=value`, `"apiKey": "value"`, `token: value`,
 * and credentials in URLs (`https://user:pass@host`).
 */
export function redactPatterns(text: string): string {
  return (
    text
      // Header lines: Authorization: <scheme> <credentials>
      .replace(/\b((?:proxy-)?authorization|x-api-key|api-key|cookie|set-cookie)(\s*[:=]\s*)("?)([^"\r\n,}]+)/gi, (_m, k: string, sep: string, q: string) => `${k}${sep}${q}${REDACTED}`)
      // Bare bearer / basic tokens anywhere.
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g, (_m, s: string) => `${s} ${REDACTED}`)
      // JSON-style "key": "value"
      .replace(/("([A-Za-z0-9_.-]*)"\s*:\s*")((?:[^"\\]|\\.)*)(")/g, (m, pre: string, key: string, _v: string, post: string) =>
        isSecretKey(key) && !/^\$\{input:/.test(_v) ? `${pre}${REDACTED}${post}` : m,
      )
      // KEY=value and key: value (env dumps, CLI args like --token=x)
      .replace(/(^|[\s,;{(\[-])([A-Za-z_][A-Za-z0-9_.-]*)(\s*[=:]\s*)(?!["{\[]|«)([^\s,;}\])]+)/g, (m, lead: string, key: string, sep: string, value: string) =>
        isSecretKey(key) && !/^\$\{input:/.test(value) ? `${lead}${key}${sep}${REDACTED}` : m,
      )
      // URL credentials
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/\s:@]+):([^/\s@]+)@/gi, (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`)
  );
}
