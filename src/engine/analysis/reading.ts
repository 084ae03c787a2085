/**
 * What the analysis passes share: the per-analysis `Reading` (tokens, hits by kind, negation), `Hit` and evidence
 * helpers, the cue and area indexes, and the predicates over tokens that more than one pass asks (the title, the
 * purpose clause, verbs, names, sentences). Word classes are in `wordClasses.ts`.
 */
import {
  AREA_IDS, type AreaFinding, type AreaId, type ConcernFinding, type Evidence, type ScopeSignal, type ScopeSignalKind,
} from './analysisTypes';
import { CUE_KINDS } from './cueVocabulary';
import { EXACT_CASE_NAMES, type Sense } from './lexicon';
import { stem, type Token } from './tokenize';
import { C_ANY_VERB, C_NOUN_TOO, C_PURPOSE, PURPOSE_VERBS, wordClasses } from './wordClasses';

/**
 * One lexicon hit: token range, the sense it carries, and its evidence (built on first use: most
 * hits are never cited). Hit objects are reused by the next analysis (see `findHits`), so `set`
 * is their constructor; nothing an analysis returns refers to a hit. The tokens and text a hit
 * indexes are the current analysis's (`hitTokens`, `hitText`): every hit of an analysis shares
 * them, so they are set once per analysis rather than stored in each hit.
 */
export class Hit {
  private evCache: Evidence | undefined = undefined;
  i = 0;
  n = 0;
  sense!: Sense;
  set(i: number, n: number, sense: Sense): this {
    this.evCache = undefined;
    this.i = i;
    this.n = n;
    this.sense = sense;
    return this;
  }
  /** Weight of the hit's evidence: its sense's (an area phrase's weight; 1 for cues, concerns and exact-case names). */
  get weight(): number {
    return this.sense.weight;
  }
  get ev(): Evidence {
    return (this.evCache ??= ev(hitTokens, hitText, this.i, this.n, this.sense.rule, this.sense.weight));
  }
}

/** L2/L3 areas that are L2 (ROUTING §3). */
export const L2_AREAS: ReadonlySet<AreaId> = new Set<AreaId>(['CI/CD', 'infrastructure/cloud', 'security', 'data pipelines']);
/** Cloud provider names that may name a managed cluster's provider ("AWS EKS", "Azure AKS"). */
export const CLOUD_PROVIDERS = /^(aws|amazon|azure|microsoft|gcp|google|alibaba|digitalocean)$/;
// (Infrastructure too: "an S3 bucket for the staging frontend", "Terraform for RDS" build the resource.)
const SUBJECT_HEADS: ReadonlySet<AreaId> = new Set<AreaId>(['testing', 'observability', 'containers/kubernetes', 'CI/CD', 'security', 'infrastructure/cloud']);
// SUBJECT_HEADS and L2_AREAS as bits per area index (a hit's sense carries its area's index).
export const A_SUBJECT_HEAD = 1;
export const A_L2 = 2;
export const AREA_BITS = Uint8Array.from(AREA_IDS, (a) => (SUBJECT_HEADS.has(a) ? A_SUBJECT_HEAD : 0) | (L2_AREAS.has(a) ? A_L2 : 0));
/** Index of CI/CD in AREA_IDS (the release-automation rule of areaReading.ts promotes its weak words). */
export const AX_CICD = AREA_IDS.indexOf('CI/CD');
export const AX_K8S = AREA_IDS.indexOf('containers/kubernetes');
export const AX_INFRA = AREA_IDS.indexOf('infrastructure/cloud');
export const AX_DATABASE = AREA_IDS.indexOf('database');
export const AX_DATA = AREA_IDS.indexOf('data pipelines');
export const AX_TESTING = AREA_IDS.indexOf('testing');
export const AX_SECURITY = AREA_IDS.indexOf('security');
/** Key-value stores that serve as a job broker or a cache as often as a database. */
export const KEY_VALUE_STORES = new Set(['redis', 'valkey', 'keydb', 'dragonflydb']);
/** Search engines: backend by default, a data store when operated as one (see readAreas). */
export const SEARCH_ENGINES = new Set(['elasticsearch', 'opensearch', 'solr', 'meilisearch', 'typesense']);
export const AX_BACKEND = AREA_IDS.indexOf('backend');
/** Words that open a subordinate clause or purpose: what follows is not the built object ("alerting to know when pipelines are down"). */
export const SUBORDINATORS = new Set(['to', 'when', 'so', 'that', 'because', 'if', 'which', 'while', 'whenever', 'where',
  // the built object's noun phrase ends at a preposition ("dashboard for the history service")
  'for', 'of', 'on', 'in', 'with', 'from', 'into', 'via', 'using', 'across', 'at']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'this', 'that', 'their', 'my', 'your', 'its', 'each', 'every']);
