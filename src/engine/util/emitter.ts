import type { Disposable } from './disposable';

/** A subscription function, same shape as `vscode.Event<T>`. */
export type Event<T> = (listener: (e: T) => void) => Disposable;

/**
 * A minimal typed event emitter for the engine (which may not import `vscode`). A listener that
 * throws does not stop the others; its error goes to `onListenerError`.
 */
export class Emitter<T> implements Disposable {
  private listeners = new Set<(e: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  /** Subscribe to the event. */
  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch (e) {
        this.onListenerError(e);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
