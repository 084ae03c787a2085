/**
 * A phrase trie over words, compiled to integers: nodes are numbered, and the words that can
 * continue a phrase past its first word get small ids, so stepping from a node to its child is one
 * probe of an integer hash table instead of a string-keyed `Map` lookup per level. Phrase lookup
 * (`findHits` in the analyzer) walks it at every token of every text: the string-keyed maps were
 * most of that walk's time.
 */

/** Node id meaning "no node" (real nodes are numbered from 1). */
export const NO_NODE = 0;

export class WordTrie<E> {
  /** First word of a phrase → its level-one node. */
  private readonly roots = new Map<string, number>();
  /** Word → continuation id (1..), for the words that occur past the first level of some phrase. */
  private readonly contIds = new Map<string, number>();
  /** Per node id (index 0 unused): the entry of the phrase ending there, and whether a longer phrase continues. */
  private readonly entryOf: (E | undefined)[] = [undefined];
  private readonly branches: Uint8Array;
  // Edges (node, continuation id) → child node, open addressing with linear probing. The key packs
  // node and id as node * idSpan + id (ids < idSpan), so a key is never 0 and 0 marks a free slot.
  private readonly idSpan: number;
  private readonly edgeKey: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly edgeMask: number;
  private readonly edgeShift: number;

  /** Compiles `phrases` (words joined by one space → entry). */
  constructor(phrases: ReadonlyMap<string, E>) {
    // Build level by level with string-keyed maps (module load only), then number everything.
    const childMaps: Map<string, number>[] = [new Map()]; // per node id; node 0 stands for the root level
    const hasNext: number[] = [0];
    for (const [key, entry] of phrases) {
      const parts = key.split(' ');
      let node = 0;
      for (let k = 0; k < parts.length; k++) {
        const word = parts[k]!;
        if (k > 0 && !this.contIds.has(word)) this.contIds.set(word, this.contIds.size + 1);
        let child = childMaps[node]!.get(word);
        if (child === undefined) {
          child = this.entryOf.length;
          this.entryOf.push(undefined);
          childMaps.push(new Map());
          hasNext.push(0);
          childMaps[node]!.set(word, child);
          if (node !== 0) hasNext[node] = 1;
        }
        node = child;
      }
      this.entryOf[node] = entry;
    }
    for (const [word, child] of childMaps[0]!) this.roots.set(word, child);
    this.branches = Uint8Array.from(hasNext);
    let span = 1;
    while (span <= this.contIds.size) span *= 2;
    this.idSpan = span;
    if (this.entryOf.length * span >= 2 ** 31) throw new Error('word trie too large for 31-bit edge keys');
    let edges = 0;
    for (let node = 1; node < childMaps.length; node++) edges += childMaps[node]!.size;
    let bits = 4;
    while (1 << bits < 2 * edges) bits++; // at most half full: probes stay short
    this.edgeKey = new Int32Array(1 << bits);
    this.edgeChild = new Int32Array(1 << bits);
    this.edgeMask = (1 << bits) - 1;
    this.edgeShift = 32 - bits;
    for (let node = 1; node < childMaps.length; node++) {
      for (const [word, child] of childMaps[node]!) {
        const key = node * span + this.contIds.get(word)!;
        let s = slotOfKey(key, this.edgeShift);
        while (this.edgeKey[s] !== 0) s = (s + 1) & this.edgeMask;
        this.edgeKey[s] = key;
        this.edgeChild[s] = child;
      }
    }
  }

  /** The level-one node of phrases starting with `word`, or NO_NODE. */
  root(word: string): number {
    return this.roots.get(word) ?? NO_NODE;
  }

  /** The continuation id of `word` (0 when it continues no phrase: no child lookup can succeed). */
  contId(word: string): number {
    return this.contIds.get(word) ?? 0;
  }

  /** Whether some longer phrase continues past `node`. */
  branchesAt(node: number): boolean {
    return this.branches[node] === 1;
  }

  /** The child of `node` along the word of continuation id `id` (> 0), or NO_NODE. */
  child(node: number, id: number): number {
    const key = node * this.idSpan + id;
    const keys = this.edgeKey;
    const mask = this.edgeMask;
    for (let s = slotOfKey(key, this.edgeShift); ; s = (s + 1) & mask) {
      const k = keys[s]!;
      if (k === key) return this.edgeChild[s]!;
      if (k === 0) return NO_NODE;
    }
  }

  /** The entry of the phrase ending at `node`, if one does. */
  entry(node: number): E | undefined {
    return this.entryOf[node];
  }

  /** The words that occur past the first level of some phrase. */
  continuations(): IterableIterator<string> {
    return this.contIds.keys();
  }
}

/** Multiplicative (Fibonacci) hashing of an edge key: the top bits of key × 2^32/φ. */
function slotOfKey(key: number, shift: number): number {
  return Math.imul(key, 0x9e3779b1) >>> shift;
}