const REPLACE_STEMS = new Set(['replac', 'swap']);
export const TEST_SUBJECT_PREPS = new Set(['for', 'of', 'on', 'in', 'covering', 'around', 'about', 'that', 'which']);
export const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']);
/** Modals of what a purpose clause enables ("so QA can reproduce it"), not of obligation. */
const ENABLING_MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might']);
/** Conjunctions opening a temporal clause ("when deploying the site"). */
export const TEMPORAL_CONJUNCTIONS: ReadonlySet<string> = new Set(['when', 'while', 'after', 'before', 'during', 'whenever', 'until', 'once']);
/**
 * Whether text[start, end) is only part of a host name ("test" in "test.pypi.org", "gitlab" in
 * "gitlab.com") or of a code path ("Api" in "Api::V1::PlantsController#index"): a place is named,
 * not the area's work. Dotted names that match whole ("node.js",
 * "socket.io") are kept.
 */
export function insideIdentifier(text: string, start: number, end: number): boolean {
  // (Character codes, not one-character strings: this runs for every area hit.)
  const after = text.charCodeAt(end); // NaN past the end
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // A code path ("Api::V1::PlantsController#index") names where, like a host name.
  if ((after === 58 && text.charCodeAt(end + 1) === 58) || (before === 58 && start > 1 && text.charCodeAt(start - 2) === 58)) return true; // "::"
  if (after === 35 && /\w/.test(text[end + 1] ?? '')) return true; // "#index"
  // A snake_case name ("TMDB_API_KEY", "next_webapp") is one identifier: a variable, a folder.
  if ((after === 95 && /[A-Za-z0-9]/.test(text[end + 1] ?? '')) || (before === 95 && start > 1 && /[A-Za-z0-9]/.test(text[start - 2]!))) return true;
  if (after !== 46 && before !== 46) return false; // no "." beside the word
  // A dotted name with an underscore in it is code ("orders.created_at"), not a product ("Node.js").
  if (after === 46 && /^[A-Za-z0-9]*_/.test(text.slice(end + 1, end + 40))) return true;
  if (before === 46 && /_[A-Za-z0-9]*$/.test(text.slice(Math.max(0, start - 40), start - 1))) return true;
  let a = start;
  let b = end;
  while (a > 0 && HOST_CHAR.test(text[a - 1]!)) a--;
  while (b < text.length && HOST_CHAR.test(text[b]!)) b++;
  while (b > end && text[b - 1] === '.') b--; // a sentence's full stop is not part of the name
  return (a < start || b > end) && HOST_NAME.test(text.slice(a, b));
}
const HOST_CHAR = /[A-Za-z0-9.-]/;
const HOST_NAME = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|io|dev|gov|edu|co|app|cloud|ai|uk|de|eu|ca|au|us|info|sh)$/i;

/** Whether a token whose stem is in `stems` stands among the `n` tokens before token i, in i's clause. */
export function stemInClauseBefore(tokens: readonly Token[], i: number, n: number, stems: ReadonlySet<string>): boolean {
  for (let k = i - 1; k >= Math.max(0, i - n) && !tokens[k + 1]!.clauseStart; k--) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}
/** Whether a token whose stem is in `stems` stands among the `n` tokens after token i, in i's clause. */
export function stemInClauseAfter(tokens: readonly Token[], i: number, n: number, stems: ReadonlySet<string>): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + n + 1) && !tokens[k]!.clauseStart; k++) if (stems.has(tokens[k]!.stem)) return true;
  return false;
}
/** Whether some token's stem is in `stems`. */
export function stemIn(tokens: readonly Token[], stems: ReadonlySet<string>): boolean {
  for (const t of tokens) if (stems.has(t.stem)) return true;
  return false;
}

/** Whether a cue hit lies inside a longer area phrase ("plan" in "terraform plan", "design" in "design system"). */
export function insideAreaName(areaHits: readonly Hit[], h: { i: number; n: number }): boolean {
  for (const a of areaHits) if (a.n > h.n && a.i <= h.i && h.i + h.n <= a.i + a.n) return true;
  return false;
}

/** A verb cue's key in the verb sets: its stem, or both stems of a two-word verb ("set up", "stand up"). */
export function verbKey(tokens: readonly Token[], h: { i: number; n: number }): string {
  return h.n > 1 ? `${tokens[h.i]!.stem} ${tokens[h.i + 1]!.stem}` : tokens[h.i]!.stem;
}

/** Whether token i of a task reads as a verb (see ANY_VERB_STEMS, NOUN_TOO_STEMS). */
export function verbAt(tokens: readonly Token[], i: number): boolean {
  const c = wordClasses(tokens[i]!);
  if ((c & C_ANY_VERB) === 0) return false;
  if ((c & C_NOUN_TOO) === 0) return true;
  // A noun-or-verb word opens the title as a verb, unless "for"/"of" follows it: "Support for custom domains".
  const next = tokens[i + 1]?.lower;
  // (Nor when a comma follows it: "Monitoring, Logging, and Observability Stack" lists nouns. `hitText` is the
  // text under analysis, set by findHits before any reading runs.)
  // (A gerund is the activity itself: "Updating for GovCloud compatibility".)
  return i === 0 && ((next !== 'for' && next !== 'of') || tokens[i]!.lower.endsWith('ing')) && hitText.charCodeAt(tokens[i]!.end) !== 44 /* , */;
}

