import { AREA_IDS, type AreaId, type ConcernId } from './analysisTypes';
import { AREA_VOCABULARY, WEAK_PHRASES } from './areaVocabulary';
import { CONCERN_VOCABULARY, CUE_KINDS, CUE_VOCABULARY, type CueKind } from './cueVocabulary';
import { TECH_LEXICON } from './generated/techLexicon';
import { phraseKey, tokenize } from './tokenize';
import { WordTrie } from './wordTrie';

/**
 * What one lexicon phrase means. Every sense has every field (those of the other kinds left
 * undefined) and is made by `makeSense`, so all senses share one hidden class: the analyzer reads
 * `sense.t`, `.weight`, `.ax` on every hit, and three shapes made each of those reads polymorphic.
 */
export type Sense = AreaSense | ConcernSense | CueSense;

interface SenseFields {
  readonly rule: string;
  /** Weight of a hit's evidence: an area phrase's weight; 1 for cues and concerns. */
  readonly weight: number;
  /** A named technology (catalogue name); false for cues and concerns. */
  readonly tech: boolean;
  /** Index of `area` in AREA_IDS (the analyzer's per-area arrays), so a hit's area needs no keyed lookup; -1 for other kinds. */
  readonly ax: number;
  /** Index of `cue` in CUE_KINDS (the analyzer's per-kind arrays); -1 for other kinds. */
  readonly ix: number;
}
export interface AreaSense extends SenseFields {
  readonly t: 'area';
  readonly area: AreaId;
  readonly concern: undefined;
  readonly cue: undefined;
}
export interface ConcernSense extends SenseFields {
  readonly t: 'concern';
  readonly area: undefined;
  readonly concern: ConcernId;
  readonly cue: undefined;
}
export interface CueSense extends SenseFields {
  readonly t: 'cue';
  readonly area: undefined;
  readonly concern: undefined;
  readonly cue: CueKind;
}

function areaSense(area: AreaId, weight: number, rule: string, tech: boolean): AreaSense {
  return makeSense('area', area, undefined, undefined, rule, weight, tech) as AreaSense;
}

/** The one literal every sense is made from (same keys, same order: one hidden class). */
function makeSense(t: Sense['t'], area: AreaId | undefined, concern: ConcernId | undefined, cue: CueKind | undefined, rule: string, weight: number, tech: boolean): Sense {
  const ax = area === undefined ? -1 : AREA_IDS.indexOf(area);
  const ix = cue === undefined ? -1 : CUE_KINDS.indexOf(cue);
  return { t, area, concern, cue, rule, weight, tech, ax, ix } as Sense;
}

/** A lexicon entry: its senses, and for ambiguous catalogue names the exact spelling required. */
export interface LexEntry {
  readonly senses: Sense[];
  /** Raw token sequence that must match case-sensitively (catalogue names that are common words). */
  exactCase: readonly string[] | undefined;
  /** Senses that apply only when exactCase matches. */
  readonly caseSenses: Sense[];
}

/** The compiled lexicon: stemmed phrase → entry, plus the longest phrase length per first token. */
export interface Lexicon {
  /** Hand vocabulary, keyed by stemmed tokens. */
  readonly entries: Map<string, LexEntry>;
  readonly maxLen: Map<string, number>;
  /** Catalogue names, keyed by lowercase unstemmed tokens: names are not inflected, and stemming would
   * make distinct names collide ("cors" and "core"). */
  readonly tech: Map<string, LexEntry>;
  readonly techMaxLen: Map<string, number>;
}

const MAX_N = 4;

/**
 * Catalogue entries that are generic field words rather than named products (GitHub topics such as
 * "database", "testing", "frontend"): they keep their area but are not "named technologies" for the
 * integration rule.
 */
const GENERIC_NAMES = new Set(`database databases db sql nosql testing test tests monitoring logging frontend backend api apis rest security devops ui ux
mobile deployment authentication authorization coverage query orm microservice microservices crud css html dom spa pwa i18n l10n localization
internationalization localisation internationalisation accessibility a11y cli sdk server serverless cloud web webapp app data dataset machine learning ml
ai cicd ci cd ci/cd gitops iac infrastructure as code provisioning networking network vpn tls ssl sso jwt oauth2 oidc websocket websockets tdd bdd e2e
unit testing integration testing metrics apm instrumentation sre observability container containers docker image dockerfile continuous integration
continuous delivery continuous deployment self hosted selfhosted self-hosted etl elt cybersecurity devsecops cve malware sanitization cors mqtt
data science deep learning time series automation configuration`.split(/\s+/).filter(Boolean).map((w) => w.replace(/_/g, ' ')));

