import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySecretProvider } from '../../../src/mcp/secretProvider';
import { handleChatRequest, type ChatStreamLike } from '../../../src/extension/chatFlow';
import { Coordinator } from '../../../src/extension/coordinator';
import { Redactor } from '../../../src/extension/redaction';
import { parseSettings, type SettingKey, type StrataSettings } from '../../../src/extension/settings';
import type { SessionView } from '../../../src/extension/sessionView';

/**
 * The extension's engine host (vscode-free) against real MCP servers from npm: a workspace
 * `.vscode/mcp.json` with server-memory and server-filesystem, a `${input:…}` secret, manual
 * execution driven through the same API the cascade webview uses.
 */
describe('extension/coordinator with real MCP servers', function () {
  this.timeout(60_000);
  const bin = (n: string) => join(__dirname, '..', '..', '..', 'node_modules', '.bin', n);
  let dir: string;
  let coordinator: Coordinator;
  const logged: string[] = [];
  const redactor = new Redactor();
  let settings: StrataSettings;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'strata-coord-'));
    const ws = join(dir, 'ws');
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    writeFileSync(join(ws, 'README.md'), '# coordinator test workspace\n');
    writeFileSync(
      join(ws, '.vscode', 'mcp.json'),
      JSON.stringify({
        inputs: [{ id: 'memToken', type: 'promptString', password: true, description: 'token' }],
        servers: {
          memory: { command: bin('mcp-server-memory'), env: { MEMORY_FILE_PATH: join(dir, 'memory.json'), MEMORY_API_TOKEN: '${input:memToken}' } },
          filesystem: { command: bin('mcp-server-filesystem'), args: [ws] },
        },
      }),
    );
    settings = parseSettings((k: SettingKey) => (k === 'execution.mode' ? 'manual' : undefined)).settings;
    const log = (m: string) => logged.push(redactor.redact(m));
    coordinator = new Coordinator({
      storageDir: join(dir, 'storage'),
      environment: { workspaceFolder: ws, userHome: join(dir, 'home'), platform: process.platform, env: {} },
      workspaceTrusted: () => true,
      secrets: new InMemorySecretProvider({ memToken: 'tok-super-secret-123' }),
      settings: () => settings, // read live, as the extension does
      mcpSettings: () => ({ extraConfigPaths: { user: [], workspace: [] } }),
      modelFor: async () => undefined,
      redactor,
      serverLog: { append: (server, stream, line) => log(`[${server}/${stream}] ${line}`) },
      log: { info: log, warn: log, error: (m, e) => log(`${m} ${e instanceof Error ? e.message : String(e ?? '')}`) },
    });
    await coordinator.init();
  });

  after(async () => {
    await coordinator.shutdown();
    coordinator.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the workspace servers without starting them and registers the input secret for redaction', async () => {
    await coordinator.ready();
    const servers = coordinator.servers();
    assert.deepEqual(servers.map((s) => s.name).sort(), ['filesystem', 'memory']);
    assert.ok(servers.every((s) => s.state === 'stopped'), JSON.stringify(servers));
    assert.equal(redactor.redact('x tok-super-secret-123 y'), 'x «redacted» y');
  });

  it('plans with the configured servers assigned to personas', () => {
    const plan = coordinator.plan('Fix the typo in the README');
    const assigned = new Set(plan.steps.flatMap((s) => s.servers.map((x) => x.server)));
    assert.ok(assigned.has('filesystem') || assigned.has('memory'), JSON.stringify(plan.steps.map((s) => [s.persona, s.servers.map((x) => x.server)])));
  });

  it('runs a session by hand through real tool calls to completion, and records corrections', async () => {
    const before = coordinator.plan('Fix the typo in the README');
    const corrected = coordinator.plan(before.task, { complexity: 'medium' });
    assert.equal(corrected.complexity, 'medium');
    assert.deepEqual(corrected.corrections, { complexity: 'medium' });
    await coordinator.recordCorrection(before, { complexity: 'medium' });
    const record = JSON.parse(readFileSync(join(dir, 'storage', 'corrections.jsonl'), 'utf8').trim()) as { task: string; corrections: unknown };
    assert.equal(record.task, before.task);
    assert.deepEqual(record.corrections, { complexity: 'medium' });

    const id = await coordinator.createSession(before);
    assert.equal(coordinator.session(id)?.status, 'draft');
    await coordinator.runSession(id);
    let calls = 0;
    const deadline = Date.now() + 45_000;
    let s: SessionView | undefined;
    for (;;) {
      s = coordinator.session(id)!;
      if (s.status === 'completed' || s.status === 'failed' || s.status === 'cancelled') break;
      assert.ok(Date.now() < deadline, `session stuck: ${JSON.stringify(s.steps.map((x) => [x.id, x.status]))}`);
      const step = s.steps.find((x) => x.waiting?.kind === 'manual');
      if (step?.waiting?.kind === 'manual') {
        const w = step.waiting;
        const tool = w.tools.find((t) => t.name === 'list_allowed_directories') ?? w.tools.find((t) => t.name === 'read_graph');
        if (tool && !w.lastResult) {
          await coordinator.answer(id, w.requestId, { kind: 'manual-call', server: tool.server, tool: tool.name, args: {} });
          calls++;
        } else {
          await coordinator.answer(id, w.requestId, { kind: 'manual-done', note: 'done in the test' });
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(s.status, 'completed', JSON.stringify(s));
    assert.ok(calls > 0, 'no real tool call was made');
    assert.ok(s.steps.reduce((n, x) => n + x.toolCalls, 0) >= calls);
    assert.ok(coordinator.servers().some((x) => x.state === 'healthy'), 'a server started lazily for the calls');
    assert.ok(Object.values(coordinator.toolCounts()).some((n) => n > 0), 'tool counts are known after listing');
    assert.ok(!logged.join('\n').includes('tok-super-secret-123'), 'the secret reached a log');
  });

  /** Records what the chat flow streams. */
  function recorder(): ChatStreamLike & { text: () => string; buttons: string[] } {
    const parts: string[] = [];
    const buttons: string[] = [];
    return {
      markdown: (v) => void parts.push(v),
      progress: (v) => void parts.push(`(progress ${v})`),
      button: (b) => void buttons.push(b.command),
      text: () => parts.join(''),
      buttons,
    };
  }
  const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  const quiet = { info: () => undefined, error: () => undefined };

  it('@strata streams the cascade for a task, layer by layer, with a button to open it', async () => {
    const out = recorder();
    const r = await handleChatRequest(coordinator, { prompt: 'Add a settings page and an API endpoint for it' }, out, never, 0.5, quiet);
    assert.ok(r.planId && !r.sessionId);
    assert.match(out.text(), /\*\*Cascade:\*\* L0 → /);
    assert.match(out.text(), /#### L3 Tool Experts/);
    assert.deepEqual(out.buttons, ['strata.coordinateTask']);
  });

  it('@strata /run starts a session, streams progress and stops when it waits for the user', async () => {
    const out = recorder();
    let subscribed = 0;
    let disposed = 0;
    const token = {
      isCancellationRequested: false,
      onCancellationRequested: () => {
        subscribed++;
        return { dispose: () => void disposed++ };
      },
    };
    const r = await handleChatRequest(coordinator, { prompt: 'Fix the typo in the README', command: 'run' }, out, token, 0.5, quiet);
    assert.ok(r.sessionId);
    const s = coordinator.session(r.sessionId)!;
    assert.equal(s.status, 'waiting', 'manual mode: the first step waits for the user');
    assert.match(out.text(), /Session started/);
    assert.match(out.text(), /Session waiting/);
    assert.deepEqual(out.buttons, ['strata.showCascade', 'strata.showCascade']);
    assert.deepEqual([subscribed, disposed], [1, 1], 'the cancellation listener is removed when the request ends');
  });

  it('asks for approval under the alwaysAsk policy (read live from settings) and shows it as an approval wait', async () => {
    settings = { ...settings, approvalPolicy: 'alwaysAsk' };
    try {
      const id = await coordinator.createSession(coordinator.plan('Fix the typo in the README'));
      await coordinator.runSession(id);
      const waitFor = async <T>(what: string, probe: () => T | undefined): Promise<T> => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const v = probe();
          if (v) return v;
          assert.ok(Date.now() < deadline, `timed out waiting for ${what}: ${JSON.stringify(coordinator.session(id)?.steps.map((x) => [x.id, x.status, x.waiting?.kind]))}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const manual = await waitFor('a manual step with a tool', () =>
        coordinator.session(id)?.steps.find((x) => x.waiting?.kind === 'manual' && x.waiting.tools.some((t) => t.name === 'read_graph' || t.name === 'list_allowed_directories')),
      );
      if (manual.waiting?.kind !== 'manual') throw new Error('not manual');
      const tool = manual.waiting.tools.find((t) => t.name === 'read_graph' || t.name === 'list_allowed_directories')!;
      await coordinator.answer(id, manual.waiting.requestId, { kind: 'manual-call', server: tool.server, tool: tool.name, args: {} });
      const approval = await waitFor('the approval wait', () => {
        const st = coordinator.session(id)?.steps.find((x) => x.id === manual.id);
        return st?.waiting?.kind === 'approval' ? st.waiting : undefined;
      });
      assert.deepEqual([approval.server, approval.tool, approval.args], [tool.server, tool.name, {}]);
      assert.equal(coordinator.session(id)!.status, 'waiting');
      await coordinator.answer(id, approval.requestId, { kind: 'approve' });
      const after = await waitFor('the call result', () => {
        const st = coordinator.session(id)?.steps.find((x) => x.id === manual.id);
        return st?.waiting?.kind === 'manual' && st.waiting.lastResult ? st : undefined;
      });
      assert.equal(after.toolCalls, 1);
      await coordinator.cancelSession(id);
    } finally {
      settings = { ...settings, approvalPolicy: 'readOnlyAuto' };
    }
  });
});
