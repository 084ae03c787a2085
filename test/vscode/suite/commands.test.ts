// Every command in package.json is registered, and every registered strata.* command is declared.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { strataApi, strataExtension } from './strataHost';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus?: Record<string, { command?: string; submenu?: string }[]>;
    views?: Record<string, { id: string }[]>;
  };
}

describe('commands', () => {
  before(async () => {
    await strataApi();
  });

  it('registers every command that package.json contributes', async () => {
    const manifest = strataExtension().packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('declares every strata.* command it registers', async () => {
    const manifest = strataExtension().packageJSON as Manifest;
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    // VS Code itself registers `<viewId>.focus`, `.open`, `.toggleVisibility`… for every view.
    const viewIds = Object.values(manifest.contributes.views ?? {}).flat().map((v) => v.id);
    const isViewCommand = (c: string) => viewIds.some((v) => c.startsWith(`${v}.`));
    const undeclared = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('strata.') && !declared.has(c) && !isViewCommand(c));
    assert.deepStrictEqual(undeclared, [], `registered but not declared: ${undeclared.join(', ')}`);
  });

  it('gives every command a title in the Strata category, and menus point at declared commands', () => {
    const manifest = strataExtension().packageJSON as Manifest;
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const c of manifest.contributes.commands) {
      assert.ok(c.title.trim(), `${c.command} has no title`);
      assert.strictEqual(c.category, 'Strata', `${c.command} is not in the Strata category`);
    }
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const i of items) if (i.command) assert.ok(declared.has(i.command), `menu ${menu} uses undeclared ${i.command}`);
    }
    assert.ok(declared.has('strata.coordinateTask'));
  });
});
