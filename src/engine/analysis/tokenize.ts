/**
 * One-pass tokeniser for task texts: lowercase word tokens with light stemming and their
 * character spans. The same function normalises lexicon phrases at module load, so a phrase
 * and a text match exactly when their stemmed token sequences are equal.
 */

/**
 * Facts about one lowercase word form, interned: every token of that form in every text shares
 * one object, so the lowercase and stemmed strings are made (and hashed by the lexicon maps) once
 * per distinct word instead of once per token — the analyzer's hot path was those map lookups.
 */
export interface WordForm {
  readonly lower: string;
  readonly stem: string;
  /** Level-one nodes of the lexicon tries (`WordTrie` node ids, 0: none; -1: not looked up yet). */
  stemRoot: number;
  lowerRoot: number;
  /** The analyzer's word-class bits for this stem (-1: not computed yet). */
  classes: number;
  /** Continuation ids of the stem and of the lowercase form in the lexicon tries (`WordTrie.contId`; 0: continues no phrase; -1: not looked up yet). */
  stemCont: number;
  lowerCont: number;
  /**
   * This word's rows in the shipped learned complexity check (routing/complexityModel.ts), looked up once
   * per word form: as a content word (`NOT_LOOKED_UP`, `NOT_CONTENT`, -1: no weight, else the row), as the
   * first word (-1: none), and the pairs it opens, by the second word's stem (null: none).
   */
  cxWord: number;
  cxFirst: number;
  cxPairs: ReadonlyMap<string, number> | null;
  /**
   * The first 12 lowercase characters packed 7 bits each, 4 per number (see `PACKED_MAX`): with the
   * length, an exact identity the tokenizer compares instead of re-reading the word's characters.
   */
  readonly pack0: number;
  readonly pack1: number;
  readonly pack2: number;
  /** `lower.length`, kept beside the packs so the identity test reads one object, not the string too. */
  readonly len: number;
  /** The intern-table key of this word (see `formOf`): the table holds forms only, no parallel key array. */
  readonly hash: number;
}

/** `WordForm.cxWord` before the form has been looked up in the learned complexity check. */
export const NOT_LOOKED_UP = -2;
/** `WordForm.cxWord` of a word that is no content word (a function word, a single letter, a number). */
export const NOT_CONTENT = -3;

/** A token of the task text. */
export class Token {
  constructor(
    /** The whole task text (for `raw`). */
    private readonly text: string,
    /** The interned word form (shared by all tokens spelled the same up to case). */
    readonly form: WordForm,
    readonly start: number,
    readonly end: number,
    /** True when a sentence/clause boundary (. ; : ! ? newline, comma) precedes this token. */
    readonly clauseStart: boolean,
  ) {}
  // Read through the form rather than copied: a smaller token object (texts make ~1 per word).
  /** Stemmed lowercase form used for lookups. */
  get stem(): string {
    return this.form.stem;
  }
  /** Lowercase surface form (unstemmed). */
  get lower(): string {
    return this.form.lower;
  }
  /** The token as written (original case); sliced on demand, as only exact-case lexicon entries read it. */
  get raw(): string {
    return this.text.slice(this.start, this.end);
  }
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Runtimes with names under six letters that are written with their version glued on ("php8.3", "node20", "java17"). */
const SHORT_RUNTIMES: ReadonlySet<string> = new Set(['php', 'node', 'java', 'jdk', 'ruby', 'perl']);

/** Where the trailing digits of an all-letters-then-digits word start (0 when it is not so shaped). */
function versionSuffixStart(w: string): number {
  let k = w.length;
  while (k > 0 && w.charCodeAt(k - 1) >= 48 && w.charCodeAt(k - 1) <= 57) k--;
  if (k === w.length) return 0;
  for (let j = 0; j < k; j++) {
    const c = w.charCodeAt(j);
    if (c < 97 || c > 122) return 0;
  }
  return k;
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
  // Plurals of acronyms the suffix rules miss ("APIs" ends in "is", "VMs" is too short to strip).
  const acronym = ACRONYM_PLURALS.get(w);
  if (acronym !== undefined) return acronym;
  if (w.length <= 3) return w;
  if (hasDigit(w)) {
    // A name with its major version glued on ("postgresql13", "Python3", "ubuntu22") is that name; shorter
    // prefixes stay whole, as they are names of their own ("route53", "oauth2", "base64", "ipv6").
    const cut = versionSuffixStart(w);
    return cut >= 6 || (cut > 0 && SHORT_RUNTIMES.has(w.slice(0, cut))) ? stem(w.slice(0, cut)) : w;
  }
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 5 && w.endsWith('ing') && hasVowel(w, w.length - 3)) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && hasVowel(w, w.length - 2)) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const ACRONYM_PLURALS: ReadonlyMap<string, string> = new Map([['apis', 'api'], ['uis', 'ui'], ['guis', 'gui'], ['clis', 'cli'], ['uris', 'uri'], ['vms', 'vm'], ['dbs', 'db'], ['prs', 'pr'], ['sdks', 'sdk'], ['jwts', 'jwt']]);

