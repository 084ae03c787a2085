#!/usr/bin/env node
// UI figures for Strata in a real VS Code 1.100.3 (server + Debian chromium), printed, not asserted:
//   1. activation time (code loading + activate()), measured in the extension host, N fresh hosts;
//   2. command → first plan shown:
//      a. in the extension host: executeCommand('strata.coordinateTask', task) until it returns
//         (config import + analysis + routing + assignment + opening the preview panel);
//      b. as a user sees it: Enter in the command palette's task box → the preview rendered in the
//         webview (cold = first command of a fresh window, including activation; then warm);
//   3. webview render time of a 30-step plan: the cascade bundle (dist/media/cascade.js + css) in
//      chromium, from posting the `show` message to the 30th persona card laid out and painted.
//
//   node scripts/benchUi.mjs [--runs N]      (npm run bench:ui)
// It loads a copy of the extension whose activationEvents omit onStartupFinished, so activation
// happens on demand and can be timed; everything else is the real build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEntry, buildHostTests } from '../test/vscode/buildTests.mjs';
import { openWorkbench, quickInput, runCommand, webviewContent } from '../test/e2e/workbench.mjs';
import {
  freshProfile,
  launchChromium,
  removeDir,
  repoRoot,
  startVsCodeServer,
  stopAll,
  writeMachineSettings,
  writeMcpWorkspace,
} from './vscodeServer.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(process.argv[runsArg + 1])) : 3;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const med = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${med.toFixed(1)} ms (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)}, n=${s.length})`;
};

/** A copy of the built extension that activates only on demand. */
function onDemandCopy(dir) {
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  pkg.activationEvents = (pkg.activationEvents ?? []).filter((e) => e !== 'onStartupFinished' && e !== '*');
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  cpSync(join(repoRoot, 'dist'), join(dir, 'dist'), { recursive: true });
  if (existsSync(join(repoRoot, 'media'))) cpSync(join(repoRoot, 'media'), join(dir, 'media'), { recursive: true });
  return dir;
}

/** Stretches a real plan to `n` steps (round-robin copies with fresh ids, chained dependencies). */
function stretchPlan(plan, n) {
  const steps = [];
  for (let i = 0; i < n; i++) {
    const base = plan.steps[i % plan.steps.length];
    steps.push({ ...base, id: `s${i + 1}`, dependsOn: i === 0 ? [] : [`s${i}`] });
  }
  return { ...plan, id: `${plan.id}-x${n}`, steps };
}

