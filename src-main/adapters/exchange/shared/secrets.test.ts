import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact, SafeCredentials } from './redact';
import { SecretBox } from './secret-box';

const cheap = { logN: 14, r: 8, p: 1 };

describe('SecretBox', () => {
  it('round-trips, and refuses a wrong passphrase, purpose or tampered blob', () => {
    const box = new SecretBox('correct horse battery', cheap);
    const blob = box.seal('s3cr3t-value', 'acct:a');
    expect(blob.includes(Buffer.from('s3cr3t-value'))).toBe(false);
    expect(box.open(blob, 'acct:a')).toBe('s3cr3t-value');
    expect(() => new SecretBox('wrong passphrase!', cheap).open(blob, 'acct:a')).toThrow(/could not be decrypted/);
    expect(() => box.open(blob, 'acct:b')).toThrow(/could not be decrypted/);
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => box.open(tampered, 'acct:a')).toThrow();
  });
});

describe('redaction', () => {
  it('scrubs signatures, key headers and known secrets', () => {
    const line = 'POST /api/v3/order?symbol=BTCUSDT&signature=c8db56825ae71d6d X-MBX-APIKEY: abcdef123456 secret=hunter22 mysecretvalue';
    const out = redact(line, ['mysecretvalue']);
    expect(out).not.toMatch(/c8db5682|abcdef123456|hunter22|mysecretvalue/);
  });
  it('credentials never print their secret', () => {
    const c = new SafeCredentials('AKIA1234567890XYZ', 'the-secret-value');
    const shown = [JSON.stringify(c), inspect(c), String(c), `${c}`, JSON.stringify({ nested: c })].join(' ');
    expect(shown).not.toContain('the-secret-value');
    expect(shown).not.toContain('AKIA1234567890XYZ');
    expect(c.secret).toBe('the-secret-value');
  });
});