// Per-token scratch arrays, reused across calls: typed-array allocation is costly next to the rest
// of a ~60-token analysis, and analyzeTask is synchronous, so one set of buffers serves every call.
// Each use clears the first n entries it reads.
const scratch8: Uint8Array[] = [];
let scratch32 = new Uint32Array(64);
/**
 * Zeroed per-token flags (slots 0..5 are distinct buffers live at the same time). The slots in use, one per pass
 * that needs flags: SLOT_NEGATED 0 (analyzer.ts), SLOT_SUBJECT 1 and SLOT_AREA_AT 5 (areaReading.ts), SLOT_NAMED 2
 * (scopeReading.ts), SLOT_TECH_CLAUSE 4 (concernReading.ts).
 */
export function flags(slot: number, n: number): Uint8Array {
  let b = scratch8[slot];
  if (!b || b.length < n) {
    b = new Uint8Array(Math.max(64, n * 2));
    scratch8[slot] = b;
  } else b.fill(0, 0, n);
  return b;
}
export function clauseIndex(n: number): Uint32Array {
  if (scratch32.length < n) scratch32 = new Uint32Array(n * 2);
  return scratch32;
}
export const NO_HITS: readonly Hit[] = [];

/**
 * `list` with `item` appended, or a new list of `item`. A list started as `[item]` is exact-size,
 * while `[]` then push reserves 16 slots: most evidence lists keep one or two items, and the
 * area and concern lists live on in every cached plan.
 */
export function append<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}
// A schema migration's change and object ("migration to add the status column"). Stems.
const SCHEMA_CHANGE_VERBS = new Set(['add', 'remov', 'renam', 'drop', 'chang', 'alter', 'backfill', 'creat', 'mak']);
const SCHEMA_OBJECTS = new Set(['column', 'field', 'index', 'tabl', 'constraint', 'attribut', 'foreign', 'default']);
const SCHEMA_STEM = stem('schemas');
/** Verbs (stems) that run schema migrations already written. */
const RUN_MIGRATION_VERBS = new Set(['apply', 'run', 'execute', 'rerun'].map(stem));
// Prepositions that attach a policy or standard to the work as its yardstick ("with a retention policy").
export const QUALIFIER_PREPS = new Set(['with', 'per', 'under', 'following', 'according']);
/** The stem of "prepare" ("Prepare for the Hetzner migration" prepares; it carries nothing out). */
export const PREPARE_STEM = stem('prepare'); // indexed by clause number (clauses never outnumber tokens)

export function ev(tokens: readonly Token[], text: string, i: number, n: number, rule: string, weight: number): Evidence {
  const start = tokens[i]!.start;
  const end = tokens[i + n - 1]!.end;
  return { phrase: text.slice(start, end), start, end, rule, weight };
}

/**
 * `e` cited by another rule: the same phrase and span under `rule` (and `weight`). A literal with
 * the fields in `ev`'s order rather than `{ ...e, rule }`: spread copies got hidden classes of their
 * own, so every later read of evidence saw several shapes. The JSON key order is the same.
 */
export function cite(e: Evidence, rule: string, weight: number = e.weight): Evidence {
  return { phrase: e.phrase, start: e.start, end: e.end, rule, weight };
}

/** The hits of one cue kind (an index from the CX_ constants below), or none. */
export function hitsOf(r: { readonly cues: readonly (Hit[] | undefined)[] }, ix: number): readonly Hit[] {
  return r.cues[ix] ?? NO_HITS;
}
// Indexes of the cue kinds the rules read (constants rather than a keyed lookup per read).
export const CX_NEGATION = CUE_KINDS.indexOf('negation');
export const CX_IMPL_VERB = CUE_KINDS.indexOf('implVerb');
export const CX_DOCS_NOUN = CUE_KINDS.indexOf('docsNoun');
export const CX_STRATEGY_VERB = CUE_KINDS.indexOf('strategyVerb');
export const CX_STRATEGY_NOUN = CUE_KINDS.indexOf('strategyNoun');
export const CX_STRATEGY_ONLY = CUE_KINDS.indexOf('strategyOnly');
export const CX_CERTIFICATION = CUE_KINDS.indexOf('certification');
export const CX_MIGRATION_VERB = CUE_KINDS.indexOf('migrationVerb');
export const CX_HOSTING_OBJECT = CUE_KINDS.indexOf('hostingObject');
export const CX_MULTI_REGION = CUE_KINDS.indexOf('multiRegion');
export const CX_LIVE_VERB = CUE_KINDS.indexOf('liveVerb');
export const CX_CONTAINED = CUE_KINDS.indexOf('contained');

