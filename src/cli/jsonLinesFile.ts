import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from './cliArgs';

/**
 * Reads a JSON Lines file whole, skipping blank lines, and hands each parsed value with its
 * 1-based line number to `read`. A missing file or a line that is not JSON is a
 * {@link UsageError} naming the file and the line; `read` throws its own for content problems.
 */
export function readJsonLinesFile(file: string, what: string, read: (json: unknown, line: number) => void): void {
  if (!existsSync(file)) throw new UsageError(`${what} file not found: ${file}`);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new UsageError(`${file}: line ${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
    read(json, i + 1);
  }
}
