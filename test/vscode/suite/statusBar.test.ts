// The status bar item: servers healthy/total from the workspace's mcp.json, click opens server health.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { strataApi, waitFor, workspaceDir } from './strataHost';

describe('status bar', () => {
  it('shows healthy/total for the three configured servers', async () => {
    const { coordinator, statusText } = await strataApi();
    await coordinator.ready();
    const text = await waitFor('a healthy/total figure', () => (/\d+\/3\b/.test(statusText()) ? statusText() : undefined), 10_000, statusText);
    assert.match(text, /^\$\([a-z-]+\) \d+\/3\b/, `status text "${text}" does not start with an icon and healthy/total`);
    assert.strictEqual(coordinator.servers().length, 3);
  });

  it('has a tooltip naming every server, opens server health on click, and no alarm colour when healthy', async () => {
    const { statusBarItem } = await strataApi();
    const tooltip = statusBarItem.tooltip;
    const md = typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
    for (const n of ['everything', 'filesystem', 'memory']) assert.ok(md.includes(n), `tooltip lacks ${n}: ${md}`);
    const command = typeof statusBarItem.command === 'string' ? statusBarItem.command : statusBarItem.command?.command;
    assert.strictEqual(command, 'strata.showServerHealth');
    // No server failed and no circuit is open here: no warning/error background.
    assert.strictEqual(statusBarItem.backgroundColor, undefined, `background ${JSON.stringify(statusBarItem.backgroundColor)}`);
  });

  it('restarts a server on request and reports it healthy again', async () => {
    const { coordinator, statusText } = await strataApi();
    await coordinator.restartServer('everything');
    const line = await waitFor(
      'server "everything" healthy after a restart',
      () => coordinator.servers().find((s) => s.name === 'everything' && s.state === 'healthy'),
      30_000,
      () => JSON.stringify(coordinator.servers()),
    );
    assert.ok(line);
    assert.match(statusText(), /[1-3]\/3/);
  });

  it('turns to the error colour when a configured server fails, and back when it is removed', async () => {
    const { coordinator, statusBarItem, statusText } = await strataApi();
    const extra = path.join(workspaceDir(), '.mcp.json');
    // A second config dialect (.mcp.json) with a server that exits at once.
    fs.writeFileSync(extra, JSON.stringify({ mcpServers: { broken: { command: process.execPath, args: ['-e', 'process.exit(3)'] } } }));
    try {
      await waitFor('the broken server to be imported', () => coordinator.servers().some((s) => s.name === 'broken'), 20_000, () => coordinator.servers().map((s) => s.name).join(', '));
      await coordinator.ready();
      await coordinator.restartServer('broken').catch(() => undefined);
      await waitFor(
        'the broken server to be reported failed',
        () => coordinator.servers().some((s) => s.name === 'broken' && (s.state === 'failed' || s.state === 'circuit-open')),
        30_000,
        () => JSON.stringify(coordinator.servers()),
      );
      const bg = await waitFor('an error background', () => statusBarItem.backgroundColor, 5_000, statusText);
      assert.ok(bg instanceof vscode.ThemeColor && bg.id === 'statusBarItem.errorBackground', `background ${JSON.stringify(bg)}`);
      assert.match(statusText(), /\/4\b/, `status text "${statusText()}" does not count 4 servers`);
    } finally {
      fs.rmSync(extra, { force: true });
    }
    await waitFor('the broken server to be gone', () => !coordinator.servers().some((s) => s.name === 'broken'), 20_000, () => coordinator.servers().map((s) => s.name).join(', '));
    await waitFor('the alarm colour to clear', () => statusBarItem.backgroundColor === undefined, 5_000, statusText);
  });
});
