import { strict as assert } from 'node:assert';
import { BUILTIN_SERVERS } from '../../../src/engine/catalog/knownServers';
import type { ToolDescriptor } from '../../../src/engine/tools/toolGateway';
import { classifyFromTools, classifyServers, matchKnownServer } from '../../../src/mcp/serverClassifier';
import type { ConfiguredServer, ServerTransportConfig } from '../../../src/mcp/serverConfig';

const server = (name: string, transport: ServerTransportConfig, startable = true): ConfiguredServer => ({
  name,
  transport,
  source: { id: 't', label: 't', scope: 'user', file: 't' },
  disabled: false,
  autoApprove: [],
  startable,
  blockedReason: startable ? undefined : 'disabled',
});
const stdio = (command: string, ...args: string[]): ServerTransportConfig => ({ kind: 'stdio', command, args, env: {} });
const tool = (name: string, description = ''): ToolDescriptor => ({ server: 'x', name, description, inputSchema: { type: 'object' } });

describe('server classification', () => {
  it('matches the knowledge base by package, command, image and URL', () => {
    const cases: [ServerTransportConfig, string, RegExp][] = [
      [stdio('npx', '-y', '@modelcontextprotocol/server-filesystem@latest', '/src'), 'filesystem', /package/],
      [stdio('/usr/local/bin/github-mcp-server', 'stdio'), 'github', /command "github-mcp-server"/],
      [stdio('docker', 'run', '-i', '--rm', 'ghcr.io/github/github-mcp-server'), 'github', /image/],
      [{ kind: 'http', url: 'https://api.githubcopilot.com/mcp/', headers: {} }, 'github', /url/],
      [stdio('uvx', 'mcp-server-git', '--repository', '.'), 'git', /package "mcp-server-git"/],
      [stdio('npx', '-y', '@modelcontextprotocol/server-gitlab'), 'gitlab', /gitlab/],
      [stdio('C:\\tools\\mcp-server-kubernetes.cmd'), 'kubernetes', /command/],
      [{ kind: 'sse', url: 'https://mcp.atlassian.com/v1/sse', headers: {} }, 'atlassian', /url/],
    ];
    for (const [t, id, by] of cases) {
      const m = matchKnownServer(server('s', t), BUILTIN_SERVERS);
      assert.equal(m?.known.id, id, JSON.stringify(t));
      assert.match(m!.matchedBy, by);
    }
    assert.equal(matchKnownServer(server('s', stdio('node', 'my-own-server.js')), BUILTIN_SERVERS), undefined);
  });

  it('prefers the longest pattern (gitlab over git)', () => {
    assert.equal(matchKnownServer(server('s', stdio('mcp-server-gitlab')), BUILTIN_SERVERS)?.known.id, 'gitlab');
  });

  it('classifies unknown servers from tool names and descriptions', () => {
    const db = classifyFromTools([tool('run_query', 'Run a SQL query'), tool('list_tables', 'List tables in the database'), tool('describe_table', 'Describe a table schema')], BUILTIN_SERVERS);
    assert.ok(db);
    assert.ok(db.capabilities.includes('sql') && db.capabilities.includes('database'), db.reason);
    assert.deepEqual(db.layers, ['L3']);
    const k8s = classifyFromTools([tool('listPods', 'List pods in a namespace'), tool('getLogs', 'Pod logs'), tool('scaleDeployment', 'Scale a deployment')], BUILTIN_SERVERS);
    assert.ok(k8s?.capabilities.includes('kubernetes'));
    assert.ok(k8s!.layers.includes('L3') && k8s!.layers.includes('L4'));
    assert.equal(classifyFromTools([tool('echo', 'Echoes back the input'), tool('add', 'Adds two numbers'), tool('tiny', 'Returns a tiny image')], BUILTIN_SERVERS), undefined);
  });

  it('produces AssignableServers: override > KB > tools > unassigned, with availability', () => {
    const servers = [
      server('mem', stdio('npx', '@modelcontextprotocol/server-memory')),
      server('custom', stdio('node', 'db-tool.js')),
      server('mystery', stdio('node', 'mystery.js')),
      server('notyet', stdio('node', 'later.js')),
      server('forced', stdio('npx', '@modelcontextprotocol/server-memory')),
      server('off', stdio('mcp-server-fetch'), false),
    ];
    const tools = new Map<string, ToolDescriptor[]>([
      ['custom', [tool('run_query', 'SQL query'), tool('list_tables', 'tables')]],
      ['mystery', [tool('echo', 'echo'), tool('add', 'sum')]],
    ]);
    const out = classifyServers(servers, { knownServers: BUILTIN_SERVERS, tools, overrides: { forced: { knownId: 'sequential-thinking' } } });
    const by = new Map(out.map((s) => [s.name, s]));
    assert.deepEqual(by.get('mem')!.classification, { kind: 'known', knownId: 'memory', matchedBy: 'package "@modelcontextprotocol/server-memory" in the command line' });
    assert.deepEqual(by.get('mem')!.layers, ['L0', 'L1']);
    assert.equal(by.get('custom')!.classification.kind, 'tools');
    assert.equal(by.get('custom')!.toolCount, 2);
    assert.equal(by.get('mystery')!.classification.kind, 'unassigned');
    assert.deepEqual(by.get('mystery')!.capabilities, []);
    assert.match((by.get('notyet')!.classification as { reason: string }).reason, /tools not listed yet/);
    assert.equal(by.get('forced')!.classification.kind, 'override');
    assert.deepEqual(by.get('forced')!.capabilities, ['reasoning']);
    assert.equal(by.get('off')!.available, false);
    assert.equal(by.get('off')!.classification.kind, 'known');
  });
});
