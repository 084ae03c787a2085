import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The folders are the design (see the brief): `src/engine/` is plain Node (no `vscode`, no MCP
 * SDK, nothing from the outer folders); only `src/mcp/` imports the MCP SDK; only
 * `src/extension/` imports `vscode`.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');

/** Module specifiers of every import/export-from/require/dynamic import in a source text. */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s+from\s+['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

const isVscode = (s: string) => s === 'vscode';
const isMcpSdk = (s: string) => s === '@modelcontextprotocol/sdk' || s.startsWith('@modelcontextprotocol/sdk/');
const area = (file: string) => relative(SRC, file).split(sep)[0]!;

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

function violations(): Violation[] {
  const out: Violation[] = [];
  for (const file of sourceFiles(SRC)) {
    const where = area(file);
    const rel = relative(ROOT, file);
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (isVscode(spec) && where !== 'extension') out.push({ file: rel, specifier: spec, rule: 'only src/extension/ may import vscode' });
      if (isMcpSdk(spec) && where !== 'mcp') out.push({ file: rel, specifier: spec, rule: 'only src/mcp/ may import the MCP SDK' });
      if (where === 'engine' && spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const targetArea = relative(SRC, target).split(sep)[0];
        if (targetArea !== 'engine') out.push({ file: rel, specifier: spec, rule: 'src/engine/ may not import from outside src/engine/' });
      }
    }
  }
  return out;
}

describe('architecture: import boundaries', () => {
  it('the scanner finds every import form (so the boundary test can fail)', () => {
    const sample = [
      "import * as vscode from 'vscode';",
      "import type { Client } from '@modelcontextprotocol/sdk/client/index.js';",
      "import { a, b } from \"./x\";",
      "import './side-effect';",
      "export { y } from '../y';",
      "export * from 'z';",
      "const m = require('vscode');",
      "const d = await import('@modelcontextprotocol/sdk');",
    ].join('\n');
    assert.deepEqual(importSpecifiers(sample).sort(), ['../y', './side-effect', './x', '@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/client/index.js', 'vscode', 'vscode', 'z'].sort());
  });

  it('scans the engine (the test sees real files)', () => {
    const engineFiles = sourceFiles(join(SRC, 'engine'));
    assert.ok(engineFiles.length >= 10, `expected engine sources, found ${engineFiles.length}`);
    assert.ok(engineFiles.some((f) => f.endsWith('planner.ts')));
  });

  it('src/engine imports neither vscode nor the MCP SDK nor outer folders; only src/mcp imports the SDK; only src/extension imports vscode', () => {
    const found = violations();
    assert.deepEqual(found, [], found.map((v) => `${v.file}: "${v.specifier}": ${v.rule}`).join('\n'));
  });
});
