// Activation inside a real VS Code 1.100.3: the extension loads from the development path, activates
// without error, exposes its API, and starts no MCP server by merely activating.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { strataApi, strataExtension, workspaceDir } from './strataHost';

describe('activation', () => {
  it('runs in VS Code 1.100.3 with the temporary workspace trusted', () => {
    assert.strictEqual(vscode.version, '1.100.3');
    assert.ok(workspaceDir().length > 0);
    // The runner starts the server with --disable-workspace-trust: trust "disabled" means trusted,
    // so the workspace's .vscode/mcp.json may start servers.
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });

  it('activates and returns its API', async () => {
    const ext = strataExtension();
    const started = Date.now();
    const api = await strataApi();
    console.log(`[strata-test] activation (or wait for it) took ${Date.now() - started} ms`);
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual((ext.packageJSON as { main: string }).main, './dist/extension.js');
    assert.ok(Array.isArray(api.coordinator.sessions()));
  });

  it('reads the workspace .vscode/mcp.json (everything, filesystem, memory) without starting them', async () => {
    const { coordinator } = await strataApi();
    await coordinator.ready();
    const names = coordinator.servers().map((s) => s.name).sort();
    for (const n of ['everything', 'filesystem', 'memory']) assert.ok(names.includes(n), `server "${n}" not imported; servers: ${names.join(', ')}`);
    // Servers start lazily: reading the configuration starts none of them.
    const started = coordinator.servers().filter((s) => s.state !== 'stopped');
    assert.deepStrictEqual(started.map((s) => `${s.name}=${s.state}`), [], 'activation or import started a server');
  });
});
