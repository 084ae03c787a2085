// The language-model tool agent mode calls (`strata_coordinate`), invoked through VS Code's own
// vscode.lm API as agent mode would, plus the chat participant's declaration.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { strataApi, strataExtension } from './strataHost';

const text = (r: vscode.LanguageModelToolResult) =>
  r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');

describe('language-model tool and chat participant', () => {
  before(async () => {
    await strataApi();
  });

  it('registers strata_coordinate with the input schema package.json declares', () => {
    const tool = vscode.lm.tools.find((t) => t.name === 'strata_coordinate');
    assert.ok(tool, `strata_coordinate is not registered; tools: ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
    const schema = tool.inputSchema as { properties?: Record<string, unknown>; required?: string[] } | undefined;
    assert.ok(schema?.properties?.task, 'the tool has no "task" input');
  });

  it('plans a task when invoked through vscode.lm.invokeTool', async () => {
    const r = await vscode.lm.invokeTool('strata_coordinate', {
      input: { task: 'Add OAuth login to the API, a settings page and end-to-end tests' },
      toolInvocationToken: undefined,
    });
    const t = text(r);
    assert.match(t, /L0/, `no cascade in: ${t}`);
    assert.match(t, /low|medium|high|extreme/i, `no complexity in: ${t}`);
  });

  it('answers bad input with a message the model can act on', async () => {
    const r = await vscode.lm.invokeTool('strata_coordinate', { input: { task: '   ' }, toolInvocationToken: undefined });
    assert.match(text(r), /task/i);
    assert.match(text(r), /Invalid input|must not be empty/i);
  });

  it('declares the @strata chat participant', () => {
    const pkg = strataExtension().packageJSON as { contributes: { chatParticipants?: { id: string; name: string }[] } };
    const p = pkg.contributes.chatParticipants?.find((c) => c.id === 'strata.coordinator');
    assert.ok(p, 'no chat participant strata.coordinator in package.json');
    assert.strictEqual(p.name, 'strata');
  });
});
