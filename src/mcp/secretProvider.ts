/** A `${input:id}` declaration from VS Code's mcp.json `inputs`. */
export interface InputDefinition {
  readonly id: string;
  readonly type: 'promptString' | 'pickString' | 'command';
  readonly description?: string;
  readonly password?: boolean;
  readonly default?: string;
  readonly options?: readonly string[];
}

/**
 * Where `${input:id}` values come from. The extension implements it with SecretStorage plus an
 * input box; tests use {@link InMemorySecretProvider}. The engine never sees the values' storage.
 */
export interface SecretProvider {
  /** A value stored earlier, or undefined. */
  get(key: string): Promise<string | undefined>;
  /** Asks the user once and stores the answer under `key`; undefined when the user declined. */
  prompt(key: string, input: InputDefinition): Promise<string | undefined>;
}

/** Secret provider for tests and the CLI: stored values plus scripted answers; counts prompts. */
export class InMemorySecretProvider implements SecretProvider {
  readonly stored = new Map<string, string>();
  /** Keys the provider was asked to prompt for, in order. */
  readonly prompted: string[] = [];

  constructor(private readonly answers: Readonly<Record<string, string | undefined>> = {}) {}

  async get(key: string): Promise<string | undefined> {
    return this.stored.get(key);
  }

  async prompt(key: string, input: InputDefinition): Promise<string | undefined> {
    this.prompted.push(key);
    const answer = key in this.answers ? this.answers[key] : this.answers[input.id] ?? input.default;
    if (answer !== undefined) this.stored.set(key, answer);
    return answer;
  }
}
