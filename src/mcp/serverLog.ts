/** Where a server's stderr and connection events go (the extension maps it to an OutputChannel). */
export interface ServerLogSink {
  /** One line of output for the named server. `stream` is `stderr` for the server's own output. */
  append(server: string, stream: 'stderr' | 'event', line: string): void;
}

/** A sink that keeps the last `capacity` lines per server in memory (tests, status tooltips). */
export class MemoryLogSink implements ServerLogSink {
  private readonly lines = new Map<string, string[]>();

  constructor(private readonly capacity = 200) {}

  append(server: string, stream: 'stderr' | 'event', line: string): void {
    const list = this.lines.get(server) ?? [];
    list.push(`[${stream}] ${line}`);
    if (list.length > this.capacity) list.splice(0, list.length - this.capacity);
    this.lines.set(server, list);
  }

  /** Lines recorded for one server, oldest first. */
  get(server: string): readonly string[] {
    return this.lines.get(server) ?? [];
  }
}

/** A sink that drops everything. */
export const NULL_LOG_SINK: ServerLogSink = { append: () => undefined };
