import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_SERVERS } from '../../../src/engine/catalog/knownServers';
import { ConnectionManager } from '../../../src/mcp/connectionManager';
import { classifyServers } from '../../../src/mcp/serverClassifier';
import { scopeTools } from '../../../src/mcp/toolScoping';
import type { ToolDescriptor } from '../../../src/engine/tools/toolGateway';
import { FAST_POLICY, bin, orphanWatch, stdioServer, trackUnhandledRejections } from './mcpTestSupport';

describe('classification and scoping of real npm servers', function () {
  this.timeout(60_000);
  const rejections = trackUnhandledRejections();
  const orphans = orphanWatch();
  let dir: string;
  let m: ConnectionManager;

  before(() => {
    orphans.start();
    dir = mkdtempSync(join(tmpdir(), 'strata-mcp-class-'));
    m = new ConnectionManager({
      policy: FAST_POLICY,
      servers: [
        stdioServer('everything', bin('mcp-server-everything')),
        stdioServer('files', bin('mcp-server-filesystem'), [dir]),
        stdioServer('kb', bin('mcp-server-memory'), [], { transport: { kind: 'stdio', command: bin('mcp-server-memory'), args: [], env: { MEMORY_FILE_PATH: join(dir, 'm.jsonl') } } }),
      ],
    });
  });

  after(async () => {
    m.dispose();
    rmSync(dir, { recursive: true, force: true });
    await orphans.assertNone();
    rejections.stop();
    rejections.check();
  });

  it('classifies by KB command match, leaves server-everything unassigned, and scopes tools per persona', async () => {
    const listed = await m.listAllTools();
    const tools = new Map<string, readonly ToolDescriptor[]>();
    for (const [name, r] of listed) if (Array.isArray(r)) tools.set(name, r);
    assert.equal(tools.size, 3);
    const assignable = classifyServers(m.servers(), { knownServers: BUILTIN_SERVERS, tools });
    const by = new Map(assignable.map((a) => [a.name, a]));
    assert.deepEqual(by.get('files')!.classification, { kind: 'known', knownId: 'filesystem', matchedBy: 'command "mcp-server-filesystem"' });
    assert.equal(by.get('kb')!.classification.kind, 'known');
    assert.deepEqual(by.get('kb')!.capabilities, ['memory']);
    assert.equal(by.get('everything')!.classification.kind, 'unassigned', JSON.stringify(by.get('everything')!.classification));
    assert.ok((by.get('files')!.toolCount ?? 0) > 5);

    const report = scopeTools({ assignments: { 'backend-developer': ['files'], 'system-overseer': ['kb'] }, tools });
    for (const s of report.scopes) assert.ok(s.tools.length <= 128 && s.tools.length > 0);
    assert.ok(report.meanTokenReduction > 0.3, report.summary);
    console.log(`      scoping: ${report.summary}`);
  });
});
