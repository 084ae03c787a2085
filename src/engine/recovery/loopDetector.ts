import { LoopDetectedError } from './failure';

/** Canonical JSON (sorted keys) so `{a,b}` and `{b,a}` count as the same arguments. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Counts identical calls (server, tool, arguments) within one step attempt. */
export class LoopDetector {
  private readonly counts = new Map<string, number>();

  /** @param maxRepeats identical calls allowed; one more throws. */
  constructor(private readonly maxRepeats = 3) {}

  /** Records a call; throws {@link LoopDetectedError} when it repeats more than allowed. */
  record(server: string, tool: string, args: Record<string, unknown>): void {
    const key = `${server}\u0000${tool}\u0000${canonicalJson(args)}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n > this.maxRepeats) throw new LoopDetectedError(server, tool, n);
  }
}