/** The evidence of each hit (a fresh exact-size array: evidence lists live on in cached plans). */
export function evidenceOf(hits: readonly Hit[]): Evidence[] {
  return hits.map(evOfHit);
}
const evOfHit = (h: Hit): Evidence => h.ev;
let hitTokens: readonly Token[] = [];
export let hitText = '';
/** Makes `tokens` and `text` the current analysis's: every hit's evidence is cut from them (see `Hit`). */
export function useHitSource(tokens: readonly Token[], text: string): void {
  hitTokens = tokens;
  hitText = text;
}

/**
 * Whether the text is written in Title Case: at least three words of four or more letters after the
 * first, and at least 60 % of them capitalised. Exact-case catalogue names are not evidence there.
 */
export function isTitleCase(tokens: readonly Token[], text: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end - t.start < 4) continue;
    const c = text.charCodeAt(t.start);
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122)) continue;
    words++;
    if (upper) capitalised++;
  }
  return words >= 3 && capitalised >= 0.6 * words;
}

/** Whether the hits name at least two different phrases (case-insensitive). */
export function twoDistinctNames(hits: readonly Hit[]): boolean {
  if (hits.length < 2) return false;
  const first = hits[0]!.ev.phrase;
  for (let k = 1; k < hits.length; k++) if (!sameLowercase(hits[k]!.ev.phrase, first)) return true;
  return false;
}

/**
 * `a.toLowerCase() === b.toLowerCase()` without making the lowercase copies: ASCII is folded in
 * place; any other character (whose lowercase may differ in length) falls back to the copies.
 */
export function sameLowercase(a: string, b: string): boolean {
  if (a.length !== b.length) return !isAscii(a) || !isAscii(b) ? a.toLowerCase() === b.toLowerCase() : false;
  for (let k = 0; k < a.length; k++) {
    let x = a.charCodeAt(k);
    let y = b.charCodeAt(k);
    if (x >= 128 || y >= 128) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    // The characters before k are ASCII in both, so their lowercase copies agree up to here.
    if (x !== y) return false;
  }
  return true;
}
function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) >= 128) return false;
  return true;
}
export const AUDIT_STEM = stem('audit');
export const ADOPT_RULE = 'concern:architecture:adopt-technology';
const byAreaOrder = (x: AreaFinding, y: AreaFinding): number => AREA_IDS.indexOf(x.area) - AREA_IDS.indexOf(y.area);
/** Adds an area a reading infers from one piece of evidence, keeping the list in area order. */
export function inferArea(areas: AreaFinding[], area: AreaId, score: number, evidence: Evidence): void {
  areas.push({ area, score, evidence: [evidence] });
  areas.sort(byAreaOrder);
}

/** Per-analysis state the reading passes share. */
export interface Reading {
  readonly task: string;
  readonly tokens: readonly Token[];
  readonly hits: readonly Hit[];
  /** Cue hits by kind, indexed like CUE_KINDS. */
  readonly cues: readonly (Hit[] | undefined)[];
  /** Area hits and concern hits, in position order (scratch arrays, valid until the next analysis). */
  readonly areaHits: readonly Hit[];
  readonly concernHits: readonly Hit[];
  /** First action verb of the task (strategy/impl/docs verb). */
  readonly firstVerb: Hit | undefined;
  /** Per token: inside a negation's scope. */
  readonly negated: Uint8Array;
  /** Mentions read and deliberately not counted (appended to by the passes). */
  readonly ignored: Evidence[];
  /** The union of the tokens' word classes (C_* bits; see `hitClasses`). */
  readonly classes: number;
  /** Where the first purpose clause starts (-1: not read yet; see `purposeOf`). */
  purpose: number;
  /** Some area hit was set aside as a precedent or a symptom's reason (see `setAside`). */
  aside: boolean;
  /** The text opens by rewording something it quotes (see `renamesQuoted`). */
  readonly renaming: boolean;
  /** A database named at a data pipeline's end was set aside (rule "pipeline-end:"), so the scope pass need not search `ignored` for one. */
  pipelineEnd: boolean;
  /** The first token after the title's label (-1: not read yet; see `titleOf`). */
  title: number;
  /** The text has a backtick, so code spans may hide mentions (see `insideCodeSpan`). */
  readonly codeSpans: boolean;
  /** The app's content is kept in object storage (see `appContentStorage`): that storage is no live target. */
  contentStorage: boolean;
  /** A user-facing feature of signing in or being notified, read as substantial scope of the backend alone (see `analyzeTask`). */
  accountFeature: Evidence | undefined;
}

/**
 * Whether the character at `at` lies inside a backtick code span or fence (odd number of backticks before
 * it) that holds a path, a file name, a UI string or code: one with a space, "/" or "." in it. A single
 * identifier in backticks (`Content-Security-Policy`, `recovery_codes`) names the object of the work.
 */
