import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('chaos benchmark (small run, real servers, real SIGKILLs)', function () {
  this.timeout(240_000);

  it('loses no session and runs no side effect twice across coordinator and server kills', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'chaos.ts'), '--sessions', '30', '--kills', '3', '--think', '250', '--min-up', '500', '--max-up', '900', '--seed', '5', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 230_000,
    });
    assert.equal(r.error, undefined);
    const start = r.stdout.indexOf('{');
    assert.ok(start >= 0, `no JSON figures in output:\n${r.stdout}\n${r.stderr}`);
    const f = JSON.parse(r.stdout.slice(start)) as { started: number; completed: number; lost: number; effectsMissing: string[]; coordinatorKills: number; recoveries: number };
    assert.equal(f.started, 30);
    assert.equal(f.completed, 30);
    assert.equal(f.lost, 0);
    assert.deepEqual(f.effectsMissing, []);
    assert.ok(f.coordinatorKills >= 1, 'at least one coordinator SIGKILL happened');
    assert.equal(f.recoveries, f.coordinatorKills);
    assert.equal(r.status, 0);
    console.log(`      ${f.coordinatorKills} coordinator kills, ${f.recoveries} recoveries, 0 lost`);
  });
});
