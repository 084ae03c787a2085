import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseJsonc, stripJsonc } from '../../../src/mcp/jsonc';

describe('JSONC parser', () => {
  it('ignores line and block comments and trailing commas, not comment-like text in strings', () => {
    const r = parseJsonc('\uFEFF// head\n{ "a": "http://x//y", /* b */ "b": [1, 2, ], "c": "/* no */", }\n');
    assert.deepEqual(r, { ok: true, value: { a: 'http://x//y', b: [1, 2], c: '/* no */' } });
  });

  it('handles escaped quotes inside strings', () => {
    assert.deepEqual(parseJsonc('{"a": "say \\"hi\\" // not a comment"}'), { ok: true, value: { a: 'say "hi" // not a comment' } });
  });

  it('reports line:column of syntax errors, unterminated comments and empty files', () => {
    const e1 = parseJsonc('{\n  "a": 1\n  "b": 2\n}');
    assert.equal(e1.ok, false);
    if (!e1.ok) assert.deepEqual([e1.error.line, e1.error.column], [3, 3]);
    const e2 = parseJsonc('{\n /* open');
    assert.ok(!e2.ok && e2.error.message === 'unterminated block comment' && e2.error.line === 2 && e2.error.column === 2);
    assert.ok(!parseJsonc('  // only a comment\n').ok);
  });

  it('keeps offsets: stripping never changes length or line breaks', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, comment) => {
        const json = JSON.stringify(v, null, 1);
        const text = comment ? `/* c */${json}// tail` : json;
        const s = stripJsonc(text);
        assert.equal(s.text.length, text.length);
        assert.equal(s.text.split('\n').length, text.split('\n').length);
        assert.deepEqual(parseJsonc(text), { ok: true, value: JSON.parse(json) });
      }),
    );
  });
});
