/**
 * Misspelt technology names ("Prometeus", "PostreSQL"): a word one edit away (a letter dropped, added
 * or changed, or two neighbours swapped) from exactly one known name of six letters or more, with the
 * same first letter. Short names are left alone: one edit turns too many short words into others.
 */

/** Shortest name (and word) corrected. */
export const MIN_SPELLING_LENGTH = 6;

/**
 * A symmetric-deletion index over names: every name and every one-letter deletion of it, mapped to the
 * names that produce it. A word one edit from a name shares one of these keys with it; `correct`
 * confirms the edit distance, since two different deletions can also meet.
 */
export class SpellingIndex {
  private readonly byKey = new Map<string, string[]>();

  /** @param names lowercase names; shorter ones than MIN_SPELLING_LENGTH are ignored. */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      if (name.length < MIN_SPELLING_LENGTH) continue;
      this.add(name, name);
      for (let k = 0; k < name.length; k++) this.add(name.slice(0, k) + name.slice(k + 1), name);
    }
  }

  private add(key: string, name: string): void {
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [name]);
    else if (!list.includes(name)) list.push(name);
  }

  /**
   * The one name `word` (lowercase) is a misspelling of, or undefined: none, the word itself is a
   * name, or it is one edit from two names (then it is ambiguous, not corrected).
   */
  correct(word: string): string | undefined {
    if (word.length < MIN_SPELLING_LENGTH) return undefined;
    let found: string | undefined;
    const consider = (key: string): boolean => {
      const list = this.byKey.get(key);
      if (!list) return true;
      for (const name of list) {
        if (name === word) return false;
        if (name === found || name.charCodeAt(0) !== word.charCodeAt(0) || !oneEdit(word, name)) continue;
        if (found !== undefined) return false;
        found = name;
      }
      return true;
    };
    if (!consider(word)) return undefined;
    for (let k = 0; k < word.length; k++) if (!consider(word.slice(0, k) + word.slice(k + 1))) return undefined;
    return found;
  }
}

/** Whether a and b differ by exactly one edit: one letter inserted, deleted or changed, or two neighbours swapped. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Changed letter: the rest equal. Swapped neighbours: a[i]a[i+1] = b[i+1]b[i], then the rest equal.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more in the longer word at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
