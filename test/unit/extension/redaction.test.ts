import assert from 'node:assert/strict';
import { REDACTED, Redactor, isSecretKey, redactPatterns } from '../../../src/extension/redaction';

describe('extension/redaction', () => {
  it('recognises secret-looking keys and leaves ordinary ones', () => {
    for (const k of ['GITHUB_TOKEN', 'apiKey', 'API_KEY', 'client_secret', 'DB_PASSWORD', 'Authorization', 'AWS_SECRET_ACCESS_KEY', 'passwd']) {
      assert.equal(isSecretKey(k), true, k);
    }
    for (const k of ['PATH', 'HOME', 'NODE_ENV', 'region', 'command']) assert.equal(isSecretKey(k), false, k);
  });

  it('redacts registered ${input:…} values wherever they appear', () => {
    const r = new Redactor();
    r.addSecret('s3cr3t-value-123');
    const out = r.redact('spawn server --flag s3cr3t-value-123 and again:s3cr3t-value-123.');
    assert.ok(!out.includes('s3cr3t-value-123'), out);
    assert.equal(out.split(REDACTED).length - 1, 2);
  });

  it('redacts env values of secret keys even when printed without the key', () => {
    const r = new Redactor();
    r.addEnv({ GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_abcdefghijklmnop', PATH: '/usr/bin', REGION: 'eu' });
    const out = r.redact('stderr: using ghp_abcdefghijklmnop for eu, path /usr/bin');
    assert.ok(!out.includes('ghp_abcdefghijklmnop'));
    assert.ok(out.includes('/usr/bin') && out.includes('eu'), 'non-secret values are kept');
  });

  it('redacts Authorization headers and bearer tokens without knowing them', () => {
    const samples = [
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
      'headers {"Authorization":"Basic dXNlcjpwYXNz"}',
      'proxy-authorization=Token abcdef123456',
      'calling with Bearer abcdef0123456789',
    ];
    for (const s of samples) {
      const out = redactPatterns(s);
      assert.ok(out.includes(REDACTED), `${s} → ${out}`);
      assert.ok(!/eyJhbGci|dXNlcjpwYXNz|abcdef123456|abcdef0123456789/.test(out), `${s} → ${out}`);
    }
  });

  it('redacts KEY=value, key: value and JSON pairs whose key looks secret', () => {
    const out = redactPatterns('env API_KEY=xyz987 NODE_ENV=production token: tkn-42 {"password": "hunter22", "user": "bob"} --access-key=AKIA1234');
    assert.ok(!/xyz987|tkn-42|hunter22|AKIA1234/.test(out), out);
    assert.ok(out.includes('NODE_ENV=production') && out.includes('"user": "bob"'), out);
  });

  it('keeps ${input:…} placeholders (they are not values) and URL users but not URL passwords', () => {
    const out = redactPatterns('"apiKey": "${input:api-key}" url https://alice:pa55word@example.com/x');
    assert.ok(out.includes('${input:api-key}'), out);
    assert.ok(out.includes('alice:') && !out.includes('pa55word'), out);
  });

  it('registers header values and the token alone', () => {
    const r = new Redactor();
    r.addHeaders({ Authorization: 'Bearer tok_live_999888', Accept: 'application/json' });
    assert.equal(r.size, 2);
    assert.ok(!r.redact('sent tok_live_999888').includes('tok_live_999888'));
  });

  it('ignores very short values that would redact ordinary words', () => {
    const r = new Redactor();
    r.addSecret('on');
    assert.equal(r.redact('turn it on'), 'turn it on');
  });

  it('redacts secrets containing regex metacharacters literally', () => {
    const r = new Redactor();
    r.addSecret('a+b*(c)?[d]$');
    assert.equal(r.redact('x a+b*(c)?[d]$ y'), `x ${REDACTED} y`);
  });
});
