// The extension-tests module VS Code loads inside the real extension host (the `extensionTestsPath`
// of the workbench URL). It runs the mocha suites bundled under out/test/vscode/suite and writes a
// results file the runner (test/vscode/runHostTests.mjs) reads: the extension host exits with 0
// even when run() throws, so the file is the only trustworthy outcome.
//
// Which suites run is chosen by `.strata-test/control.json` in the workspace folder, written by the
// runner before each start of the extension host: phase "main" runs every suite except
// `afterRestart.test.js`; phase "afterRestart" (after `Developer: Restart Extension Host`) runs
// only that one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { z } from 'zod';

/** What the runner writes for each extension-host start. */
const controlSchema = z.object({
  phase: z.enum(['main', 'afterRestart']),
  resultsFile: z.string().min(1),
  grep: z.string().optional(),
});
type Control = z.infer<typeof controlSchema>;

/** One test's outcome as written to the results file. */
interface TestResult {
  readonly fullTitle: string;
  readonly file: string | undefined;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs: number;
  readonly error?: string;
}

function readControl(): Control {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('strata tests: no workspace folder is open (the runner opens one)');
  const file = path.join(folder.uri.fsPath, '.strata-test', 'control.json');
  const parsed = controlSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`strata tests: ${file} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

function log(line: string): void {
  // Forwarded to the page console, where the runner echoes lines carrying this prefix.
  console.log(`[strata-test] ${line}`);
}

/** Entry point called by VS Code's extension-test machinery. */
export async function run(): Promise<void> {
  const control = readControl();
  const results: TestResult[] = [];
  const started = Date.now();
  let fatal: string | undefined;
  try {
    // mocha 12 is an ES module with a CJS build; the extension host (Node 20.20) loads the CJS one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('mocha') as typeof import('mocha') | { default: typeof import('mocha') };
    const Mocha = 'default' in loaded ? loaded.default : loaded;
    const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'base' });
    if (control.grep) mocha.grep(control.grep);
    const suiteDir = path.join(__dirname, 'suite');
    const files = fs
      .readdirSync(suiteDir)
      .filter((f) => f.endsWith('.test.js'))
      .filter((f) => (control.phase === 'afterRestart') === (f === 'afterRestart.test.js'))
      .sort();
    for (const f of files) mocha.addFile(path.join(suiteDir, f));
    await mocha.loadFilesAsync();
    log(`phase ${control.phase}: ${files.length} suite file(s), VS Code ${vscode.version}`);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      const rel = (f: string | undefined) => (f ? path.basename(f) : undefined);
      runner.on('pass', (t) => {
        results.push({ fullTitle: t.fullTitle(), file: rel(t.file), state: 'passed', durationMs: t.duration ?? 0 });
        log(`pass ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t, err: Error) => {
        const error = `${err?.stack ?? err}`;
        results.push({ fullTitle: t.fullTitle(), file: rel(t.file), state: 'failed', durationMs: t.duration ?? 0, error });
        log(`FAIL ${t.fullTitle()}: ${error}`);
      });
      runner.on('pending', (t) => {
        results.push({ fullTitle: t.fullTitle(), file: rel(t.file), state: 'pending', durationMs: 0 });
        log(`pending ${t.fullTitle()}`);
      });
    });
  } catch (e) {
    fatal = `${(e as Error)?.stack ?? e}`;
    log(`FATAL ${fatal}`);
  } finally {
    const out = { phase: control.phase, vscodeVersion: vscode.version, durationMs: Date.now() - started, fatal, results };
    fs.mkdirSync(path.dirname(control.resultsFile), { recursive: true });
    fs.writeFileSync(control.resultsFile, JSON.stringify(out, null, 2));
    log(`results written to ${control.resultsFile}`);
  }
}
