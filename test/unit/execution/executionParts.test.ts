import assert from 'node:assert/strict';
import { AnswerRejectedError, checkAnswerFits } from '../../../src/engine/execution/answerFit';
import { overseerDecision, overseerStep, replanStep } from '../../../src/engine/execution/consultation';
import { planRecovery } from '../../../src/engine/execution/sessionRecovery';
import { assumedDoneContent, hasReplayableOutcome, replayedResult, storedResult } from '../../../src/engine/execution/storedResult';
import { applyEvent, type SessionEvent, type SessionSnapshot, type ToolCallRecord } from '../../../src/engine/session/sessionModel';
import { diamondPlan } from './fixtures';

// The pure pieces the session runner is built from, tested without running a session.

const L3 = 'L3:backend-developer';

function fold(events: SessionEvent[]): SessionSnapshot {
  return events.reduce<SessionSnapshot | undefined>((m, e) => applyEvent(m, e), undefined)!;
}

function call(callId: string, seq: number, idempotent: boolean): ToolCallRecord {
  return { callId, stepId: L3, attempt: 1, seq, server: 'srv', tool: idempotent ? 'read' : 'write', args: { text: callId }, readOnly: idempotent, idempotent, startedAt: 5, status: 'started' };
}

/** A session whose L3 step was running (attempt 1) with the given calls when the process died. */
function crashedWith(calls: { record: ToolCallRecord; finished?: boolean }[]): SessionSnapshot {
  const plan = diamondPlan();
  const handoff = plan.steps.find((s) => s.id === L3)!.handoff;
  const ev: SessionEvent[] = [
    { type: 'created', at: 1, id: 's', title: 't', plan, budget: {} },
    { type: 'status', at: 2, status: { kind: 'running' } },
    { type: 'step-started', at: 3, stepId: L3, attempt: 1, persona: 'backend-developer', handoff, servers: ['srv'] },
  ];
  for (const c of calls) {
    ev.push({ type: 'call-started', at: 4, call: c.record });
    if (c.finished) ev.push({ type: 'call-finished', at: 5, callId: c.record.callId, status: 'ok', result: '[]' });
  }
  return fold(ev);
}

