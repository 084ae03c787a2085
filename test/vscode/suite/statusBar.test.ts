// The status bar item: servers healthy/total from the workspace's mcp.json, click opens server health.
import * as assert from 'node:assert';
import { strataApi, waitFor } from './strataHost';

describe('status bar', () => {
  it('shows healthy/total for the three configured servers', async () => {
    const { coordinator, statusText } = await strataApi();
    await coordinator.ready();
    const text = await waitFor('a healthy/total figure', () => (/\d+\/3\b/.test(statusText()) ? statusText() : undefined), 10_000, statusText);
    assert.match(text, /^\$\([a-z-]+\) \d+\/3\b/, `status text "${text}" does not start with an icon and healthy/total`);
    assert.strictEqual(coordinator.servers().length, 3);
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
});
