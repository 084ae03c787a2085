/**
 * Fast, deterministic, non-cryptographic hashing for cache keys, fingerprints and plan ids.
 * Plan construction sits on a hot path (p99 < 50 µs per task), so this is a pure-JS 64-bit
 * FNV-1a variant (two 32-bit lanes) instead of `node:crypto`: no allocation beyond the result,
 * and it runs anywhere the engine runs. Not for security: collisions are merely unlikely.
 */

/** Hashes a string to 16 lowercase hex characters. Same input, same output, on every platform. */
export function hashString(text: string): string {
  return hashJoined([text]);
}

/**
 * `hashString(parts.join('\u0000'))` without building the joined string: hashing a concatenation
 * first flattens it (a copy), which cost more than the hash itself on the plan-id path.
 */
export function hashJoined(parts: readonly string[]): string {
  // Two independent FNV-1a lanes with different offset bases give 64 bits of spread.
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      // The separator, U+0000.
      h1 = Math.imul(h1, 0x01000193);
      h2 = Math.imul(h2, 0x01000193) ^ (h1 >>> 15);
    }
    const text = parts[p]!;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
    }
  }
  // Final avalanche so short inputs that differ in one character differ in every hex digit.
  // (In its own function: inline after the loop, V8's on-stack-optimised loop code deoptimised
  // there about once every ten plans.)
  return hex8(fmix(h1)) + hex8(fmix(h2));
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Two hex digits per byte, looked up: Number#toString(16) is a runtime call and showed up at ~3 %
// of a whole plan's time (every plan id is a hash).
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex8(h: number): string {
  return BYTE_HEX[h >>> 24]! + BYTE_HEX[(h >>> 16) & 255]! + BYTE_HEX[(h >>> 8) & 255]! + BYTE_HEX[h & 255]!;
}

/**
 * JSON with object keys sorted at every depth, so two structurally equal values serialise the
 * same however their keys were inserted (an override file may list fields in any order).
 * `undefined` members are dropped, as `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Stable hash of any JSON-like value (key order does not matter). */
export function hashValue(value: unknown): string {
  return hashString(canonicalJson(value));
}
