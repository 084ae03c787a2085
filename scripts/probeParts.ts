/**
 * The probe sets of eval/probe/ (see its README): which file, which ids, whether a person has read those
 * texts while writing rules, and which pooled held-out line they join. Shared by `scripts/evalProbes.ts`
 * and `scripts/trainComplexityModel.ts`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalRow } from '../src/engine/eval/metrics';

/** A probe file, which of its ids a line covers, and whether those texts have been read. */
export interface Part {
  readonly label: string;
  readonly file: string;
  readonly ids: 'all' | 'odd' | 'even';
  readonly read: boolean;
  /** Which pooled held-out line a never-read real-text part joins: labels from the contract alone, or calibrated on the dev labels. */
  readonly pool?: 'contract' | 'calibrated' | 'fresh' | 'late' | 'eighth' | 'end8' | 'ninth' | 'tenth' | 'eleventh' | 'twelfth' | 'thirteenth';
}

export type Pool = NonNullable<Part['pool']>;
/** A dev-calibrated set read in halves: its odd ids read, its even ids held out in `pool`. */
function halves(n: number, pool: Pool): Part[] {
  return [
    { label: `probe ${n} odd ids (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'odd', read: true },
    { label: `probe ${n} even ids (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'even', read: false, pool },
  ];
}
/** A dev-calibrated set never read, held out whole in `pool`. */
function heldOut(n: number, pool: Pool): Part {
  return { label: `probe ${n} (dev-calibrated)`, file: `tasks.probe${n}.jsonl`, ids: 'all', read: false, pool };
}

/** Where the probe files are. */
export const PROBE_DIR = resolve(__dirname, '../eval/probe');
/** Every probe set or half, in the order `eval:probes` prints them. */
export const PARTS: readonly Part[] = [
  { label: 'probe 1 (written by a helper)', file: 'tasks.probe1.jsonl', ids: 'all', read: true },
  { label: 'probe 2 (written by a helper)', file: 'tasks.probe2.jsonl', ids: 'all', read: false },
  { label: 'probe 3 odd ids (written)', file: 'tasks.probe3.jsonl', ids: 'odd', read: true },
  { label: 'probe 3 even ids (written)', file: 'tasks.probe3.jsonl', ids: 'even', read: false },
  { label: 'probe 4 (real texts)', file: 'tasks.probe4.jsonl', ids: 'all', read: true },
  { label: 'probe 5 (real issue titles)', file: 'tasks.probe5.jsonl', ids: 'all', read: true },
  { label: 'probe 6 (real roadmap items)', file: 'tasks.probe6.jsonl', ids: 'all', read: true },
  { label: 'probe 7 (real issue titles)', file: 'tasks.probe7.jsonl', ids: 'all', read: false, pool: 'contract' },
  { label: 'probe 8 (real roadmap items)', file: 'tasks.probe8.jsonl', ids: 'all', read: false, pool: 'contract' },
  ...[9, 10, 11, 12].flatMap((n) => halves(n, 'calibrated')),
  heldOut(13, 'calibrated'),
  // Seventh session: four more dev-calibrated sets, collected from disjoint repository owners (a-e, f-l, m-r, s-z).
  ...[14, 15, 16, 17].flatMap((n) => halves(n, 'fresh')),
  // Commissioned at the end of the seventh session (shorter texts, about 60 % low: see the README); their odd ids
  // were read in the eighth pass.
  ...[18, 19, 20, 21].flatMap((n) => halves(n, 'late')),
  // Eighth session: four more sets from the same owner split, measured on arrival; odd ids read, even ids held out.
  ...[22, 23, 24, 25].flatMap((n) => halves(n, 'eighth')),
  // A fifth eighth-session set (f-l owners again, none of probe 23's repositories), arrived mid-pass; its odd ids
  // were read in the ninth pass, its even ids stay held out.
  ...halves(26, 'eighth'),
  // Collected after the eighth pass's main part (a-l and m-z owners, longer texts, closer to the dev set's length),
  // measured on arrival; then their odd ids were read in a last short part of the pass, their even ids held out.
  ...[27, 28].flatMap((n) => halves(n, 'end8')),
  // Ninth session: four sets asked to match the dev set's length (owners a-e, f-l, m-r, s-z), measured on arrival.
  // Probes 30 and 31 arrived first: their odd ids were read, their even ids are held out.
  ...[30, 31].flatMap((n) => halves(n, 'ninth')),
  // Probes 29 and 32 arrived at the end of the pass and were never read in it; the tenth pass read probe 29's odd
  // ids, its even ids and probe 32 stay held out.
  ...halves(29, 'ninth'),
  heldOut(32, 'ninth'),
  // Tenth session: four sets (owners a-e, f-l, m-r, s-z), queried from catalogue technologies and kinds of work
  // rather than generic phrases; they arrived during the pass. After the pass had been measured on them, a last
  // short part read probe 33's odd ids; its even ids and probes 34-36 were never read. The eleventh pass read probes
  // 34's and 36's odd ids.
  ...[33, 34, 36].flatMap((n) => halves(n, 'tenth')),
  heldOut(35, 'tenth'),
  // Eleventh session: four more sets on the same owner split, asked also for high and extreme kinds of work; they
  // arrived during the pass and were not read in it, until a short last part read probe 38's odd ids. The twelfth
  // pass read the odd ids of probes 37, 39 and 40.
  ...[37, 38, 39, 40].flatMap((n) => halves(n, 'eleventh')),
  // Twelfth session: four more sets (owners a-e, f-l, m-r, s-z), measured on arrival and never read.
  ...[41, 42, 43, 44].map((n) => heldOut(n, 'twelfth')),
  // Thirteenth session: four more sets (owners a-e, f-l, m-r, s-z), never read, and after the learned
  // complexity check's training range: the sets that measure it on texts it has not seen.
  ...[45, 46, 47, 48].map((n) => heldOut(n, 'thirteenth')),
];

/** The number in an id ("p4-017" → 17, "probe-003" → 3). */
export const idNumber = (id: string): number => Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN);

/** A labelled probe line: the fields `strata eval` reads, and the text. */
export type ProbeRow = EvalRow & { readonly task: string };

/** The labelled lines a part covers (all of its file, or its odd or even ids). */
export function partRows(part: Part): ProbeRow[] {
  return readFileSync(resolve(PROBE_DIR, part.file), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ProbeRow)
    .filter((r) => part.ids === 'all' || (idNumber(r.id) % 2 === 1) === (part.ids === 'odd'));
}

/**
 * The dev-calibrated probe sets the learned complexity check is trained on (with the dev set): probes 9 to
 * this number. Later sets are held out from it, so they measure it on texts it has not seen.
 */
export const COMPLEXITY_TRAINED_THROUGH = 44;

/** Whether a probe file is in the learned complexity check's training data (dev-calibrated, 9 … {@link COMPLEXITY_TRAINED_THROUGH}). */
export function inComplexityTraining(file: string): boolean {
  const n = Number(/^tasks\.probe(\d+)\.jsonl$/.exec(file)?.[1] ?? Number.NaN);
  return n >= 9 && n <= COMPLEXITY_TRAINED_THROUGH;
}
