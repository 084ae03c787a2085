import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Static guards for the cascade webview: it must render every string as text and run under a
 * strict CSP. A regression here (an innerHTML, an inline handler, 'unsafe-inline') is a
 * script-injection hole, since plans carry user and server text.
 */
const root = join(__dirname, '..', '..', '..');
const mediaDir = join(root, 'media', 'cascade');
const sources = readdirSync(mediaDir)
  .filter((f) => f.endsWith('.ts'))
  // Comments may name what is forbidden; only code counts.
  .map((f) => ({ f, text: readFileSync(join(mediaDir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1') }));

describe('extension/webview safety', () => {
  it('has webview sources to check', () => {
    assert.ok(sources.some((s) => s.f === 'main.ts'));
  });

  it('never parses strings as HTML in the webview script', () => {
    for (const { f, text } of sources) {
      for (const bad of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'srcdoc']) {
        assert.ok(!text.includes(bad), `${f} uses ${bad}`);
      }
    }
  });

  it('sets no inline style or event-handler attributes', () => {
    for (const { f, text } of sources) {
      assert.ok(!/setAttribute\(\s*['"](style|on[a-z]+)['"]/.test(text), `${f} sets an inline attribute`);
      assert.ok(!/\.style\.|\.onclick\s*=/.test(text), `${f} uses inline styles or on* properties`);
    }
  });

  it('the panel HTML has a nonce-only script CSP and no inline script or style', () => {
    const panel = readFileSync(join(root, 'src', 'extension', 'cascadePanel.ts'), 'utf8');
    const html = panel.slice(panel.indexOf('<!DOCTYPE html>'), panel.indexOf('</html>'));
    assert.match(panel, /script-src 'nonce-\$\{nonce\}'/);
    assert.match(panel, /"default-src 'none'"/);
    assert.ok(!panel.includes('unsafe-inline') && !panel.includes('unsafe-eval'));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'exactly one script tag');
    assert.match(html, /<script nonce="\$\{nonce\}" src=/);
    assert.ok(!/<style|style="/.test(html), 'no inline style');
    assert.match(panel, /localResourceRoots: \[vscode\.Uri\.joinPath\(extensionUri, 'dist', 'media'\), vscode\.Uri\.joinPath\(extensionUri, 'media'\)\]/);
  });
});