export function insideCodeSpan(text: string, at: number): boolean {
  let n = 0;
  let open = -1;
  for (let p = text.indexOf('`'); p >= 0 && p < at; p = text.indexOf('`', p + 1)) { n++; open = p; }
  if ((n & 1) === 0) return false;
  let close = text.indexOf('`', at);
  if (close < 0) close = text.length;
  for (let p = open + 1; p < close; p++) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 47 || c === 46 || c === 10) return true; // space / . newline
  }
  return false;
}
/** Symptom words (stems) of a clause that reports what is going wrong. */
export const SYMPTOM_STEMS = new Set(['error', 'errors', 'crash', 'crashing', 'fail', 'failing', 'broken', 'broke', 'timeout', 'exception', 'outage', 'down', 'spike', 'panic'].map(stem));
/** Whether hit h stands in a quoted title that the text rewords (see renamesQuoted). */
export function quotedTitleWord(r: Reading, h: Hit): boolean {
  return r.renaming && insideQuotes(r.task, r.tokens[h.i]!.start);
}
/** Whether offset `at` stands inside double quotes (straight or curly). */
function insideQuotes(text: string, at: number): boolean {
  let open = false;
  for (let p = 0; p < at; p++) {
    const c = text.charCodeAt(p);
    if (c === 34) open = !open;
    else if (c === 0x201c) open = true;
    else if (c === 0x201d) open = false;
  }
  return open;
}
export const AX_FRONTEND = AREA_IDS.indexOf('frontend');

/** Whether hit h is "replicas" after a count ("scale to 20 replicas"): pod copies, not a replication design. */
export function countedReplicas(tokens: readonly Token[], h: Hit): boolean {
  if (h.n !== 1 || (tokens[h.i]!.lower !== 'replicas' && tokens[h.i]!.lower !== 'replica')) return false;
  // "scale to 20 replicas", "the replicas count", "replica number": how many pod copies run.
  return (h.i > 0 && /^\d+$/.test(tokens[h.i - 1]!.lower)) || REPLICA_COUNT_WORDS.has(tokens[h.i + 1]?.lower ?? '');
}
const REPLICA_COUNT_WORDS = new Set(['count', 'counts', 'number', 'numbers']);

/**
 * Whether hit h is joined by "-" or "/" to letters on either side: one part of an identifier, a package
 * or repository name ("terraform-aws-modules/eks"), not a word of the sentence.
 */
export function joinedCue(task: string, tokens: readonly Token[], h: Hit): boolean {
  const start = tokens[h.i]!.start;
  const end = tokens[h.i + h.n - 1]!.end;
  const joint = (c: number): boolean => c === 45 || c === 47;
  return (start > 1 && joint(task.charCodeAt(start - 1)) && /[A-Za-z0-9]/.test(task[start - 2]!)) || (joint(task.charCodeAt(end)) && /[A-Za-z0-9]/.test(task[end + 1] ?? ''));
}

/** Whether hit h follows "for" (or "for the/our…"): what the work serves, not what it uses. */
export function servedBy(tokens: readonly Token[], h: Hit): boolean {
  const p1 = tokens[h.i - 1]?.lower;
  return p1 === 'for' || (p1 !== undefined && DETERMINERS.has(p1) && tokens[h.i - 2]?.lower === 'for');
}

export const POLICY_STEM = stem('policy');
/** Nouns (stems) that make "policy" before them a kind of code ("policy checks", "policy engine"). */
const POLICY_CODE_HEADS = new Set(['check', 'checks', 'engine', 'enforcement', 'evaluation', 'evaluator', 'guard', 'guards', 'validation', 'validator'].map(stem));
/**
 * Whether hit h is the word "policy" right after a named technology ("Kyverno policy": that tool's
 * configuration) or a technical phrase of several words ("latency routing policy"), or before a word naming
 * code ("policy checks").
 */
