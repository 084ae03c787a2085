import assert from 'node:assert/strict';
import { modelSelectorFilter, parseSettings, type SettingKey } from '../../../src/extension/settings';

const from = (values: Partial<Record<SettingKey, unknown>>) => (k: SettingKey) => values[k];

describe('extension/settings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const { settings, problems } = parseSettings(from({}));
    assert.deepEqual(problems, []);
    assert.equal(settings.executionMode, 'model');
    assert.equal(settings.approvalPolicy, 'readOnlyAuto');
    assert.deepEqual(settings.models, { L0: '', L1: '', L2: '', L3: '', L4: '' });
    assert.equal(settings.budget.wallTimeMs, 60 * 60_000);
    assert.equal(settings.concurrency, 4);
    assert.deepEqual(settings.servers, {});
  });

  it('reads valid values', () => {
    const { settings, problems } = parseSettings(
      from({ 'execution.mode': 'manual', 'models.L3': 'copilot/gpt-4o', concurrency: 8, 'budget.wallTimeMinutes': 1.5, 'mcp.servers': { mem: { command: 'npx', args: ['x'] } } }),
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.executionMode, 'manual');
    assert.equal(settings.models.L3, 'copilot/gpt-4o');
    assert.equal(settings.concurrency, 8);
    assert.equal(settings.budget.wallTimeMs, 90_000);
    assert.equal(settings.servers.mem?.command, 'npx');
  });

  it('falls back per setting and names what is wrong, keeping the others', () => {
    const { settings, problems } = parseSettings(
      from({ 'approval.policy': 'sometimes', concurrency: 0, 'models.L1': 'bad selector!', 'execution.mode': 'manual', 'mcp.servers': { broken: { args: [] } } }),
    );
    assert.equal(settings.approvalPolicy, 'readOnlyAuto');
    assert.equal(settings.concurrency, 4);
    assert.equal(settings.models.L1, '');
    assert.equal(settings.executionMode, 'manual', 'a valid neighbour is kept');
    assert.deepEqual(problems.map((p) => p.key).sort(), ['strata.approval.policy', 'strata.concurrency', 'strata.mcp.servers', 'strata.models.L1']);
    const servers = problems.find((p) => p.key === 'strata.mcp.servers')!;
    assert.match(servers.message, /broken/);
    assert.match(servers.message, /command/);
  });

  it('splits model selectors', () => {
    assert.deepEqual(modelSelectorFilter(''), {});
    assert.deepEqual(modelSelectorFilter('gpt-4o'), { family: 'gpt-4o' });
    assert.deepEqual(modelSelectorFilter('copilot/gpt-4o'), { vendor: 'copilot', family: 'gpt-4o' });
  });
});
