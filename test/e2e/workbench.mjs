// Small helpers for driving the VS Code web workbench with playwright-core: the command palette,
// quick inputs, webview frames (two nested iframes), the activity bar and screenshots.
// Selectors are VS Code 1.100's DOM; see docs/testing.md for how to find new ones.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/vscodeServer.mjs';

/** Where screenshots go (gitignored). */
export const screenshotDir = join(repoRoot, 'test-output', 'screenshots');

/**
 * Opens a workbench URL and waits until the workbench and its extension host are up.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
export async function openWorkbench(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The status bar's remote indicator appears once the remote connection is established.
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ timeout: 60_000 });
}

/**
 * Runs a command by its palette label ("Category: Title"): F1, type, click the matching row.
 * @param {import('playwright-core').Page} page
 * @param {string} label
 * @param {number} [timeoutMs]
 */
export async function runCommand(page, label, timeoutMs = 60_000) {
  const input = quickInput(page);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  const deadline = Date.now() + timeoutMs;
  // Early keystrokes can land before the workbench's keybindings are live, and the palette lists
  // the commands known when it opens (an extension may still be registering): reopen until found.
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await input.fill(`>${label}`);
      await row.waitFor({ timeout: 4_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        const shot = await screenshot(page, 'failure-palette').catch(() => '(no screenshot)');
        throw new Error(`the command palette has no "${label}" (see ${shot}): ${e.message}`);
      }
    }
  }
  await row.click();
}

/**
 * The quick-input text box (command palette, showInputBox, quick picks).
 * @param {import('playwright-core').Page} page
 */
export function quickInput(page) {
  return page.locator('.quick-input-widget input.input >> visible=true');
}

/**
 * The content frame of the webview whose editor tab is active: VS Code renders a webview as an
 * outer iframe (`iframe.webview`, its host page) holding the extension's document in an inner
 * `iframe#active-frame`. Visible webviews carry the `ready` class; the last one is the newest.
 * @param {import('playwright-core').Page} page
 */
export function webviewContent(page) {
  return page.frameLocator('iframe.webview.ready >> visible=true').last().frameLocator('iframe#active-frame');
}

/**
 * Shows a view container of the activity bar by its title (e.g. "Strata").
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
export async function showActivity(page, title) {
  const item = page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).first();
  await item.waitFor({ timeout: 20_000 });
  const expanded = await item.locator('..').getAttribute('aria-expanded').catch(() => null);
  const checked = await item.getAttribute('aria-checked').catch(() => null);
  if (expanded !== 'true' && checked !== 'true') await item.click();
}

/**
 * A tree row in the side bar by its visible label.
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp} label
 */
export function treeRow(page, label) {
  return page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
}

/**
 * Saves a full-page screenshot under test-output/screenshots/<name>.png and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
