// The shared state of one browser end-to-end run, set up by runBrowserTests.mjs before mocha loads
// the specs: one VS Code server, one chromium, one temporary workspace with real MCP servers.

/**
 * @typedef {object} E2EHarness
 * @property {import('playwright-core').Browser} browser
 * @property {string} workspace       absolute path of the temporary workspace folder
 * @property {string} url             workbench URL with Strata under development (no tests path)
 * @property {(name: string) => string} tmpFile  a path inside the run's temporary folder
 */

/** @type {E2EHarness | undefined} */
let current;

/** @param {E2EHarness} h */
export function setHarness(h) {
  current = h;
}

/** The harness of the current run; throws if a spec is run outside runBrowserTests.mjs. */
export function harness() {
  if (!current) throw new Error('e2e: specs must run through test/e2e/runBrowserTests.mjs');
  return current;
}

/**
 * A new browser context + page; console errors are collected for the spec's diagnostics.
 * @returns {Promise<{page: import('playwright-core').Page, close: () => Promise<void>, consoleErrors: string[]}>}
 */
export async function newPage() {
  const context = await harness().browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { page, consoleErrors, close: () => context.close() };
}
