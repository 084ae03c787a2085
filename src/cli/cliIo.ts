import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Where a command reads and writes; `main` wires it to the process, tests may wire it elsewhere. */
export interface CliIo {
  /** Writes text to standard output as is; `false` means the stream is full (see `drained`). */
  readonly out: (text: string) => boolean | void;
  /** Writes text to standard error as is. */
  readonly err: (text: string) => void;
  readonly stdin: Readable;
  /** Resolves when standard output can take more (batch mode waits on it after a full write). */
  readonly drained?: () => Promise<void>;
}

/** The lines of a stream, without their line endings. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    rl.close();
  }
}