export function toolPolicy(areaHits: readonly Hit[], tokens: readonly Token[], h: Hit): boolean {
  if (h.n !== 1 || tokens[h.i]!.stem !== POLICY_STEM) return false;
  // "policy checks", "a policy engine": code that evaluates policies.
  if (POLICY_CODE_HEADS.has(tokens[h.i + 1]?.stem ?? '')) return true;
  // (Or after a technical phrase of several words: "latency routing policy", a DNS record's setting.)
  for (const a of areaHits) if (a.i + a.n === h.i && (a.sense.tech || (a.n === 1 && exactCaseName(tokens[a.i]!)) || (a.n >= 2 && a.sense.t === 'area' && a.sense.weight >= 1))) return true;
  return false;
}
/** Object storage a data pipeline reads from or writes to. */
export const OBJECT_STORAGE = /^(s3|gcs|bucket|buckets|s3 bucket|s3 buckets|gcs bucket|blob storage|azure blob storage|adls|cloud storage|google cloud storage)$/i;
/** Whether a phrase names object storage: `OBJECT_STORAGE`, or storage named without a cloud brand ("MinIO", "object storage"). */
export function objectStorage(phrase: string): boolean {
  return OBJECT_STORAGE.test(phrase) || /^(minio|object storage)$/i.test(phrase);
}
/** Whether hit h is a generic "replace"/"swap" (one word, no catalogued technology in its clause). */
export function genericReplace(text: string, tokens: readonly Token[], h: Hit, clauseOf: Uint32Array, techClauses: Uint8Array, keep: readonly Hit[]): boolean {
  return h.n === 1 && REPLACE_STEMS.has(tokens[h.i]!.stem) && techClauses[clauseOf[h.i]!] !== 1 && !namedReplacement(text, tokens, h.i, keep);
}
/**
 * Whether "replace A with B" names both as products: written with a capital mid-sentence ("replace APScheduler with
 * Celery beat"), or as one-word names of one area's vocabulary ("Replace sequelize with prisma", "replace algolia
 * with meilisearch"): one technology for another, though the catalogues list neither.
 */
function namedReplacement(text: string, tokens: readonly Token[], i: number, keep: readonly Hit[]): boolean {
  const a = tokens[i + 1];
  if (a === undefined || a.clauseStart) return false;
  const aName = capitalised(text, a);
  const aArea = aName ? -1 : oneWordArea(keep, i + 1);
  if (!aName && aArea < 0) return false;
  for (let k = i + 2; k < Math.min(tokens.length, i + 5) && !tokens[k]!.clauseStart; k++) {
    if (tokens[k]!.lower !== 'with' && tokens[k]!.lower !== 'by') continue;
    const b = tokens[k + 1];
    if (b === undefined || b.clauseStart) return false;
    if (aName) return capitalised(text, b);
    return oneWordArea(keep, k + 1) === aArea && b.stem !== a.stem;
  }
  return false;
}
/** The area index of the full-weight one-word area hit at token i, or -1 when there is none. */
function oneWordArea(keep: readonly Hit[], i: number): number {
  for (const h of keep) if (h.i === i && h.n === 1 && h.sense.t === 'area' && h.sense.weight >= 1) return h.sense.ax;
  return -1;
}

/** What the scope-signal pass reads from the earlier passes. */
export interface SignalInput {
  readonly keep: readonly Hit[];
  /** Final areas; the hosting-migration rule may add one. */
  readonly finalAreas: AreaFinding[];
  readonly concerns: ConcernFinding[];
  readonly firstVerb: Hit | undefined;
  readonly docsHit: Hit | undefined;
  readonly isStrategy: boolean;
  readonly strategyOnly: boolean;
  /** The task sets out to achieve a certification. */
  readonly certAction: boolean;
  /** Clauses naming a catalogued technology (indexes into the clause scratch array). */
  readonly techClauses: Uint8Array;
}

/**
 * The hits outside every negation's scope. Usually that is all of them: then the array itself is
 * returned (read-only) instead of a copy, one allocation fewer per cue kind per analysis.
 */
export function unnegated<H extends { readonly i: number }>(hits: readonly H[], negated: Uint8Array): readonly H[] {
  for (const h of hits) if (negated[h.i]) return hits.filter((x) => !negated[x.i]);
  return hits;
}

/** Appends a scope signal of `kind` when it has evidence. */
export function addSignal(signals: ScopeSignal[], kind: ScopeSignalKind, e: readonly Evidence[]): void {
  if (e.length > 0) signals.push({ kind, evidence: e });
}
/** The first token of token i's sentence (sentences end at . ; ! ? or a line break, see `sentenceBreak`). */
export function sentenceStart(tokens: readonly Token[], text: string, i: number): number {
  let lo = i;
  while (lo > 0 && !sentenceBreak(text, tokens[lo - 1]!.end, tokens[lo]!.start)) lo--;
  return lo;
}
/** Whether a token of word class `cls` stands in the same sentence (between . ; ! ? or a line break) as token i. */
export function classInSentence(tokens: readonly Token[], text: string, i: number, cls: number): boolean {
  for (let k = i; k >= 0; k--) {
    if ((wordClasses(tokens[k]!) & cls) !== 0) return true;
    if (k > 0 && sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
  }
  for (let k = i + 1; k < tokens.length; k++) {
    if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) break;
    if ((wordClasses(tokens[k]!) & cls) !== 0) return true;
  }
  return false;
}

/**
 * The first token after the label an issue title opens with: bracketed tags ("[SERVER] ", "[Dev] "), or
 * up to four words before ": " or " - " ("feat(api): ", "Tech Debt: ", "RR-639 - "); 0 when there is none.
 */
