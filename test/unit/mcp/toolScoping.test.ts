import { strict as assert } from 'node:assert';
import type { ToolDescriptor } from '../../../src/engine/tools/toolGateway';
import { estimateToolTokens, scopeTools } from '../../../src/mcp/toolScoping';

const tools = (server: string, n: number): ToolDescriptor[] =>
  Array.from({ length: n }, (_, i) => ({ server, name: `${server}_tool_${i}`, description: 'Does a thing with some detail', inputSchema: { type: 'object', properties: { a: { type: 'string' } } } }));

describe('tool scoping', () => {
  it('estimates tokens as chars/4 of name + description + schema', () => {
    const t: ToolDescriptor = { server: 's', name: 'abcd', description: 'efgh', inputSchema: {} };
    assert.equal(estimateToolTokens(t), Math.ceil((4 + 4 + 2) / 4));
  });

  it('gives each persona only its assigned servers, reports the reduction', () => {
    const all = new Map([['fs', tools('fs', 10)], ['git', tools('git', 20)], ['db', tools('db', 30)], ['mem', tools('mem', 5)]]);
    const r = scopeTools({ assignments: { 'backend-developer': ['fs', 'git'], 'system-overseer': ['mem', 'ghost'] }, tools: all });
    const be = r.scopes.find((s) => s.persona === 'backend-developer')!;
    assert.equal(be.tools.length, 30);
    assert.ok(be.tools.every((t) => t.server === 'fs' || t.server === 'git'));
    const so = r.scopes.find((s) => s.persona === 'system-overseer')!;
    assert.deepEqual(so.missingServers, ['ghost']);
    assert.equal(r.allTools, 65);
    assert.ok(r.meanTokenReduction > 0.5 && r.meanTokenReduction < 1);
    assert.match(r.summary, /2 persona\(s\).*65 tools/);
  });

  it('never exposes more than 128 tools and spreads the cap round-robin over servers', () => {
    const all = new Map([['a', tools('a', 100)], ['b', tools('b', 100)], ['c', tools('c', 3)]]);
    const r = scopeTools({ assignments: new Map([['p', ['a', 'b', 'c']]]), tools: all });
    const p = r.scopes[0]!;
    assert.equal(p.tools.length, 128);
    assert.equal(p.tools.filter((t) => t.server === 'c').length, 3);
    assert.equal(p.excluded.filter((e) => e.reason === 'tool-cap').length, 203 - 128);
    assert.match(r.summary, /exceeds the 128-tool limit/);
  });

  it('applies the user tool allow-list per server', () => {
    const all = new Map([['a', tools('a', 4)]]);
    const r = scopeTools({ assignments: { p: ['a'] }, tools: all, toolAllowList: { a: ['a_tool_1'] } });
    assert.deepEqual(r.scopes[0]!.tools.map((t) => t.name), ['a_tool_1']);
    assert.equal(r.scopes[0]!.excluded.length, 3);
  });
});