function undouble(w: string): string {
  const n = w.length;
  // (Not down to two letters: "added" and "adding" stem to "add", as "add" does.)
  if (n >= 4 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

// The scanner reads the text as bytes, one per UTF-16 code unit, from a reused buffer (`unitsOf`):
// a typed-array read per character instead of `charCodeAt`, which re-checks the string's
// representation on every call (the character loop took half the time this way).
/** Class bit of a byte: a clause boundary (. ; : ! ? newline , ( ) [ ]; em/en dashes are mapped to ';'). */
const CH_BOUNDARY = 1;
/** Class bit of a byte: starts a word (ASCII letter or digit: words are ASCII runs, as catalogue names and area words are). */
const CH_START = 2;
const CHAR_CLASS = new Uint8Array(256);
/** Per byte: its lowercase if it is a word character (letters, digits, '+', '#' for C++ and C#, apostrophes), else 0. */
const WORD_LOWER = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (alnum) CHAR_CLASS[c] = CH_START;
  else if ('.;:!?\n,()[]'.includes(String.fromCharCode(c))) CHAR_CLASS[c] = CH_BOUNDARY;
  if (alnum || c === 43 || c === 35 || c === 39) WORD_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
}
/** The byte standing for a non-ASCII code unit: neither a word character nor a boundary. */
const NON_ASCII = 0x80;
/** The byte standing for an em or en dash (a boundary). */
const DASH = 59; // ';'

let unitBuf = Buffer.allocUnsafe(1024);
let units = new Uint8Array(unitBuf.buffer, unitBuf.byteOffset, unitBuf.length);

/**
 * The code units of `text` as bytes (valid until the next call): ASCII as itself, an em or en dash
 * as DASH, any other non-ASCII unit as NON_ASCII. Indexes are the text's (one byte per unit).
 */
function unitsOf(text: string): Uint8Array {
  const len = text.length;
  if (unitBuf.length < len) {
    unitBuf = Buffer.allocUnsafe(Math.max(len, 2 * unitBuf.length));
    units = new Uint8Array(unitBuf.buffer, unitBuf.byteOffset, unitBuf.length);
  }
  // Native copies: latin1 writes each unit's low byte. The UTF-8 length equals the unit count
  // exactly when every unit is ASCII; otherwise the non-ASCII units are re-read and replaced.
  unitBuf.write(text, 0, len, 'latin1');
  if (Buffer.byteLength(text, 'utf8') !== len) {
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) units[i] = c === 0x2014 || c === 0x2013 ? DASH : NON_ASCII;
    }
  }
  return units;
}

// Interned word forms keyed by a hash of the lowercase characters (computed from the scanner's
// packs, so known words need no new string). Bounded: past the limit, new forms are made per token
// as before. An open-addressing table (linear probing) rather than a Map: the lookup runs once per
// token and was the tokenizer's hottest line in a CPU profile of the plan loop (~0.5 µs per 60-word
// plan saved). The key is read from the form itself (`WordForm.hash`): a parallel key array cost a
// second cache miss per token for a value the form's own cache line holds.
// The table starts small and doubles when it is two-thirds full, up to 32,768 slots for at most
// 20,000 forms, so probes stay short and a free slot always exists (a probe ends). Starting small
// keeps the slots of a working vocabulary of a few hundred words in a few KB of cache instead of
// spreading them over 128 KB.
const MAX_FORMS = 20_000;
const MAX_SLOTS = 1 << 15;
let slotMask = (1 << 10) - 1;
let slotForm: (WordForm | undefined)[] = new Array<WordForm | undefined>(slotMask + 1).fill(undefined);
let formCount = 0;