function entryFor(lex: Lexicon, key: string, tech = false): LexEntry {
  const map = tech ? lex.tech : lex.entries;
  const lens = tech ? lex.techMaxLen : lex.maxLen;
  let e = map.get(key);
  if (!e) {
    // Every entry made with the same fields (exactCase set later on some): one map for all, so the
    // analyzer's reads of an entry stay monomorphic.
    e = { senses: [], exactCase: undefined, caseSenses: [] };
    map.set(key, e);
    const parts = key.split(' ');
    const first = parts[0]!;
    lens.set(first, Math.max(lens.get(first) ?? 0, parts.length));
  }
  return e;
}

/** Lowercase unstemmed key of a catalogue name. */
export function lowerKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.lower)
    .join(' ');
}

/**
 * Hand-vocabulary words a catalogue lists in exact case only, lower case → the catalogue's spelling
 * ("prometheus" → "Prometheus"): written so, the word names a technology (filled by `build`).
 */
export const EXACT_CASE_NAMES = new Map<string, string>();
/** Exact-case catalogue names that are ordinary nouns as well (a UI accordion, an S3 bucket). */
const COMMON_NOUNS = new Set(['accordion', 'bucket', 'middleware', 'query', 'pipelines']);

/**
 * Named technologies of one word (lower case, letters and digits): the names a misspelt word may be
 * corrected to (see `spelling.ts`). Catalogue names that need exact case are common words, and hand
 * vocabulary the catalogues do not list is ordinary words: neither is here. Filled by `build`.
 */
export const SPELLING_NAMES = new Set<string>();
const SPELLABLE = /^[a-z][a-z0-9]*$/;

/**
 * Hand-vocabulary words whose stem is another common word ("stripe" stems to "strip", so "Strip
 * trailing slashes" read as the payment provider; "theme" stems to "them"; "NATS" to the "nat" of a
 * NAT gateway): they are matched by their lowercase forms in the catalogue trie instead, like
 * catalogue names.
 */
const UNSTEMMED_NAMES: ReadonlySet<string> = new Set(['stripe', 'theme', 'themes', 'nats']);

/** The lexicon entry for a hand-vocabulary phrase: stem-keyed, or lowercase-keyed for `UNSTEMMED_NAMES`. */
function handEntry(lex: Lexicon, phrase: string): LexEntry | undefined {
  const unstemmed = UNSTEMMED_NAMES.has(phrase);
  const key = unstemmed ? lowerKey(phrase) : phraseKey(phrase);
  if (!key || key.split(' ').length > MAX_N) return undefined;
  return entryFor(lex, key, unstemmed);
}

