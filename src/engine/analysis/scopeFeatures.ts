import type { Analysis } from './analysisTypes';
import { tokenize, type Token } from './tokenize';

// Function words carry no scope information; leaving them out keeps the model small.
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'be', 'it', 'that', 'this', 'we', 'our', 'as', 'at',
  'by', 'from', 'are', 'was', 'i', 'so', 'can', 'if', 'not', 'but', 'all', 'any', 'some', 'its', 'into', 'when', 'which', 'will', 'should', 'would',
  'there', 'their', 'they', 'have', 'has', 'do', 'does', 'you', 'your', 'my', 'me', 'us', 'them', 'these', 'those', 'also', 'than', 'then']);

type ScopeInput = Pick<Analysis, 'task' | 'signals' | 'concerns' | 'areas' | 'strategy' | 'liveOps'>;

/** Whether a token yields a word feature (`w:<stem>`). */
export function isWordFeature(t: Token): boolean {
  return t.stem.length > 1 && !STOP.has(t.lower) && !/^\d+$/.test(t.stem);
}

/**
 * Features of the one-area scope model (ROUTING §4 "substantial scope"): the text's word stems plus
 * the analyzer's own findings (cue signals, concerns, areas, strategy, user-story framing, length).
 * Shared by the training script and the analyzer so both see exactly the same features.
 */
export function scopeFeatures(a: ScopeInput): string[] {
  const out = new Set<string>();
  const toks = tokenize(a.task);
  for (const t of toks) if (isWordFeature(t)) out.add(`w:${t.stem}`);
  for (const f of findingFeatures(a, toks.length)) out.add(f);
  return [...out];
}

/**
 * The non-word features, in the order {@link scopeFeatures} lists them (they never collide with
 * word features, which all start with `w:`). `nTokens` is the task's token count.
 */
export function findingFeatures(a: ScopeInput, nTokens: number): string[] {
  const out = new Set<string>();
  for (const s of a.signals) {
    let w = 0;
    for (const e of s.evidence) w += e.weight;
    out.add(`sig:${s.kind}`);
    if (w >= 2) out.add(`sig:${s.kind}:2+`);
  }
  for (const c of a.concerns) out.add(`concern:${c.concern}`);
  for (const x of a.areas) out.add(`area:${x.area}`);
  if (a.areas.some((x) => x.evidence.some((e) => e.rule.startsWith('lexicon:')))) out.add('tech:catalogue');
  out.add(`strategy:${a.strategy.kind}`);
  if (a.liveOps.live) out.add('live');
  const n = nTokens;
  out.add(n <= 6 ? 'len:short' : n <= 15 ? 'len:mid' : 'len:long');
  return [...out];
}
