/** Counters of a {@link LruCache}. */
export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  /** Entries held now. */
  readonly size: number;
  /** Most entries ever held. */
  readonly capacity: number;
}

/**
 * A bounded least-recently-used cache with hit/miss/eviction counters. A `Map` keeps insertion
 * order, so re-inserting on a hit makes the first key the least recently used: O(1) everywhere.
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  /** @param capacity most entries held; 0 disables caching (every lookup misses). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`cache capacity must be a non-negative integer, got ${capacity}`);
  }

  /** The value for `key`, marking it most recently used; counts a hit or a miss. */
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  /** Counts a miss without a lookup (a disabled cache: the caller skips building the key). */
  countMiss(): void {
    this.misses++;
  }

  /** Stores `value`, evicting the least recently used entry when full. */
  set(key: string, value: V): void {
    if (this.capacity === 0) return;
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.evictions++;
    }
    this.map.set(key, value);
  }

  /** Whether `key` is cached (does not count or reorder). */
  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Drops every entry; counters keep counting. */
  clear(): void {
    this.map.clear();
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions, size: this.map.size, capacity: this.capacity };
  }
}

const FOLDABLE_SPACE = /\s\s|[^\S ]/;

/**
 * Normalises a task text for cache keys: trimmed, whitespace runs folded to one space,
 * case-folded. Two texts that differ only in these ways share a plan (whose `task` and evidence
 * spans are those of the text it was first computed from).
 */
export function normalizeTaskText(task: string): string {
  // Most texts are already single-spaced: skip the replace (and its copy) unless there is a run
  // of whitespace or a whitespace character other than a space.
  const t = task.trim();
  return (FOLDABLE_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}