describe('execution parts', () => {
  describe('planRecovery', () => {
    it('resumes a step whose unfinished calls were all idempotent', () => {
      const m = crashedWith([{ record: call('c0', 0, false), finished: true }, { record: call('c1', 1, true) }]);
      const { events, waitsToServe } = planRecovery(m);
      assert.deepEqual(events.map((e) => e.type), ['recovered', 'call-finished', 'step-reset']);
      assert.equal(waitsToServe.length, 0);
      const after = events.reduce(applyEvent, m);
      assert.equal(after.steps[L3]!.status, 'pending');
      assert.equal(after.calls.find((c) => c.callId === 'c0')!.status, 'ok', 'a finished call is kept for replay');
    });

    it('asks the user about the first unfinished non-idempotent call and fails the others', () => {
      const m = crashedWith([{ record: call('c0', 0, false) }, { record: call('c1', 1, false) }]);
      const { events, waitsToServe } = planRecovery(m);
      assert.deepEqual(events.map((e) => e.type), ['recovered', 'call-finished', 'step-waiting', 'wait-opened']);
      assert.equal(waitsToServe.length, 1);
      const w = waitsToServe[0]!;
      assert.equal(w.request.kind, 'uncertain-call');
      assert.equal(w.request.kind === 'uncertain-call' && w.request.callId, 'c0');
      assert.equal(w.id, `${L3}.1.uncertain.c0`);
      const after = events.reduce(applyEvent, m);
      assert.equal(after.steps[L3]!.status, 'waiting');
      assert.equal(after.calls.find((c) => c.callId === 'c1')!.status, 'failed');
    });

    it('writes only the recovered marker for a finished or never-started session', () => {
      const planned = fold([{ type: 'created', at: 1, id: 's', title: 't', plan: diamondPlan(), budget: {} }]);
      assert.deepEqual(planRecovery(planned).events.map((e) => e.type), ['recovered']);
    });
  });

  describe('stored results', () => {
    it('truncates past the limit, keeps the full size, and replays the truncated text', () => {
      const big = { isError: false, content: [{ type: 'text', text: 'x'.repeat(100) }] };
      const s = storedResult(big, 50);
      assert.equal(s.result.length, 50);
      assert.equal(s.truncated, true);
      assert.equal(s.resultSize, JSON.stringify(big.content).length);
      const rec: ToolCallRecord = { ...call('c', 0, true), status: 'ok', ...s };
      assert.deepEqual(replayedResult(rec), { isError: false, content: [{ type: 'text', text: s.result }] });
    });

    it('replays a whole result as its content and keeps tool errors as errors', () => {
      const content = [{ type: 'text', text: 'hi' }];
      const rec: ToolCallRecord = { ...call('c', 0, true), status: 'tool-error', ...storedResult({ isError: true, content }, 8192) };
      assert.deepEqual(replayedResult(rec), { isError: true, content });
      assert.equal(hasReplayableOutcome(rec), true);
      assert.equal(hasReplayableOutcome({ ...rec, status: 'failed' }), false);
      assert.equal(hasReplayableOutcome({ ...rec, status: 'started' }), false);
      assert.deepEqual(assumedDoneContent('seen in the ledger'), [{ type: 'text', text: 'assumed done by the user: seen in the ledger' }]);
    });
  });

  describe('checkAnswerFits', () => {
    it('rejects an answer kind the wait does not take, naming what it expects', () => {
      assert.throws(() => checkAnswerFits({ kind: 'approval', server: 'srv', tool: 'write', args: {}, readOnly: false }, { kind: 'skip' }), (e: unknown) => e instanceof AnswerRejectedError && /expected approve, deny/.test(e.message));
      checkAnswerFits({ kind: 'escalation', failure: 'f', history: [] }, { kind: 'skip' });
    });

    it('checks manual-call arguments against the tool schema', () => {
      const request = { kind: 'manual' as const, tools: [{ server: 'srv', name: 'write', inputSchema: { type: 'object', required: ['text'] } }] };
      assert.throws(() => checkAnswerFits(request, { kind: 'manual-call', server: 'srv', tool: 'write', args: {} }), /invalid arguments for srv\/write: \$\.text: required$/);
      assert.throws(() => checkAnswerFits(request, { kind: 'manual-call', server: 'srv', tool: 'nope', args: {} }), /not one of this step's tools/);
      checkAnswerFits(request, { kind: 'manual-call', server: 'srv', tool: 'write', args: { text: 'ok' } });
    });
  });

  describe('consultations', () => {
    it('numbers re-plans per failing step and hands the failure and history to the upstream persona', () => {
      const m = crashedWith([]);
      const up = m.steps['L1:solution-architect']!;
      const base = diamondPlan().steps.find((s) => s.id === up.id)!;
      const s = replanStep(m, up, base, L3, { kind: 'permanent', message: 'boom' }, ['attempt 1: boom']);
      assert.equal(s.id, `L1:solution-architect~replan-${L3}-1`);
      assert.equal(s.persona, 'solution-architect');
      assert.deepEqual(s.dependsOn, []);
      assert.match(s.handoff.objective, /boom/);
      assert.deepEqual(s.handoff.constraints, ['history: attempt 1: boom']);
      const m2 = applyEvent(m, { type: 'step-added', at: 9, step: s, origin: { kind: 'replan', forStep: L3 } });
      assert.equal(replanStep(m2, up, base, L3, { kind: 'permanent', message: 'boom' }, []).id, `L1:solution-architect~replan-${L3}-2`);
      const o = overseerStep(m2, diamondPlan().steps[0]!, L3, { kind: 'permanent', message: 'boom' }, ['h']);
      assert.equal(o.id, `L0:system-overseer~escalation-${L3}-1`);
    });

    it('reads the overseer decision from data.decision, otherwise keeps its summary as a note', () => {
      assert.deepEqual(overseerDecision({ kind: 'done', summary: 's', data: { decision: 'retry' } }), { kind: 'decided', answer: { kind: 'retry' } });
      assert.deepEqual(overseerDecision({ kind: 'done', summary: 'no point', data: { decision: 'skip' } }), { kind: 'decided', answer: { kind: 'skip', note: 'decided by system-overseer: no point' } });
      assert.deepEqual(overseerDecision({ kind: 'done', summary: 'look at the logs', data: { decision: 'maybe' } }), { kind: 'note', note: 'look at the logs' });
      assert.deepEqual(overseerDecision({ kind: 'done', summary: 'plain' }), { kind: 'note', note: 'plain' });
    });
  });
});