function titleStart(task: string, tokens: readonly Token[]): number {
  let p = 0;
  while (task.charCodeAt(p) === 91 /* [ */) {
    const q = task.indexOf(']', p);
    if (q < 0 || q - p > 40) break;
    p = q + 1;
    while (task.charCodeAt(p) === 32) p++;
  }
  if (p === 0) {
    for (let k = 0; k < 4 && k + 1 < tokens.length; k++) {
      const a = tokens[k]!.end;
      const b = tokens[k + 1]!.start;
      let q = a;
      if (task.charCodeAt(q) === 41 /* ) */) q++;
      if (task.charCodeAt(q) === 58 /* : */ && q + 1 < b) { p = b; break; }
      if (b - a === 3 && task.charCodeAt(a) === 32 && task.charCodeAt(a + 2) === 32 && /[-\u2013\u2014]/.test(task[a + 1]!)) { p = b; break; }
    }
  }
  if (p === 0) return 0;
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < p) i++;
  return i;
}

/** Whether text[from, to) (the gap between two tokens) ends a sentence. */
export function sentenceBreak(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 59 || c === 33 || c === 63 || c === 10) return true; // ; ! ? \n
    // A full stop ends a sentence only before a space or the end: "districtbuilder.org", "v1.2" go on.
    if (c === 46 && (p + 1 >= text.length || text.charCodeAt(p + 1) === 32 || text.charCodeAt(p + 1) === 10 || text.charCodeAt(p + 1) === 9 || text.charCodeAt(p + 1) === 13)) return true;
  }
  return false;
}

/** The first token after the title's label (see `titleStart`), read once per analysis. */
export function titleOf(r: Reading): number {
  if (r.title < 0) r.title = titleStart(r.task, r.tokens);
  return r.title;
}

/** Where the task's first purpose clause starts (see `purposeStart`), read once per analysis. */
export function purposeOf(r: Reading): number {
  if (r.purpose < 0) r.purpose = (r.classes & C_PURPOSE) === 0 ? r.tokens.length : purposeStart(r.tokens);
  return r.purpose;
}

/** Where the first purpose clause starts ("to reduce…", "so that…", "in order to…", "reducing…"), or the token count. */
function purposeStart(tokens: readonly Token[]): number {
  // Anchored on the words of class C_PURPOSE (a purpose verb, "so", "order"), in position order.
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if ((wordClasses(t) & C_PURPOSE) === 0) continue;
    const st = t.stem;
    if (PURPOSE_VERBS.has(st)) {
      if (k >= 2 && tokens[k - 1]!.lower === 'to') return k - 1;
      if (t.lower.endsWith('ing') && !t.clauseStart) return k;
    } else if (st === 'so') {
      if (tokens[k + 1]?.lower === 'that' && t.lower === 'so') return k;
      // "… so QA can reproduce #4821", "so we can drop the old one": "so", a short subject and a modal.
      // ("so we should begin…" draws a consequence: obligation modals do not count.)
      if (t.lower === 'so' && !tokens[k + 1]?.clauseStart && (ENABLING_MODALS.has(tokens[k + 2]?.lower ?? '') || (ENABLING_MODALS.has(tokens[k + 3]?.lower ?? '') && !MODALS.has(tokens[k + 1]?.lower ?? '')))) return k;
    } else if (k >= 2 && t.lower === 'order' && tokens[k - 1]!.lower === 'in' && tokens[k + 1]?.lower === 'to') return k - 1;
  }
  return tokens.length;
}

/** Whether the token is written exactly as a catalogue's exact-case name (the slice is taken only for listed words). */
export function exactCaseName(t: Token): boolean {
  const name = EXACT_CASE_NAMES.get(t.lower);
  return name !== undefined && name === t.raw;
}

/** "A migration script/file for …": the migration as a file of schema changes. */
const MIGRATION_FILE = new Set(['script', 'file'].map(stem));
/** Words after "migrations" that make them a move of something (from, to, of …), not a project's migration files. */
const MOVE_LINKS = new Set(['from', 'to', 'of', 'into', 'onto', 'between', 'across']);
/** Words before "migrations" that make them a store's schema migrations. */
const SCHEMA_MIGRATION_KINDS = new Set(['db', 'database', 'sql', 'schema', 'prisma', 'alembic', 'flyway', 'liquibase', 'knex', 'sequelize', 'typeorm', 'django', 'rails', 'ecto']);

/**
 * Whether hit h is a schema migration ("a database migration to add the status column"): the noun
 * "migration" followed by "to/that" and a schema-change verb, with a schema object in its clause. Such a
 * migration script is one contained schema change, not moving between technologies (§4, §6).
 */
