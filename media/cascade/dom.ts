/**
 * Tiny DOM helpers for the cascade webview. Every string goes in through `textContent` (never
 * `innerHTML`), so task text, server output and tool schemas always render as text.
 */

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false | null;

/** Creates an element with attributes (strings set via setAttribute) and children (strings → text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'style' || k.startsWith('on')) throw new Error(`refusing inline attribute ${k}`); // CSP: no inline style/script
    e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === undefined || c === false || c === null) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

/** Lower-case slug (same rule as the host's `slug`). */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A percentage text, `0.734` → `73%`. */
export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