/** The slot holding the form of hash `h`, or the empty slot where it would go. */
function slotOf(h: number): number {
  const table = slotForm;
  const mask = slotMask;
  let s = h & mask;
  for (let f = table[s]; f !== undefined && f.hash !== h; f = table[s]) s = (s + 1) & mask;
  return s;
}

/** Interns `form` in the empty slot `slot`, doubling the table first when it is two-thirds full. */
function intern(form: WordForm, slot: number): void {
  if (3 * (formCount + 1) > 2 * (slotMask + 1) && slotMask + 1 < MAX_SLOTS) {
    const old = slotForm;
    slotMask = 2 * slotMask + 1;
    slotForm = new Array<WordForm | undefined>(slotMask + 1).fill(undefined);
    // Re-inserted in old slot order: a form whose hash another form already holds (never, as a
    // collision is not interned) would keep the first.
    for (const f of old) if (f !== undefined) slotForm[slotOf(f.hash)] = f;
    slot = slotOf(form.hash);
  }
  slotForm[slot] = form;
  formCount++;
}

/**
 * The intern key of a word of `len` characters whose packs are p0..p2 (words of at most PACKED_MAX
 * characters): the packs mixed by multiplication, then the high half folded into the low bits the
 * table indexes by, so they depend on every character. (One round, not murmur3's full finaliser:
 * the key sits on every token's path, and the packs are already spread over 28 bits each.)
 */
function packHash(p0: number, p1: number, p2: number, len: number): number {
  const h = Math.imul(p0 ^ Math.imul(p1 ^ len, 0x85ebca6b) ^ Math.imul(p2, 0xc2b2ae35), 0x9e3779b1);
  return h ^ (h >>> 15);
}

function sameLower(lower: string, text: string, start: number, end: number): boolean {
  if (lower.length !== end - start) return false;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    if (lower.charCodeAt(k - start) !== c) return false;
  }
  return true;
}

/**
 * Words up to this length are matched to their interned form by packed characters (`WordForm.pack0..2`)
 * rather than by `sameLower`: re-reading every word's characters was a third of the tokenizer's time.
 * Word characters are all below 128 (a–z, 0–9, + # '), so 7 bits hold one exactly, and 4 fit in a
 * small integer (28 bits): equal length and equal packs mean equal words.
 */
const PACKED_MAX = 12;