export function schemaMigration(tokens: readonly Token[], h: Hit): boolean {
  const t = tokens[h.i]!;
  if (h.n !== 1 || t.stem !== 'migration') return false;
  // Migrations run or applied ("Apply all migrations to production DB") are schema changes already written.
  for (let k = h.i - 1; k >= Math.max(0, h.i - 3); k--) {
    if (RUN_MIGRATION_VERBS.has(tokens[k]!.stem)) return true;
    if (tokens[k + 1]!.clauseStart) break;
  }
  // … also when the verb follows them ("Migrations should be run in Fargate", "migrations are applied on deploy").
  if (t.lower === 'migrations' && stemInClauseAfter(tokens, h.i, 3, RUN_MIGRATION_VERBS)) return true;
  // "DB migrations", "SQL migrations": a store's schema migrations, plural, are files of schema changes.
  if (t.lower === 'migrations' && h.i > 0 && SCHEMA_MIGRATION_KINDS.has(tokens[h.i - 1]!.lower)) return true;
  // A project's plural "migrations" that move nothing from or to anything ("make migrations replica compatible")
  // are its migration files; "a data source for migrations" is a product's migration feature.
  if (t.lower === 'migrations' && !MOVE_LINKS.has(tokens[h.i + 1]?.lower ?? '') && tokens[h.i - 1]?.lower !== 'for') return true;
  // "Migration plan for database schemas": the migration of a schema.
  for (let k = h.i + 1; k < Math.min(tokens.length, h.i + 6) && !tokens[k]!.clauseStart; k++) if (tokens[k]!.stem === SCHEMA_STEM) return true;
  const link = tokens[h.i + 1]?.lower;
  // "A migration script for the new column", "a migration for the orders table index": a schema object
  // close after it, and nothing moved from one thing to another.
  if (link === 'for' || MIGRATION_FILE.has(tokens[h.i + 1]?.stem ?? '')) {
    let object = false;
    for (let k = h.i + 1; k < Math.min(tokens.length, h.i + 7) && !tokens[k]!.clauseStart; k++) {
      if (tokens[k]!.lower === 'from') return false;
      if (SCHEMA_OBJECTS.has(tokens[k]!.stem)) object = true;
    }
    if (object) return true;
  }
  if ((link !== 'to' && link !== 'that') || !SCHEMA_CHANGE_VERBS.has(tokens[h.i + 2]?.stem ?? '')) return false;
  for (let k = h.i + 3; k < tokens.length && !tokens[k]!.clauseStart; k++) if (SCHEMA_OBJECTS.has(tokens[k]!.stem)) return true;
  return false;
}

/** Whether the token starts with a capital letter (A–Z); read from the text, no slice of the token taken. */
export function capitalised(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return c >= 65 && c <= 90;
}
/** Evidence phrases of deploying. */
export const DEPLOY_WORD = /^(deploy|deploys|deployed|deploying|deployment|deployments)$/i;

/** Whether any token of the task reads as a verb (see verbAt). */
export function anyVerb(tokens: readonly Token[], end: number = tokens.length): boolean {
  for (let i = 0; i < end; i++) if (verbAt(tokens, i)) return true;
  // An unlisted word opening the title before a determiner is an imperative verb: "Backfill the new
  // column", "Rate limit the login endpoint" (a noun title reads "Dashboard for the API").
  for (let k = 1; k <= 2 && k < end; k++) {
    if (tokens[k]!.clauseStart || QUALIFIER_PREPS.has(tokens[k]!.lower) || TEST_SUBJECT_PREPS.has(tokens[k]!.lower)) break;
    if (TITLE_DETERMINERS.has(tokens[k]!.lower)) return true;
  }
  return false;
}
/** Verbs (stems) of an in-place version change. */
export const UPGRADE_VERBS = new Set(['upgrade', 'update', 'bump'].map(stem));
/** Determiners that follow an imperative verb's first word ("Backfill the…", "Rate limit all…"). */
export const TITLE_DETERMINERS = new Set(['the', 'a', 'an', 'our', 'all', 'every', 'each', 'this', 'these', 'those', 'my', 'your', 'its', 'their']);

/**
 * Whether area hit h names a product: a catalogued name, one the catalogues list in this exact case, or a word
 * written with a capital where capitals tell: by default in text not in Title Case ("Add support for Hetzner").
 */
export function writtenAsName(task: string, tokens: readonly Token[], h: Hit, capitalsTell?: boolean): boolean {
  return h.sense.tech || exactCaseName(tokens[h.i]!) || (capitalised(task, tokens[h.i]!) && (capitalsTell ?? !isTitleCase(tokens, task)));
}
/** Prepositions that introduce where a moved thing goes. */
export const DESTINATION_PREPS = new Set(['to', 'into', 'onto']);

/** Whether tokens i and j (either order) stand in one sentence: no sentence break between them. */
export function sameSentence(tokens: readonly Token[], text: string, i: number, j: number): boolean {
  const [a, b] = i < j ? [i, j] : [j, i];
  for (let k = a + 1; k <= b; k++) if (sentenceBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) return false;
  return true;
}

/** The index of the first token that starts at or after text offset `at` (the token count when none does). */
export function tokenFrom(tokens: readonly Token[], at: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < at) i++;
  return i;
}