async function renderBench(browser, plan, samples) {
  const css = readFileSync(join(repoRoot, 'dist', 'media', 'cascade.css'), 'utf8');
  const js = readFileSync(join(repoRoot, 'dist', 'media', 'cascade.js'), 'utf8');
  const times = [];
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // The webview's document shape (see cascadePanel.ts) with VS Code's API stubbed.
    await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body>
      <div id="root" data-testid="cascade-root" data-state="empty"></div>
      <script>window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>undefined,setState:()=>{}});</script>
      </body></html>`);
    await page.addScriptTag({ content: js });
    const ms = await page.evaluate(async ({ plan, n }) => {
      const t0 = performance.now();
      window.postMessage({ type: 'show', mode: 'preview', plan, lowConfidenceThreshold: 0.5, toolCounts: {} }, '*');
      await new Promise((resolve, reject) => {
        const give = setTimeout(() => reject(new Error(`only ${document.querySelectorAll('[data-testid^="persona-card-"]').length} persona cards rendered`)), 10_000);
        const check = () => {
          if (document.querySelectorAll('[data-testid^="persona-card-"]').length >= n) {
            clearTimeout(give);
            resolve(undefined);
          } else requestAnimationFrame(check);
        };
        check();
      });
      document.body.getBoundingClientRect(); // force layout
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); // painted
      return performance.now() - t0;
    }, { plan, n: plan.steps.length });
    times.push(ms);
    await context.close();
  }
  return times;
}

async function main() {
  console.log('bench:ui: building (node esbuild.js) and bundling the bench module');
  const b = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('node esbuild.js failed');
  await buildHostTests();
  const profile = freshProfile('strata-bench-');
  try {
    const ext = onDemandCopy(join(profile.base, 'extension'));
    const workspace = writeMcpWorkspace(join(profile.base, 'workspace'), { extraFiles: { 'README.md': '# bench\n' } });
    writeMachineSettings(profile.serverDataDir, { 'security.workspace.trust.enabled': false });
    mkdirSync(join(workspace, '.strata-test'), { recursive: true });
    const server = await startVsCodeServer({ ...profile });
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    // 1 + 2a: N fresh extension hosts, each activates on demand; the last also times the command.
    const activation = [];
    const activateBody = [];
    let hostRun;
    for (let i = 0; i < RUNS; i++) {
      const resultsFile = join(profile.base, `bench-${i}.json`);
      writeFileSync(join(workspace, '.strata-test', 'control.json'), JSON.stringify({ resultsFile, withCommands: i === RUNS - 1 }));
      const url = server.url({ folder: workspace, extensionDevelopmentPath: ext, extensionTestsPath: benchEntry });
      await page.goto(i === 0 ? url : 'about:blank');
      if (i > 0) await page.goto(url);
      const deadline = Date.now() + 180_000;
      while (!existsSync(resultsFile)) {
        if (Date.now() > deadline) throw new Error(`bench run ${i} wrote no results`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
      if (r.error) throw new Error(`bench run ${i}: ${r.error}`);
      if (r.wasActive) console.log(`bench:ui: warning: run ${i} found the extension already active`);
      activation.push(r.activationMs);
      if (typeof r.activateBodyMs === 'number') activateBody.push(r.activateBodyMs);
      if (i === RUNS - 1) hostRun = r;
      await new Promise((res) => setTimeout(res, 1500)); // let the host exit
    }

    // 2b: as a user: palette → task → Enter → preview in the webview (no tests path: a normal window).
    const tasks = ['Fix the typo in README.md', 'Add OAuth login to the API and a settings page', 'Migrate the session store to Redis and add monitoring'];
    const uiMs = [];
    await page.goto('about:blank');
    await openWorkbench(page, server.url({ folder: workspace, extensionDevelopmentPath: ext }));
    for (const task of tasks) {
      await runCommand(page, 'Strata: Coordinate Task');
      await quickInput(page).fill(task);
      const t0 = Date.now();
      await page.keyboard.press('Enter');
      await webviewContent(page)
        .locator('[data-testid="cascade-root"][data-state="preview"] [data-testid="plan-task"]', { hasText: task })
        .waitFor({ timeout: 60_000 });
      uiMs.push(Date.now() - t0);
      await page.keyboard.press('Escape');
    }

    // 3: 30-step plan render.
    const plan30 = stretchPlan(hostRun.samplePlan, 30);
    const renderMs = await renderBench(browser, plan30, 5);

    console.log('\nStrata UI figures (VS Code 1.100.3 server, Debian chromium headless, this machine)');
    console.log(`  activation (code load + activate()), ${RUNS} fresh extension hosts: ${stats(activation)}`);
    if (activateBody.length) console.log(`    of which activate() itself (Strata's own activationMs):       ${stats(activateBody)}`);
    console.log(`  config import (.vscode/mcp.json, 3 servers; none started):       ${hostRun.configImportMs.toFixed(1)} ms`);
    console.log(`  strata.coordinateTask → plan + preview panel (host side):        ${stats(hostRun.commandToPlanMs)}  [${hostRun.commandToPlanMs.map((x) => x.toFixed(1)).join(', ')}]`);
    console.log(`  planning only (Planner, uncached task):                          ${stats(hostRun.planOnlyMs)}`);
    console.log(`  Enter in the palette → preview rendered in the webview (user):   cold ${uiMs[0]} ms (includes activation), warm ${uiMs.slice(1).join(' ms, ')} ms`);
    console.log(`  webview render of a 30-step plan (show → 30 cards painted):      ${stats(renderMs)}`);
    writeFileSync(
      join(repoRoot, 'test-output', 'bench-ui.json'),
      JSON.stringify({ activationMs: activation, activateBodyMs: activateBody, configImportMs: hostRun.configImportMs, commandToPlanMs: hostRun.commandToPlanMs, planOnlyMs: hostRun.planOnlyMs, uiCommandToPreviewMs: uiMs, render30Ms: renderMs }, null, 2),
    );
  } finally {
    await stopAll();
    removeDir(profile.base);
  }
}

mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
main().then(
  () => process.exit(0),
  async (e) => {
    console.error(`bench:ui: ${e?.stack ?? e}`);
    await stopAll();
    process.exit(1);
  },
);
