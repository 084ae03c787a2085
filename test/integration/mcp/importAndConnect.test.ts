import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMcpConfig } from '../../../src/mcp/configImport';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import { InMemorySecretProvider } from '../../../src/mcp/secretProvider';
import { ToolGatewayError } from '../../../src/engine/tools/toolGateway';
import { FAST_POLICY, ROOT, orphanWatch, trackUnhandledRejections } from './mcpTestSupport';

describe('config import → connection manager, end to end', function () {
  this.timeout(60_000);
  const rejections = trackUnhandledRejections();
  const orphans = orphanWatch();
  let root: string;
  let ws: string;
  let home: string;

  before(() => {
    orphans.start();
    root = mkdtempSync(join(tmpdir(), 'strata-mcp-e2e-'));
    ws = join(root, 'ws');
    home = join(root, 'home');
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    mkdirSync(join(home, '.config', 'Claude'), { recursive: true });
    writeFileSync(join(ws, 'notes.txt'), 'workspace file\n');
    writeFileSync(
      join(ws, '.vscode', 'mcp.json'),
      `{
  // JSONC as VS Code writes it
  "inputs": [{ "type": "promptString", "id": "mem-file", "description": "memory file name" }],
  "servers": {
    "files": { "type": "stdio", "command": "\${env:STRATA_BIN}/mcp-server-filesystem", "args": ["\${workspaceFolder}"] },
    "memory": { "command": "\${env:STRATA_BIN}/mcp-server-memory", "env": { "MEMORY_FILE_PATH": "\${workspaceFolder}/\${input:mem-file}" } },
  },
}`,
    );
    writeFileSync(join(home, '.config', 'Claude', 'claude_desktop_config.json'), JSON.stringify({ mcpServers: { everything: { command: '${STRATA_BIN}/mcp-server-everything' } } }));
  });

  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await orphans.assertNone();
    rejections.stop();
    rejections.check();
  });

  const environment = () => ({ workspaceFolder: ws, userHome: home, platform: process.platform, env: { STRATA_BIN: join(ROOT, 'node_modules', '.bin') } });

  it('imports VS Code + Claude Desktop configs and calls every server', async () => {
    const secrets = new InMemorySecretProvider({ 'mem-file': 'memory.jsonl' });
    const imported = await importMcpConfig({ environment: environment(), workspaceTrusted: true, secrets });
    assert.deepEqual(imported.diagnostics, []);
    assert.deepEqual(imported.servers.map((s) => s.name), ['files', 'memory', 'everything']);
    const m = new ConnectionManager({ servers: imported.servers, policy: FAST_POLICY });
    try {
      const read = await m.callTool('files', 'read_text_file', { path: join(ws, 'notes.txt') });
      assert.match(JSON.stringify(read.content), /workspace file/);
      await m.callTool('memory', 'create_entities', { entities: [{ name: 'e', entityType: 't', observations: ['o'] }] });
      const echo = await m.callTool('everything', 'echo', { message: 'claude desktop' });
      assert.deepEqual(echo.content, [{ type: 'text', text: 'Echo: claude desktop' }]);
      assert.equal(m.health.aggregate().text, 'MCP 3/3');
    } finally {
      await m.shutdown();
    }
  });

  it('in an untrusted workspace only the user-defined server starts', async () => {
    const secrets = new InMemorySecretProvider({ 'mem-file': 'memory.jsonl' });
    const imported = await importMcpConfig({ environment: environment(), workspaceTrusted: false, secrets });
    assert.deepEqual(secrets.prompted, []);
    const m = new ConnectionManager({ servers: imported.servers, policy: FAST_POLICY });
    try {
      await assert.rejects(m.listTools('files'), (e: unknown) => e instanceof ToolGatewayError && e.kind === 'not-allowed' && /not trusted/.test(e.message));
      assert.ok((await m.listTools('everything')).length > 5);
      assert.deepEqual([...m.pids().keys()], ['everything']);
    } finally {
      m.dispose();
    }
  });
});
