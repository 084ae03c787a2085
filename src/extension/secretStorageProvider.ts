import * as vscode from 'vscode';
import type { InputDefinition, SecretProvider } from '../mcp/secretProvider';
import type { Redactor } from './redaction';

/**
 * `${input:id}` values for MCP configs: asked once (password box for `password: true`, a quick
 * pick for `pickString`) and kept in VS Code's SecretStorage. Every value read or typed is
 * registered with the log redactor so it can never appear in a log.
 */
export class SecretStorageProvider implements SecretProvider {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly redactor: Redactor,
  ) {}

  private storageKey(key: string): string {
    return `strata.mcp.input.${key}`;
  }

  async get(key: string): Promise<string | undefined> {
    const v = await this.secrets.get(this.storageKey(key));
    this.redactor.addSecret(v);
    return v;
  }

  async prompt(key: string, input: InputDefinition): Promise<string | undefined> {
    let value: string | undefined;
    const title = `Strata: MCP input "${input.id}"`;
    switch (input.type) {
      case 'pickString':
        value = await vscode.window.showQuickPick([...(input.options ?? [])], { title, placeHolder: input.description ?? input.id, ignoreFocusOut: true });
        break;
      case 'promptString':
      case 'command': // a command input cannot be run outside VS Code's own MCP support: ask for the value
        value = await vscode.window.showInputBox({
          title,
          prompt: input.description ?? `Value for \${input:${input.id}}`,
          password: input.password ?? false,
          value: input.password ? undefined : input.default,
          ignoreFocusOut: true,
        });
        break;
      default: {
        const never: never = input.type;
        return never;
      }
    }
    if (value === undefined) return undefined;
    this.redactor.addSecret(value);
    await this.secrets.store(this.storageKey(key), value);
    return value;
  }
}