/** Pack `k` (0, 1, 2) of `lower`: its characters 4k..4k+3, 7 bits each (the scanner builds the same inline). */
function packOf(lower: string, k: number): number {
  let p = 0;
  for (let j = 4 * k; j < Math.min(lower.length, 4 * k + 4); j++) p = (p << 7) | lower.charCodeAt(j);
  return p;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of the lowercase characters of text[start, end) (the intern key of words too long to pack). */
function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The interned form of text[start, end) (an ASCII word run, so lowercasing is A–Z → a–z), given
 * its packs (valid when `packed`: the word is at most PACKED_MAX long and the packs were built over
 * exactly it). The intern key comes from the packs, or for longer words from an FNV-1a pass over
 * the characters.
 */
function formOf(text: string, start: number, end: number, packed: boolean, p0: number, p1: number, p2: number): WordForm {
  const len = end - start;
  const h = (packed ? packHash(p0, p1, p2, len) : hashRange(text, start, end)) & 0x3fffffff; // a small integer key (no boxed number)
  const slot = slotOf(h);
  const known = slotForm[slot];
  if (known !== undefined) {
    const same = packed
      ? known.len === len && known.pack0 === p0 && known.pack1 === p1 && known.pack2 === p2
      : sameLower(known.lower, text, start, end);
    if (same) return known;
  }
  return newForm(text, start, end, h, slot, known === undefined);
}

/** A new form for text[start, end) with key `h`, interned in `slot` when that slot is free (`free`). Kept out of `formOf` so its hot path stays small enough to inline. */
function newForm(text: string, start: number, end: number, h: number, slot: number, free: boolean): WordForm {
  const len = end - start;
  const lower = text.slice(start, end).toLowerCase();
  const form: WordForm = {
    lower,
    stem: stem(lower),
    stemRoot: -1,
    lowerRoot: -1,
    classes: -1,
    stemCont: -1,
    lowerCont: -1,
    cxWord: NOT_LOOKED_UP,
    cxFirst: -1,
    cxPairs: null,
    pack0: packOf(lower, 0),
    pack1: packOf(lower, 1),
    pack2: packOf(lower, 2),
    len,
    hash: h,
  };
  // A hash collision keeps the first form; the other is simply not interned. Numbers are not
  // interned either: they are an open vocabulary (ids, versions, counts) the table would fill with.
  if (free && !allDigits(text, start, end) && formCount < MAX_FORMS) intern(form, slot);
  return form;
}

/** Tokenises a text in one pass (a hand-written scanner: no regex, no substring per known word). */
export function tokenize(text: string): readonly Token[] {
  return scan(text, false);
}

// The analyzer's tokens: one array and one set of Token objects, overwritten by each call. A
// 60-word text makes 65 tokens (~4.5 KB with their array): allocated per plan, they were the
// largest single share of the young-generation garbage whose collections land in the latency tail.
const SCRATCH: Token[] = [];
/** The text the scratch tokens are of (only `tokenizeScratch` writes them). */
let scratchText: string | undefined;

/**
 * Like {@link tokenize}, but the array and its tokens are reused by the next call: valid only
 * until then. For the analyzer's synchronous pass (nothing it returns refers to a token); every
 * other caller uses `tokenize`.
 */
export function tokenizeScratch(text: string): readonly Token[] {
  // Unset while scanning, so a scan that throws half-way leaves no stale claim.
  scratchText = undefined;
  const out = scan(text, true);
  scratchText = text;
  return out;
}

/**
 * The scratch tokens of `text`: those of the last {@link tokenizeScratch} call when it scanned the same
 * text (routing reads the words of the text the analyzer has just scanned, for the learned complexity
 * check, without scanning it twice), else a new scan into the scratch. Valid as long as scratch tokens are.
 */
export function scratchTokensOf(text: string): readonly Token[] {
  return text === scratchText ? SCRATCH : tokenizeScratch(text);
}

type WritableToken = { -readonly [K in 'form' | 'start' | 'end' | 'clauseStart']: Token[K] } & { text: string };

function scan(text: string, reuse: boolean): readonly Token[] {
  const out: Token[] = reuse ? SCRATCH : [];
  let n = 0;
  const len = text.length;
  let last = 0;
  let i = 0;
  // Whether a clause boundary stood among the characters skipped since the last word (read once,
  // here, rather than re-read by a second loop over the gap).
  let boundary = false;
  const u = unitsOf(text);
  while (i < len) {
    const c0 = u[i]!;
    const cls = CHAR_CLASS[c0]!;
    if (cls !== CH_START) {
      if (cls === CH_BOUNDARY) boundary = true;
      i++;
      continue;
    }
    const start = i;
    // Word characters: letters, digits, '+', '#' (C++, C#) and inner apostrophes. The packs of the
    // first PACKED_MAX characters (see `packOf`), from which the intern key is made, are built in
    // the same pass.
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let c = WORD_LOWER[c0]!; // a letter or digit: never 0
    for (;;) {
      const k = i - start;
      if (k < 4) p0 = (p0 << 7) | c;
      else if (k < 8) p1 = (p1 << 7) | c;
      else if (k < PACKED_MAX) p2 = (p2 << 7) | c;
      if (++i >= len || (c = WORD_LOWER[u[i]!]!) === 0) break;
    }
    let end = i;
    // Trailing apostrophes ("users'") are not part of the word (the packs, built over the apostrophes
    // too, are then not used: see `packed`).
    while (end > start + 1 && u[end - 1] === 39) end--;
    const packed = end === i && end - start <= PACKED_MAX;
    // A '.' or '/' alone between two words (node.js, ci/cd) is not a boundary. (The gap is
    // text[last, start): trailing apostrophes, never boundaries, then the skipped characters.)
    const clauseStart = n === 0 || (boundary && !(start - last === 1 && (u[last] === 46 || u[last] === 47)));
    boundary = false;
    const form = formOf(text, start, end, packed, p0, p1, p2);
    if (n < out.length) {
      // A scratch token from an earlier call: overwrite it (the one place tokens are written).
      const t = out[n] as unknown as WritableToken;
      t.text = text;
      t.form = form;
      t.start = start;
      t.end = end;
      t.clauseStart = clauseStart;
    } else out.push(new Token(text, form, start, end, clauseStart));
    n++;
    last = end;
  }
  // Drop what a longer earlier text left in the scratch array (a fresh array has exactly n).
  if (out.length > n) out.length = n;
  return out;
}

/** Normalises a lexicon phrase to its lookup key (stemmed tokens joined by one space). */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.stem)
    .join(' ');
}
