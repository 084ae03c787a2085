/**
 * The features of the learned complexity check (complexityModel.ts): what the §4 rule decided, the
 * analyzer's findings, and the text's content words, word pairs and first word. The training script and
 * models other than the shipped one read them as strings; the shipped model's fast path reads the same
 * weights without building the strings (a test checks that the two agree).
 */
import type { Analysis } from '../analysis/analysisTypes';
import { scratchTokensOf } from '../analysis/tokenize';
import type { ComplexityResult } from './complexity';

// Function words carry no information about the size of a task; leaving them out keeps the model small.
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'is', 'be', 'it', 'that', 'this', 'we', 'our', 'as', 'at',
  'by', 'from', 'are', 'was', 'i', 'so', 'can', 'if', 'not', 'but', 'all', 'any', 'some', 'its', 'into', 'when', 'which', 'will', 'should', 'would',
  'there', 'their', 'they', 'have', 'has', 'do', 'does', 'you', 'your', 'my', 'me', 'us', 'them', 'these', 'those', 'also', 'than', 'then']);

type FindingInput = Pick<Analysis, 'signals' | 'concerns' | 'areas' | 'strategy' | 'liveOps'>;

/** Whether a word yields a word feature (`w:<stem>`): not a function word, a single letter or a number. */
export function isContentWord(stem: string, lower: string): boolean {
  return stem.length > 1 && !STOP.has(lower) && !/^\d+$/.test(stem);
}

/**
 * The analyzer's findings as features: scope signals (and whether their evidence weighs 2 or more),
 * concerns, areas, a catalogue technology among the area evidence, the strategy kind, a live
 * operation, and the length in three bands. `nTokens` is the task's token count.
 */
export function findingFeatures(a: FindingInput, nTokens: number): string[] {
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

/**
 * The model's features of an analysis and the rule's result for it. Shared by the training script and
 * {@link learnedComplexity}, so both see exactly the same features:
 * - `rc:<class>` and `rule:<id>`: what the §4 rule decided and why;
 * - `f:<finding>`: the analyzer's findings (signals, areas, concerns, strategy, live, length; `findingFeatures`);
 * - `w:<stem>` and `b:<stem> <stem>`: content words and adjacent content-word pairs (a space, which no stem holds, between them);
 * - `first:<stem>`: the first word (titles open with their verb: "Fix", "Add", "Migrate" …);
 * - `na:<n>`: areas counted (4 means four or more); `len:<n>`: token count in steps of four (6: 24 or more).
 */
export function complexityFeatures(a: Analysis, rule: ComplexityResult): string[] {
  const out: string[] = [`rc:${rule.complexity}`];
  for (const r of rule.rules) out.push(`rule:${r}`);
  // Scratch tokens: only their stems are read, before anything else tokenises.
  const toks = scratchTokensOf(a.task);
  const n = toks.length;
  for (const f of findingFeatures(a, n)) out.push(`f:${f}`);
  let prev = '';
  for (const t of toks) {
    if (!isContentWord(t.stem, t.lower)) continue;
    const s = t.stem;
    out.push(`w:${s}`);
    if (prev !== '') out.push(`b:${prev} ${s}`);
    prev = s;
  }
  if (n > 0) out.push(`first:${toks[0]!.stem}`);
  out.push(`na:${Math.min(rule.areaCount, 4)}`, `len:${Math.min(Math.floor(n / 4), 6)}`);
  return out;
}
