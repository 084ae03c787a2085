import { strict as assert } from 'node:assert';
import { LruCache, normalizeTaskText } from '../../../src/engine/cache/planCache';
import { canonicalJson, hashString, hashValue } from '../../../src/engine/cache/stableHash';

describe('LRU cache', () => {
  it('counts hits and misses and evicts the least recently used entry', () => {
    const c = new LruCache<number>(2);
    assert.equal(c.get('a'), undefined);
    c.set('a', 1);
    c.set('b', 2);
    assert.equal(c.get('a'), 1); // a is now most recent
    c.set('c', 3); // evicts b
    assert.equal(c.has('b'), false);
    assert.equal(c.get('a'), 1);
    assert.equal(c.get('c'), 3);
    assert.deepEqual(c.stats(), { hits: 3, misses: 1, evictions: 1, size: 2, capacity: 2 });
  });

  it('stays bounded under many inserts', () => {
    const c = new LruCache<number>(100);
    for (let i = 0; i < 1000; i++) c.set(`k${i}`, i);
    assert.equal(c.stats().size, 100);
    assert.equal(c.stats().evictions, 900);
    assert.equal(c.get('k999'), 999);
    assert.equal(c.get('k899'), undefined);
  });

  it('re-setting a key neither grows nor evicts; capacity 0 caches nothing', () => {
    const c = new LruCache<number>(1);
    c.set('a', 1);
    c.set('a', 2);
    assert.deepEqual(c.stats(), { hits: 0, misses: 0, evictions: 0, size: 1, capacity: 1 });
    const off = new LruCache<number>(0);
    off.set('a', 1);
    assert.equal(off.get('a'), undefined);
    assert.throws(() => new LruCache<number>(-1), /non-negative integer/);
  });

  it('normalises task text by trimming, folding whitespace and case', () => {
    assert.equal(normalizeTaskText('  Add   OAuth\tlogin\n'), 'add oauth login');
  });
});

describe('stable hashing', () => {
  it('is deterministic, 16 hex digits, and sensitive to one character', () => {
    assert.match(hashString('abc'), /^[0-9a-f]{16}$/);
    assert.equal(hashString('abc'), hashString('abc'));
    assert.notEqual(hashString('abc'), hashString('abd'));
    assert.notEqual(hashString(''), hashString(' '));
  });

  it('canonical JSON ignores key order and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] }), '{"a":[1,{"d":2}],"b":1}');
    assert.equal(hashValue({ x: 1, y: 2 }), hashValue({ y: 2, x: 1 }));
  });
});
