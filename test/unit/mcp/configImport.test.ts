import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importMcpConfig, type McpImportOptions } from '../../../src/mcp/configImport';
import { InMemorySecretProvider } from '../../../src/mcp/secretProvider';
import type { ConfiguredServer } from '../../../src/mcp/serverConfig';

/** A temp home + workspace with helpers to write config files. */
function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'strata-mcp-cfg-'));
  const home = join(root, 'home');
  const ws = join(root, 'ws');
  mkdirSync(home, { recursive: true });
  mkdirSync(ws, { recursive: true });
  const write = (path: string, content: string | object): string => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  const paths = {
    vscodeWs: join(ws, '.vscode', 'mcp.json'),
    mcpJson: join(ws, '.mcp.json'),
    cursorWs: join(ws, '.cursor', 'mcp.json'),
    rooWs: join(ws, '.roo', 'mcp.json'),
    vscodeUser: join(home, '.config', 'Code', 'User', 'mcp.json'),
    cursorUser: join(home, '.cursor', 'mcp.json'),
    cline: join(home, '.config', 'Code', 'User', 'globalStorage', 'saoudrizwan.claude-dev', 'settings', 'cline_mcp_settings.json'),
    rooUser: join(home, '.config', 'Code', 'User', 'globalStorage', 'rooveterinaryinc.roo-cline', 'settings', 'mcp_settings.json'),
    claude: join(home, '.config', 'Claude', 'claude_desktop_config.json'),
  };
  const options = (extra: Partial<McpImportOptions> = {}): McpImportOptions => ({
    environment: { workspaceFolder: ws, userHome: home, platform: 'linux', env: { HOME: home, TOKEN: 'tok-123', EMPTY: '' } },
    workspaceTrusted: true,
    ...extra,
  });
  return { root, home, ws, write, paths, options, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

const byName = (servers: readonly ConfiguredServer[], name: string): ConfiguredServer => {
  const s = servers.find((x) => x.name === name);
  assert.ok(s, `server ${name} imported (got ${servers.map((x) => x.name).join(', ')})`);
  return s;
};

describe('MCP config import', () => {
  let sb: ReturnType<typeof sandbox>;
  beforeEach(() => {
    sb = sandbox();
  });
  afterEach(() => sb.dispose());

  it('reads every dialect and normalises transports', async () => {
    sb.write(
      sb.paths.vscodeWs,
      `// VS Code's mcp.json is JSONC
{
  "servers": {
    "fs": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "\${workspaceFolder}"], },
    "gh": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" }, /* trailing comma next */
  },
}`,
    );
    sb.write(sb.paths.mcpJson, { mcpServers: { ctx7: { type: 'streamable-http', url: 'https://mcp.context7.com/mcp' } } });
    sb.write(sb.paths.cursorWs, { mcpServers: { old: { url: 'http://localhost:39150/sse', type: 'sse' } } });
    sb.write(sb.paths.rooWs, { mcpServers: { roo: { type: 'streamable-http', url: 'http://localhost:39151/mcp', alwaysAllow: ['a'], timeout: 30 } } });
    sb.write(sb.paths.cline, { mcpServers: { cline: { type: 'streamableHttp', url: 'http://localhost:39152/mcp', autoApprove: ['b'], disabled: true, timeout: 120 } } });
    sb.write(sb.paths.claude, { mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'], env: { A: 1 } } } });
    sb.write(sb.paths.cursorUser, { mcpServers: { nourl: { url: 'https://example.com/mcp' } } });
    sb.write(sb.paths.rooUser, { mcpServers: { rooUser: { command: 'uvx', args: ['mcp-server-git'], transportType: 'stdio' } } });
    sb.write(sb.paths.vscodeUser, { servers: { vsu: { command: 'mcp-server-fetch' } } });

    const r = await importMcpConfig(sb.options());
    assert.deepEqual(r.diagnostics, []);
    const fs = byName(r.servers, 'fs');
    assert.deepEqual(fs.transport, { kind: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', sb.ws], env: {}, cwd: sb.ws });
    assert.equal(fs.source.id, 'vscode-workspace');
    assert.deepEqual(byName(r.servers, 'gh').transport, { kind: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: {} });
    assert.equal(byName(r.servers, 'ctx7').transport.kind, 'http');
    assert.equal(byName(r.servers, 'old').transport.kind, 'sse');
    const roo = byName(r.servers, 'roo');
    assert.deepEqual(roo.autoApprove, ['a']);
    assert.equal(roo.timeoutMs, 30_000);
    const cline = byName(r.servers, 'cline');
    assert.equal(cline.transport.kind, 'http');
    assert.equal(cline.disabled, true);
    assert.equal(cline.startable, false);
    assert.match(cline.blockedReason ?? '', /disabled in Cline/);
    assert.deepEqual(cline.autoApprove, ['b']);
    assert.equal(cline.timeoutMs, 120_000);
    const mem = byName(r.servers, 'memory');
    assert.deepEqual(mem.transport, { kind: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'], env: { A: '1' }, cwd: undefined });
    assert.equal(mem.source.id, 'claude-desktop');
    assert.equal(byName(r.servers, 'nourl').transport.kind, 'http', 'url without type is http');
    assert.equal(byName(r.servers, 'rooUser').transport.kind, 'stdio');
    assert.equal(byName(r.servers, 'vsu').source.id, 'vscode-user');
    assert.equal(r.sources.filter((s) => s.found).length, 9);
  });

  it('finds Claude Desktop and VS Code folders per platform', async () => {
    const files = new Map<string, string>();
    const fs = { readFile: async (p: string) => files.get(p) };
    files.set('/Users/ann/Library/Application Support/Claude/claude_desktop_config.json', '{"mcpServers":{"mac":{"command":"x"}}}');
    files.set('C:\\Users\\ann\\AppData\\Roaming\\Claude\\claude_desktop_config.json', '{"mcpServers":{"win":{"command":"x"}}}');
    files.set('C:\\Users\\ann\\AppData\\Roaming\\Code\\User\\globalStorage\\saoudrizwan.claude-dev\\settings\\cline_mcp_settings.json', '{"mcpServers":{"wincline":{"command":"x"}}}');
    const mac = await importMcpConfig({ fs, workspaceTrusted: true, environment: { userHome: '/Users/ann', platform: 'darwin', env: {} } });
    assert.deepEqual(mac.servers.map((s) => s.name), ['mac']);
    const win = await importMcpConfig({ fs, workspaceTrusted: true, environment: { userHome: 'C:\\Users\\ann', platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' } } });
    assert.deepEqual(win.servers.map((s) => s.name).sort(), ['win', 'wincline']);
  });

  it('expands variables: workspaceFolder, userHome, env:X, X, X:-default, envFile', async () => {
    sb.write(join(sb.ws, '.env.mcp'), '# comment\nexport FROM_FILE=file-value\nOVERRIDDEN=file\nQUOTED="a b"\nbad line\n');
    sb.write(sb.paths.vscodeWs, {
      servers: {
        v: {
          command: '${userHome}/bin/server',
          args: ['${workspaceFolder}/src', '${env:TOKEN}', '${TOKEN}', '${MISSING:-fallback}', '${EMPTY:-dflt}', '${workspaceFolderBasename}'],
          env: { OVERRIDDEN: 'explicit', T: 'Bearer ${env:TOKEN}' },
          envFile: '.env.mcp',
        },
        h: { type: 'http', url: 'https://host/${TOKEN}/mcp', headers: { Authorization: 'Bearer ${env:TOKEN}' } },
      },
    });
    const r = await importMcpConfig(sb.options());
    const v = byName(r.servers, 'v');
    assert.equal(v.transport.kind, 'stdio');
    if (v.transport.kind !== 'stdio') return;
    assert.equal(v.transport.command, `${sb.home}/bin/server`);
    assert.deepEqual(v.transport.args, [`${sb.ws}/src`, 'tok-123', 'tok-123', 'fallback', 'dflt', 'ws']);
    assert.deepEqual(v.transport.env, { FROM_FILE: 'file-value', OVERRIDDEN: 'explicit', QUOTED: 'a b', T: 'Bearer tok-123' });
    const h = byName(r.servers, 'h');
    assert.deepEqual(h.transport, { kind: 'http', url: 'https://host/tok-123/mcp', headers: { Authorization: 'Bearer tok-123' } });
    // the malformed env-file line is reported, nothing else
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0]!.message, /malformed line\(s\) 5/);
    assert.equal(r.diagnostics[0]!.jsonPath, '$.servers.v.envFile');
  });

  it('reports unresolved variables with the JSON path', async () => {
    sb.write(sb.paths.mcpJson, { mcpServers: { u: { command: 'x', args: ['--key=${NOPE}'] } } });
    const r = await importMcpConfig(sb.options());
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0]!.jsonPath, '$.mcpServers.u.args[0]');
    assert.match(r.diagnostics[0]!.message, /\$\{NOPE\}/);
    assert.deepEqual((byName(r.servers, 'u').transport as { args: readonly string[] }).args, ['--key=']);
  });

  it('asks for ${input:id} once through the secret provider and reuses the stored value', async () => {
    sb.write(sb.paths.vscodeWs, {
      inputs: [{ type: 'promptString', id: 'gh-token', description: 'GitHub token', password: true }],
      servers: {
        a: { type: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: { Authorization: 'Bearer ${input:gh-token}' } },
        b: { command: 'github-mcp-server', env: { GITHUB_TOKEN: '${input:gh-token}' } },
      },
    });
    const secrets = new InMemorySecretProvider({ 'mcp.input.gh-token': 's3cret' });
    const r1 = await importMcpConfig(sb.options({ secrets }));
    assert.deepEqual(secrets.prompted, ['mcp.input.gh-token'], 'asked exactly once for two uses');
    assert.deepEqual(byName(r1.servers, 'a').transport, { kind: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: { Authorization: 'Bearer s3cret' } });
    assert.equal((byName(r1.servers, 'b').transport as { env: Record<string, string> }).env['GITHUB_TOKEN'], 's3cret');
    await importMcpConfig(sb.options({ secrets }));
    assert.equal(secrets.prompted.length, 1, 'stored value reused on the next import');
  });

  it('leaves a server unstartable when an input is declined or undeclared', async () => {
    sb.write(sb.paths.vscodeWs, {
      inputs: [{ type: 'promptString', id: 'key' }],
      servers: { a: { command: 'x', env: { K: '${input:key}' } }, b: { command: 'y', args: ['${input:ghost}'] } },
    });
    const r = await importMcpConfig(sb.options({ secrets: new InMemorySecretProvider({ key: undefined }) }));
    assert.equal(byName(r.servers, 'a').startable, false);
    assert.match(byName(r.servers, 'a').blockedReason ?? '', /input "key".*no value/);
    assert.equal(byName(r.servers, 'b').startable, false);
    assert.ok(r.diagnostics.some((d) => d.jsonPath === '$.servers.b' && /no input with id "ghost"/.test(d.message)));
  });

  it('reports bad JSON with file and line:column, and still loads every other source', async () => {
    sb.write(sb.paths.vscodeWs, '{\n  "servers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}');
    sb.write(sb.paths.claude, { mcpServers: { ok: { command: 'mcp-server-memory' } } });
    const r = await importMcpConfig(sb.options());
    assert.deepEqual(r.servers.map((s) => s.name), ['ok']);
    const d = r.diagnostics.find((x) => x.file === sb.paths.vscodeWs);
    assert.ok(d);
    assert.equal(d.severity, 'error');
    assert.equal(d.jsonPath, '$');
    assert.equal(d.line, 4);
    assert.equal(d.column, 5);
    assert.match(d.message, /invalid JSON/);
  });

  it('reports bad entries by JSON path and keeps the good entries of the same file', async () => {
    sb.write(sb.paths.cursorUser, {
      mcpServers: {
        good: { command: 'x' },
        noCmd: { args: ['a'] },
        badType: { type: 'websocket', url: 'ws://x' },
        badArgs: { command: 'x', args: 'not-an-array' },
        'odd name': { type: 'http' },
        badUrl: { url: 'notaurl' },
        notObj: 42,
      },
    });
    const r = await importMcpConfig(sb.options());
    assert.deepEqual(r.servers.map((s) => s.name).sort(), ['badUrl', 'good']);
    assert.equal(byName(r.servers, 'badUrl').startable, false);
    const paths = r.diagnostics.map((d) => d.jsonPath).sort();
    assert.deepEqual(paths, ['$.mcpServers.badArgs.args', '$.mcpServers.badType.type', '$.mcpServers.badUrl.url', '$.mcpServers.noCmd', '$.mcpServers.notObj', '$.mcpServers["odd name"].url']);
    assert.ok(r.diagnostics.every((d) => d.file === sb.paths.cursorUser));
    assert.match(r.diagnostics.find((d) => d.jsonPath.endsWith('badType.type'))!.message, /unknown transport type "websocket"/);
  });

  it('applies documented precedence: workspace over user, and reports every shadowed duplicate', async () => {
    sb.write(sb.paths.vscodeWs, { servers: { dup: { command: 'from-vscode-ws' } } });
    sb.write(sb.paths.mcpJson, { mcpServers: { dup: { command: 'from-mcp-json' } } });
    sb.write(sb.paths.claude, { mcpServers: { dup: { command: 'from-claude' }, solo: { command: 's' } } });
    sb.write(sb.paths.cline, { mcpServers: { solo: { command: 'cline-solo' } } });
    const r = await importMcpConfig(sb.options());
    assert.equal((byName(r.servers, 'dup').transport as { command: string }).command, 'from-vscode-ws');
    assert.equal((byName(r.servers, 'solo').transport as { command: string }).command, 'cline-solo', 'Cline precedes Claude Desktop in the user scope');
    assert.deepEqual(
      r.shadowed.map((s) => `${s.name}:${s.source.id}<${s.winner.id}`).sort(),
      ['dup:claude-desktop<vscode-workspace', 'dup:mcp-json-workspace<vscode-workspace', 'solo:claude-desktop<cline'],
    );
    assert.equal(r.diagnostics.filter((d) => /shadowed/.test(d.message)).length, 3);
  });

  it('puts Strata settings first within their scope and applies retrySafeTools', async () => {
    sb.write(sb.paths.vscodeWs, { servers: { s: { command: 'ws-file' } } });
    sb.write(sb.paths.claude, { mcpServers: { u: { command: 'claude' } } });
    const r = await importMcpConfig(
      sb.options({
        strataSettings: { workspace: { servers: { s: { command: 'strata-ws' } } }, user: { mcpServers: { u: { command: 'strata-user' } }, retrySafeTools: { u: ['search'] } } },
      }),
    );
    assert.equal((byName(r.servers, 's').transport as { command: string }).command, 'strata-ws');
    const u = byName(r.servers, 'u');
    assert.equal((u.transport as { command: string }).command, 'strata-user');
    assert.deepEqual(u.retrySafeTools, ['search']);
    const bad = await importMcpConfig(sb.options({ strataSettings: { user: { retrySafeTools: { u: 'all' } } } }));
    assert.ok(bad.diagnostics.some((d) => d.file === 'settings' && d.jsonPath === '$.retrySafeTools'));
  });

  it('does not start workspace-defined servers in an untrusted workspace, and does not prompt for them', async () => {
    sb.write(sb.paths.vscodeWs, { inputs: [{ type: 'promptString', id: 'k' }], servers: { ws: { command: 'x', env: { K: '${input:k}' } } } });
    sb.write(sb.paths.claude, { mcpServers: { user: { command: 'y' } } });
    const secrets = new InMemorySecretProvider({ k: 'v' });
    const r = await importMcpConfig(sb.options({ workspaceTrusted: false, secrets }));
    const ws = byName(r.servers, 'ws');
    assert.equal(ws.startable, false);
    assert.match(ws.blockedReason ?? '', /not trusted/);
    assert.equal(byName(r.servers, 'user').startable, true);
    assert.deepEqual(secrets.prompted, []);
  });

  it('with promptForInputs=false uses only stored values', async () => {
    sb.write(sb.paths.vscodeWs, { inputs: [{ type: 'promptString', id: 'k' }], servers: { a: { command: 'x', args: ['${input:k}'] } } });
    const secrets = new InMemorySecretProvider({ k: 'v' });
    const r = await importMcpConfig(sb.options({ secrets, promptForInputs: false }));
    assert.equal(byName(r.servers, 'a').startable, false);
    assert.deepEqual(secrets.prompted, []);
  });

  it('warns about a file with neither servers nor mcpServers and about a non-object root', async () => {
    sb.write(sb.paths.mcpJson, { tools: {} });
    sb.write(sb.paths.cursorWs, '[1,2]');
    const r = await importMcpConfig(sb.options());
    assert.equal(r.servers.length, 0);
    assert.ok(r.diagnostics.some((d) => d.file === sb.paths.mcpJson && d.severity === 'warning'));
    assert.ok(r.diagnostics.some((d) => d.file === sb.paths.cursorWs && /top level/.test(d.message)));
  });
});
