// Prints the extension-host results (one or more phases' results files) as mocha prints them, so
// scripts/test.mjs can count "N passing" / "N failing" / "N pending"; shared by the web runner
// (runHostTests.mjs) and the desktop runner (runDesktop.mjs).

/**
 * @param {{phase: string, vscodeVersion?: string, fatal?: string, results: {fullTitle: string, state: string, durationMs: number, error?: string}[]}[]} phases
 * @param {number} ms wall time of the whole run
 * @returns {number} the exit code: 1 on a failure or when no test ran
 */
export function report(phases, ms) {
  let passing = 0;
  let failing = 0;
  let pending = 0;
  const failures = [];
  console.log('');
  for (const p of phases) {
    console.log(`  extension host, phase ${p.phase}${p.vscodeVersion ? ` (VS Code ${p.vscodeVersion})` : ''}`);
    if (p.fatal) {
      failing++;
      failures.push({ fullTitle: `phase ${p.phase} could not run its tests`, error: p.fatal });
      console.log(`    ✗ phase ${p.phase} could not run its tests`);
    }
    for (const r of p.results) {
      if (r.state === 'passed') {
        passing++;
        console.log(`    ✓ ${r.fullTitle} (${r.durationMs}ms)`);
      } else if (r.state === 'pending') {
        pending++;
        console.log(`    - ${r.fullTitle}`);
      } else {
        failing++;
        failures.push(r);
        console.log(`    ✗ ${r.fullTitle}`);
      }
    }
  }
  console.log('');
  console.log(`  ${passing} passing (${Math.round(ms / 1000)}s)`);
  if (failing) console.log(`  ${failing} failing`);
  if (pending) console.log(`  ${pending} pending`);
  failures.forEach((f, i) => {
    console.log(`\n  ${i + 1}) ${f.fullTitle}:\n     ${String(f.error).split('\n').slice(0, 12).join('\n     ')}`);
  });
  if (passing + failing === 0) {
    console.log('\n[vscode-tests] no test ran');
    return 1;
  }
  return failing ? 1 : 0;
}

