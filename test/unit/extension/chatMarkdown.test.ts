import assert from 'node:assert/strict';
import { mdCode, mdText, planChatChunks, planSummaryText, sessionProgressLines } from '../../../src/extension/chatMarkdown';
import { samplePlan, sampleSession } from './fixtures';

describe('extension/chatMarkdown', () => {
  it('streams a header, one chunk per included layer and the why', () => {
    const chunks = planChatChunks(samplePlan(), 0.5);
    assert.equal(chunks.length, 1 + 3 + 1);
    assert.match(chunks[0]!, /\*\*Complexity:\*\* medium · \*\*Cascade:\*\* L0 → L1 → L3 · \*\*Confidence:\*\* 72%/);
    assert.match(chunks[3]!, /#### L3 Tool Experts \(parallel ×2\)/);
    assert.match(chunks[3]!, /\*\*backend-developer\*\* — `filesystem` \(3 tools\), `memory` \(3 tools\)/);
  });

  it('warns when confidence is low', () => {
    const chunks = planChatChunks(samplePlan(), 0.9);
    assert.ok(chunks.some((c) => /Low confidence/.test(c)));
  });

  it('renders task text literally (no links, HTML or formatting injection)', () => {
    const chunks = planChatChunks(samplePlan('<script>alert(1)</script> [x](command:evil) **b**'), 0.5);
    assert.ok(!chunks[0]!.includes('[x](command:evil)'));
    assert.ok(!chunks[0]!.includes('<script>'));
    assert.equal(mdText('a_b'), 'a\\_b');
    assert.equal(mdCode('a`b'), '`` a`b ``');
  });

  it('summarises a plan for the language-model tool', () => {
    const text = planSummaryText(samplePlan());
    assert.match(text, /Cascade: L0 → L1 → L3/);
    assert.match(text, /- L3 backend-developer \(after L1:product-manager\): servers filesystem, memory/);
  });

  it('reports only the steps whose status changed', () => {
    const a = sampleSession('s', 'running', { 'system-overseer': 'running' });
    const b = sampleSession('s', 'running', { 'system-overseer': 'completed' });
    const lines = sessionProgressLines(a, b);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /✅ L0 \*\*system-overseer\*\*: completed/);
    const c = sampleSession('s', 'completed', { 'system-overseer': 'completed' });
    assert.ok(sessionProgressLines(b, c).some((l) => /Session completed/.test(l)));
  });
});
