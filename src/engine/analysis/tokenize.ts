/**
 * One-pass tokeniser for task texts: lowercase word tokens with light stemming and their
 * character spans. The same function normalises lexicon phrases at module load, so a phrase
 * and a text match exactly when their stemmed token sequences are equal.
 */

/** A token of the task text. */
export interface Token {
  /** Stemmed lowercase form used for lookups. */
  readonly stem: string;
  /** Lowercase surface form (unstemmed). */
  readonly lower: string;
  /** The token as written (original case). */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** True when a sentence/clause boundary (. ; : ! ? newline, comma) precedes this token. */
  readonly clauseStart: boolean;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = w.charCodeAt(i);
    // a e i o u y
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) return true;
  }
  return false;
}

/**
 * Light suffix stripping (plural, -ing, -ed, final -e), applied identically to lexicon and text.
 * Not linguistically exact; consistency is what makes matching work ("scaling", "scales",
 * "scaled" and "scale" all become "scal").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || hasDigit(w)) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 5 && w.endsWith('ing') && hasVowel(w, w.length - 3)) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && hasVowel(w, w.length - 2)) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

const BOUNDARY_CHARS: ReadonlySet<number> = new Set([...'.;:!?\n,()[]—–'].map((c) => c.charCodeAt(0)));

/** ASCII letter or digit (word start); words are ASCII runs, as catalogue names and area words are. */
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Tokenises a text in one pass (a hand-written scanner: no regex, one substring per token). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const len = text.length;
  let last = 0;
  let i = 0;
  while (i < len) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i++;
    // Word characters continue with letters, digits, '+', '#' (C++, C#) and inner apostrophes.
    while (i < len) {
      const c = text.charCodeAt(i);
      if (isAlnum(c) || c === 43 || c === 35 || c === 39) i++;
      else break;
    }
    let end = i;
    while (end > start + 1 && text.charCodeAt(end - 1) === 39) end--;
    const raw = text.slice(start, end);
    // A '.' or '/' alone between two words (node.js, ci/cd) is not a boundary.
    let clauseStart = out.length === 0;
    if (!clauseStart && !(start - last === 1 && (text.charCodeAt(last) === 46 || text.charCodeAt(last) === 47))) {
      for (let k = last; k < start; k++) {
        if (BOUNDARY_CHARS.has(text.charCodeAt(k))) { clauseStart = true; break; }
      }
    }
    const lower = raw.toLowerCase();
    out.push({ stem: stem(lower), lower, raw, start, end, clauseStart });
    last = end;
  }
  return out;
}

/** Normalises a lexicon phrase to its lookup key (stemmed tokens joined by one space). */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.stem)
    .join(' ');
}
