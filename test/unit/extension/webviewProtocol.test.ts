import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../src/extension/webviewProtocol';

describe('extension/webviewProtocol', () => {
  it('accepts every well-formed message kind', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'run' },
      { type: 'keepDraft' },
      { type: 'export' },
      { type: 'correct', corrections: { addAreas: ['CI/CD'], removeAreas: ['backend'], complexity: 'high' } },
      { type: 'correct', corrections: {} },
      { type: 'cancelSession', sessionId: 's1' },
      { type: 'retryStep', sessionId: 's1', stepId: 'L3:backend-developer' },
      { type: 'approve', sessionId: 's1', stepId: 'x', requestId: 'w1', approved: false },
      { type: 'manualCall', sessionId: 's1', stepId: 'x', requestId: 'w1', server: 'everything', tool: 'echo', args: { message: 'hi' } },
      { type: 'manualDone', sessionId: 's1', stepId: 'x', requestId: 'w1', note: '' },
      { type: 'decide', sessionId: 's1', stepId: 'x', requestId: 'w1', choice: 'retry' },
      { type: 'openLog' },
      { type: 'openLog', server: 'memory' },
    ];
    for (const m of good) assert.equal(parseWebviewMessage(m).ok, true, JSON.stringify(m));
  });

  it('rejects unknown types, extra fields, bad enums and wrong types with a message naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'rm -rf' }, /rm -rf/],
      [{ type: 'run', extra: 1 }, /run/],
      [{ type: 'correct', corrections: { addAreas: ['blockchain'] } }, /corrections\.addAreas\.0/],
      [{ type: 'correct', corrections: { complexity: 'huge' } }, /corrections\.complexity/],
      [{ type: 'approve', sessionId: 's', stepId: 'x', requestId: 'w', approved: 'yes' }, /approved/],
      [{ type: 'cancelSession', sessionId: '' }, /sessionId/],
      [{ type: 'manualCall', sessionId: 's', stepId: 'x', requestId: 'w', server: 'a', tool: 'b', args: [] }, /args/],
      [null, /no type/],
      ['run', /no type/],
    ];
    for (const [m, re] of cases) {
      const r = parseWebviewMessage(m);
      assert.equal(r.ok, false, JSON.stringify(m));
      if (!r.ok) assert.match(r.error, re);
    }
  });
});