/** Builds the lexicon once (module load): hand vocabulary first, then catalogue names not already known. */
function build(): Lexicon {
  const lex: Lexicon = { entries: new Map(), maxLen: new Map(), tech: new Map(), techMaxLen: new Map() };
  const handArea = new Set<string>();
  for (const [area, phrases] of Object.entries(AREA_VOCABULARY) as [AreaId, readonly (string | readonly [string, number])[]][]) {
    for (const p of phrases) {
      const phrase = typeof p === 'string' ? p : p[0];
      const weight = typeof p === 'string' ? (WEAK_PHRASES.has(phrase) ? 0.5 : 1) : p[1];
      const e = handEntry(lex, phrase);
      if (!e) continue;
      if (!UNSTEMMED_NAMES.has(phrase)) handArea.add(phraseKey(phrase));
      if (!e.senses.some((s) => s.t === 'area' && s.area === area)) e.senses.push(areaSense(area, weight, `vocab:${area}:${phrase}`, false));
    }
  }
  for (const [cue, phrases] of Object.entries(CUE_VOCABULARY) as [CueKind, readonly string[]][]) {
    for (const phrase of phrases) {
      const e = handEntry(lex, phrase);
      if (!e) continue;
      if (!e.senses.some((s) => s.t === 'cue' && s.cue === cue)) e.senses.push(makeSense('cue', undefined, undefined, cue, `cue:${cue}:${phrase}`, 1, false));
    }
  }
  for (const [concern, phrases] of Object.entries(CONCERN_VOCABULARY) as [ConcernId, readonly string[]][]) {
    for (const phrase of phrases) {
      const e = handEntry(lex, phrase);
      if (!e) continue;
      if (!e.senses.some((s) => s.t === 'concern' && s.concern === concern)) e.senses.push(makeSense('concern', undefined, concern, undefined, `concern:${concern}:${phrase}`, 1, false));
    }
  }
  for (const [name, area, exactCase, source] of TECH_LEXICON) {
    const key = lowerKey(name);
    if (!key || key.split(' ').length > MAX_N) continue;
    const handKey = phraseKey(name);
    const generic = GENERIC_NAMES.has(name.toLowerCase());
    if (handArea.has(handKey)) {
      // One listed in exact case ("Prometheus", "Jaeger") is a named technology only written that way.
      if (exactCase && !generic && !COMMON_NOUNS.has(name.toLowerCase()) && !name.includes(' ')) {
        EXACT_CASE_NAMES.set(name.toLowerCase(), name);
        if (SPELLABLE.test(key)) SPELLING_NAMES.add(key);
      }
      // A catalogue name that is a common word ("Pipelines", exact case only) does not make the hand
      // phrase ("pipeline") a named technology.
      if (generic || exactCase) continue;
      // The hand vocabulary decides the area, but the catalogues say it is a named technology.
      const he = lex.entries.get(handKey)!;
      for (let k = 0; k < he.senses.length; k++) {
        const sk = he.senses[k]!;
        // Made like the others, not `{ ...sk, tech: true }`: a spread copy got a map of its own, so
        // every read of a hit's sense saw one map more.
        if (sk.t === 'area' && !sk.tech) he.senses[k] = areaSense(sk.area, sk.weight, sk.rule, true);
      }
      if (SPELLABLE.test(key)) SPELLING_NAMES.add(key);
      continue;
    }
    const sense: Sense = areaSense(area, 1, `lexicon:${source}:${name}→${area}`, !generic);
    const e = entryFor(lex, key, true);
    if (exactCase) {
      if (e.senses.some((s) => s.t === 'area') || e.caseSenses.length > 0) continue;
      e.exactCase = tokenize(name).map((t) => t.raw);
      e.caseSenses.push(sense);
    } else if (!e.senses.some((s) => s.t === 'area')) {
      e.senses.push(sense);
      if (!generic && SPELLABLE.test(key)) SPELLING_NAMES.add(key);
    }
  }
  return lex;
}

/** The lexicon, built once at module load. */
export const LEXICON: Lexicon = build();

/**
 * Tries of the hand vocabulary (keyed by stemmed forms) and of the catalogue names (lowercase
 * forms), compiled to integer node and word ids (see WordTrie).
 */
export const STEM_TRIE: WordTrie<LexEntry> = new WordTrie(LEXICON.entries);
export const LOWER_TRIE: WordTrie<LexEntry> = new WordTrie(LEXICON.tech);

/** Longest phrase length in tokens. */
export const MAX_PHRASE_TOKENS = MAX_N;

const RESPELLED = new Map<string, readonly Sense[]>();

/**
 * The senses of a one-word name (from `SPELLING_NAMES`) for a word misspelling it: the name's
 * hand-vocabulary and catalogue senses, each with its rule prefixed by `spelling:<name>:` so the
 * evidence says which name was read. Made once per name.
 */
export function respelledSenses(name: string): readonly Sense[] {
  let out = RESPELLED.get(name);
  if (out) return out;
  const list: Sense[] = [];
  for (const e of [LEXICON.entries.get(phraseKey(name)), LEXICON.tech.get(name)]) {
    if (!e) continue;
    for (const s of e.senses) list.push(makeSense(s.t, s.area, s.concern, s.cue, `spelling:${name}:${s.rule}`, s.weight, s.tech || s.t === 'area'));
  }
  out = list;
  RESPELLED.set(name, out);
  return out;
}
