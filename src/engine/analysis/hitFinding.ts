/**
 * Lexicon hits: every phrase of the area, concern and cue vocabularies at every token (a stem trie and a lowercase
 * trie), exact-case names, and near misspellings of catalogue names. Hits are reused by the next analysis.
 */
import {
  LOWER_TRIE, MAX_PHRASE_TOKENS, respelledSenses, SPELLING_NAMES, STEM_TRIE, type LexEntry, type Sense,
} from './lexicon';
import { SPELLING_STOPLIST } from './generated/spellingStoplist';
import { MIN_SPELLING_LENGTH, SpellingIndex } from './spelling';
import type { Token, WordForm } from './tokenize';
import { NO_NODE, type WordTrie } from './wordTrie';
import { clauseIndex, Hit, hitText, isTitleCase, useHitSource } from './reading';
import { wordClasses } from './wordClasses';

// The hits of the current analysis, reused (array and Hit objects) by the next one, like its
// tokens: a 60-word text makes ~40 hits, ~3.4 KB of young garbage per plan otherwise.
const HITS: Hit[] = [];

/** Appends (or overwrites in place) hit number `count` of the current analysis. */
function addHit(count: number, i: number, n: number, s: Sense): void {
  if (count < HITS.length) HITS[count]!.set(i, n, s);
  else HITS.push(new Hit().set(i, n, s));
}

// The trie ids of a word form, looked up on first use and memoised on the interned form (like
// `wordClasses`): most tokens then cost no string-keyed lookup at all.
function stemRoot(f: WordForm): number {
  if (f.stemRoot < 0) f.stemRoot = STEM_TRIE.root(f.stem);
  return f.stemRoot;
}
function lowerRoot(f: WordForm): number {
  if (f.lowerRoot < 0) f.lowerRoot = LOWER_TRIE.root(f.lower);
  return f.lowerRoot;
}
function stemCont(f: WordForm): number {
  if (f.stemCont < 0) f.stemCont = STEM_TRIE.contId(f.stem);
  return f.stemCont;
}
function lowerCont(f: WordForm): number {
  if (f.lowerCont < 0) f.lowerCont = LOWER_TRIE.contId(f.lower);
  return f.lowerCont;
}

/**
 * Finds every lexicon hit (all lengths 1..4 at every token, walking two tries), honouring
 * exact-case entries. The array and its hits are valid until the next call (see `HITS`).
 */
export function findHits(tokens: readonly Token[], text: string): readonly Hit[] {
  useHitSource(tokens, text);
  let count = 0;
  const nTok = tokens.length;
  titleCase = -1; // read on the first exact-case candidate, if any: most texts have none
  // The same sweep takes the union of the word classes and numbers the clauses (see `hitClasses`).
  let classes = 0;
  const clauseOf = clauseIndex(nTok);
  for (let i = 0, clause = 0; i < nTok; i++) {
    const t = tokens[i]!;
    if (i > 0 && t.clauseStart) clause++;
    clauseOf[i] = clause;
    classes |= wordClasses(t);
    const form = t.form;
    // The stem trie, then the lowercase trie (the hit order the rule passes were written against).
    const s0 = stemRoot(form);
    if (s0 !== NO_NODE) count = walk(STEM_TRIE, tokens, i, s0, false, count);
    const l0 = lowerRoot(form);
    if (l0 !== NO_NODE) count = walk(LOWER_TRIE, tokens, i, l0, true, count);
    else if (s0 === NO_NODE && form.len >= MIN_SPELLING_LENGTH) count = respelledHits(tokens, i, text, count);
  }
  if (HITS.length > count) HITS.length = count;
  hitClasses = classes;
  return HITS;
}

/**
 * The union of the word classes of the current analysis's tokens (C_* bits), taken by `findHits`
 * in its sweep over the tokens; the clause number of each token is left in the `clauseIndex`
 * scratch array the same way. (Each separate sweep over ~60 tokens cost more than its arithmetic.)
 */
export let hitClasses = 0;

/** Adds the hits of the phrases of `trie` that start at token i (level-one node `node`); returns the new hit count. */
function walk(trie: WordTrie<LexEntry>, tokens: readonly Token[], i: number, node: number, lower: boolean, count: number): number {
  const end = Math.min(tokens.length, i + MAX_PHRASE_TOKENS);
  for (let j = i; ; ) {
    const e = trie.entry(node);
    if (e) {
      const n = j - i + 1;
      for (const s of e.senses) addHit(count++, i, n, s);
      // In Title Case text ("Add Accordion To Settings Page") capitals prove nothing, as at a clause start.
      if (e.exactCase && e.exactCase.length === n && !tokens[i]!.clauseStart && caseTells(tokens)) {
        let same = true;
        for (let k = 0; k < n; k++) if (tokens[i + k]!.raw !== e.exactCase[k]) same = false;
        // (Exact-case senses are catalogue names, made with weight 1.)
        if (same) for (const s of e.caseSenses) addHit(count++, i, n, s);
      }
    }
    if (++j >= end || !trie.branchesAt(node)) return count;
    // A word that continues no phrase at all (id 0) needs no edge lookup.
    const f = tokens[j]!.form;
    const id = lower ? lowerCont(f) : stemCont(f);
    if (id === 0) return count;
    node = trie.child(node, id);
    if (node === NO_NODE) return count;
  }
}

/**
 * Whether an unknown word is written as a name: an inner capital ("PostreSQL"), or a capital first
 * letter where capitals tell (not at a clause start, not in Title Case text: "configure Prometeus").
 */
function nameLike(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  const c = text.charCodeAt(t.start);
  if (c < 65 || c > 90) return false;
  for (let k = t.start + 1; k < t.end; k++) {
    const ck = text.charCodeAt(k);
    if (ck >= 65 && ck <= 90) return true;
  }
  return !t.clauseStart && caseTells(tokens);
}

/** Adds the hits of the named technology an unknown word at token i misspells, if it is written as a name; returns the new hit count. */
function respelledHits(tokens: readonly Token[], i: number, text: string, count: number): number {
  if (!nameLike(tokens, i, text)) return count;
  const name = misspelling(tokens[i]!.lower);
  if (name !== null) for (const sense of respelledSenses(name)) addHit(count++, i, 1, sense);
  return count;
}

let spellingIndex: SpellingIndex | undefined;
/** Corrections already looked up (lowercase word → name, or null); cleared when it grows past 4,096 words. */
const SPELLING_MEMO = new Map<string, string | null>();

/** The named technology an unknown word misspells, or null (see `SpellingIndex`). */
function misspelling(lower: string): string | null {
  let name = SPELLING_MEMO.get(lower);
  if (name !== undefined) return name;
  spellingIndex ??= new SpellingIndex(SPELLING_NAMES);
  // (An English word one edit from a name, "String" or "Sprint", is that word.)
  name = SPELLING_STOPLIST.has(lower) ? null : (spellingIndex.correct(lower) ?? null);
  if (SPELLING_MEMO.size >= 4096) SPELLING_MEMO.clear();
  SPELLING_MEMO.set(lower, name);
  return name;
}

/** Whether the current text is in Title Case (1), not (0), or not read yet (-1); see `caseTells`. */
let titleCase = -1;

/** Whether capitals tell in the current text (it is not in Title Case), read once per analysis. */
function caseTells(tokens: readonly Token[]): boolean {
  if (titleCase < 0) titleCase = isTitleCase(tokens, hitText) ? 1 : 0;
  return titleCase === 0;
}
