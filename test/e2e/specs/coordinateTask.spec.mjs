// A user's path through Strata in a real browser: command palette → "Strata: Coordinate Task" →
// type a task → the cascade preview in the webview → Run → the session in the Sessions tree.
// The workspace runs in manual mode (no language model here), so the running session waits for
// the user in the webview's manual form; the spec makes one real MCP call through that form.
import assert from 'node:assert';
import { harness, newPage } from '../harness.mjs';
import { openWorkbench, quickInput, runCommand, screenshot, showActivity, treeRow, webviewContent } from '../workbench.mjs';

const TASK = 'Add input validation to src/auth/login.ts and unit tests for it';

describe('Strata in the browser', function () {
  /** @type {Awaited<ReturnType<typeof newPage>>} */
  let p;
  before(async () => {
    p = await newPage();
    await openWorkbench(p.page, harness().url);
  });
  after(async () => {
    await p?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await screenshot(p.page, `failure-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
  });

  it('shows the Strata status-bar item with server health', async () => {
    const item = p.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: /\d+\/3/ }).first();
    await item.waitFor({ timeout: 60_000 });
    assert.match((await item.textContent()) ?? '', /\d+\/3/);
  });

  it('runs "Strata: Coordinate Task" from the command palette and shows the cascade preview', async () => {
    const { page } = p;
    await runCommand(page, 'Strata: Coordinate Task');
    const input = quickInput(page);
    await input.fill(TASK);
    await page.keyboard.press('Enter');
    const wv = webviewContent(page);
    await wv.locator('[data-testid="cascade-root"][data-state="preview"]').waitFor({ timeout: 60_000 });
    assert.strictEqual(await wv.getByTestId('plan-task').textContent(), TASK);
    assert.match((await wv.getByTestId('plan-cascade').textContent()) ?? '', /^L0( → L[1-4])+$/);
    assert.match((await wv.getByTestId('plan-complexity').textContent()) ?? '', /low|medium|high|extreme/);
    for (const l of ['L0', 'L1', 'L2', 'L3', 'L4']) await wv.getByTestId(`lane-${l}`).waitFor({ state: 'attached' });
    const cards = wv.locator('[data-testid^="persona-card-"]');
    assert.ok((await cards.count()) > 0, 'no persona card in the preview');
    await screenshot(page, 'cascade-preview');
  });

  it('runs the session from the preview and lists it in the Sessions tree', async () => {
    const { page } = p;
    const wv = webviewContent(page);
    await wv.getByTestId('action-run').click();
    // The session is created (draft) and then started: wait for the status to leave draft.
    const started = ['running', 'waiting', 'completed', 'planned'].map((st) => `[data-testid="session-status"][data-status="${st}"]`).join(', ');
    await wv.locator(started).first().waitFor({ timeout: 30_000 });
    const status = await wv.getByTestId('session-status').getAttribute('data-status');
    assert.ok(status && ['running', 'waiting', 'completed', 'planned'].includes(status), `session status ${status}`);
    await showActivity(page, 'Strata');
    await treeRow(page, TASK).waitFor({ timeout: 30_000 });
    await screenshot(page, 'sessions-tree');
  });

  it('notifies the user, with an action, when the session waits for them', async () => {
    const { page } = p;
    // Toasts hide after a while; the notification centre keeps them.
    await runCommand(page, 'Notifications: Show Notifications');
    const note = page.locator('.notifications-center .monaco-list-row', { hasText: 'Strata needs you' }).first();
    await note.waitFor({ timeout: 30_000 });
    await note.getByRole('button', { name: 'Open Cascade' }).waitFor({ timeout: 5_000 });
    await screenshot(page, 'notification-waiting');
    await note.click();
    await page.keyboard.press('Escape');
    await page.locator('.notifications-center.visible').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  });

  it('makes a real MCP call through the manual form of a waiting step', async () => {
    const { page } = p;
    const wv = webviewContent(page);
    const form = wv.locator('[data-testid^="manual-form-"]').first();
    await form.waitFor({ timeout: 60_000 });
    const select = form.getByTestId('manual-tool-select');
    const options = await select.locator('option').allTextContents();
    const pick = options.find((o) => /read_text_file|read_file/.test(o)) ?? options.find((o) => /echo/.test(o)) ?? options.find((o) => /read_graph/.test(o));
    assert.ok(pick, `no read-only tool offered in the manual form: ${options.join(', ')}`);
    await select.selectOption({ label: pick });
    if (/read/.test(pick) && /file/.test(pick)) await form.getByTestId('manual-arg-path').fill(`${harness().workspace}/README.md`);
    else if (/echo/.test(pick)) await form.getByTestId('manual-arg-message').fill('hello from the browser');
    await form.getByTestId('manual-submit').click();
    // The step's card re-renders with the tool's real result under the form.
    const result = wv.getByTestId('manual-last-result').first();
    await result.waitFor({ timeout: 30_000 });
    assert.match((await result.textContent()) ?? '', /Strata e2e workspace|hello from the browser|"entities"/);
    assert.match((await wv.getByTestId('session-status').textContent()) ?? '', /waiting/);
    await screenshot(page, 'manual-call-result');
  });

  it('expands the session in the Sessions tree into layers and personas', async () => {
    const { page } = p;
    await showActivity(page, 'Strata');
    // The session sits in a status group ("Waiting for you" now); open collapsed groups.
    const groups = page.locator('.part.sidebar .monaco-list-row[aria-level="1"][aria-expanded="false"]');
    for (let i = await groups.count(); i > 0; i--) await groups.first().click();
    const row = treeRow(page, TASK);
    await row.waitFor({ timeout: 30_000 });
    // A session row's click opens its cascade; the twistie expands it.
    const expand = async (r) => {
      if ((await r.getAttribute('aria-expanded')) !== 'true') await r.locator('.monaco-tl-twistie').click();
    };
    await expand(row);
    const layer = treeRow(page, /L0 Meta-Control/);
    await layer.waitFor({ timeout: 10_000 });
    await expand(layer);
    const persona = treeRow(page, /System Overseer/);
    await persona.waitFor({ timeout: 10_000 });
    assert.match((await persona.textContent()) ?? '', /waiting/, 'the persona row carries its step status');
    await treeRow(page, /L3 Tool Experts/).waitFor({ timeout: 10_000 });
    await screenshot(page, 'sessions-tree-expanded');
  });

  it('opens the server quick pick from the status-bar item', async () => {
    const { page } = p;
    await page.keyboard.press('Escape');
    await page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: /\d+\/3/ }).first().click();
    for (const name of ['everything', 'filesystem', 'memory']) {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
    }
    await screenshot(page, 'server-health-pick');
    await page.keyboard.press('Escape');
  });

  it('follows the VS Code theme in the webview (light → dark)', async () => {
    const { page } = p;
    const wv = webviewContent(page);
    const background = () => wv.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const before = await background();
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction(() => document.body.classList.contains('vs-dark') || !!document.querySelector('.monaco-workbench.vs-dark'), undefined, { timeout: 15_000 });
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await page.waitForTimeout(100);
      after = await background();
    }
    assert.notStrictEqual(after, before, `webview background stayed ${before} after switching to a dark theme`);
    await screenshot(page, 'cascade-dark-theme');
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction(() => !document.querySelector('.monaco-workbench.vs-dark'), undefined, { timeout: 15_000 });
  });

  it('recomputes the plan at once when the user corrects the analysis', async () => {
    const { page } = p;
    await runCommand(page, 'Strata: Coordinate Task');
    await quickInput(page).fill('Fix the typo in README.md');
    await page.keyboard.press('Enter');
    const wv = webviewContent(page);
    const preview = wv.locator('[data-testid="cascade-root"][data-state="preview"]');
    await preview.getByTestId('plan-task').filter({ hasText: 'Fix the typo in README.md' }).waitFor({ timeout: 60_000 });
    const cascadeBefore = await wv.getByTestId('plan-cascade').textContent();
    await wv.getByTestId('action-correct').click();
    await wv.getByTestId('correction-panel').waitFor();
    await wv.getByTestId('correct-complexity').selectOption('extreme');
    await wv.getByTestId('correct-area-security').check();
    await wv.getByTestId('correct-apply').click();
    await wv.getByTestId('plan-complexity').filter({ hasText: 'extreme' }).waitFor({ timeout: 10_000 });
    await wv.getByTestId('area-security').waitFor({ timeout: 10_000 });
    const cascadeAfter = await wv.getByTestId('plan-cascade').textContent();
    assert.notStrictEqual(cascadeAfter, cascadeBefore, `the cascade stayed ${cascadeBefore} after raising the complexity to extreme`);
    await screenshot(page, 'cascade-corrected');
  });

  it('lets a keyboard user reach the persona cards', async () => {
    const { page } = p;
    const wv = webviewContent(page);
    const card = wv.locator('[data-testid^="persona-card-"]').first();
    await card.focus();
    assert.strictEqual(await card.evaluate((el) => el === document.activeElement), true);
    assert.strictEqual(await card.getAttribute('tabindex'), '0');
    await page.keyboard.press('Tab');
    // The next stop is inside the cascade (the card's "Why and evidence" summary or the next card).
    const inside = await wv.locator('#root').evaluate((root) => document.activeElement !== document.body && root.contains(document.activeElement));
    assert.strictEqual(inside, true, 'Tab from a persona card left the cascade');
  });

  it('renders a task containing HTML and script as text', async () => {
    const { page } = p;
    const evil = 'Fix <img src=x onerror="document.title=1"> and <script>alert(1)</script> in the README';
    await runCommand(page, 'Strata: Coordinate Task');
    await quickInput(page).fill(evil);
    await page.keyboard.press('Enter');
    const wv = webviewContent(page);
    const task = wv.locator('[data-testid="cascade-root"][data-state="preview"] [data-testid="plan-task"]');
    await task.filter({ hasText: 'onerror' }).waitFor({ timeout: 60_000 });
    assert.strictEqual(await task.textContent(), evil);
    assert.strictEqual(await task.locator('img, script').count(), 0);
    await screenshot(page, 'cascade-html-task');
  });

  // Last: it leaves the window in a high-contrast theme.
  it('follows a high-contrast theme in the webview', async () => {
    const { page } = p;
    const wv = webviewContent(page);
    const card = wv.locator('[data-testid^="persona-card-"]').first();
    const border = () => card.evaluate((c) => getComputedStyle(c).borderTopColor + ' / ' + getComputedStyle(document.body).backgroundColor);
    const before = await border();
    // The workbench has no high-contrast toggle command; pick the theme like a user does.
    await runCommand(page, 'Preferences: Color Theme');
    await quickInput(page).fill('Dark High Contrast');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark High Contrast' }).first().click();
    await page.waitForFunction(() => !!document.querySelector('.monaco-workbench.hc-black, .monaco-workbench.hc-light'), undefined, { timeout: 15_000 });
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await page.waitForTimeout(100);
      after = await border();
    }
    assert.notStrictEqual(after, before, `card border and background stayed ${before} in high contrast`);
    await screenshot(page, 'cascade-high-contrast');
  });
});
