import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database';
import { AccountVault } from './account-vault';
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

describe('AccountVault', () => {
  it('stores only ciphertext, defaults to testnet, and opens live accounts only when armed', () => {
    const db = openDatabase(':memory:');
    const vault = new AccountVault(db, new SecretBox('headless passphrase', cheap));
    expect(vault.save({ id: 'a1', exchange: 'binance-spot', label: 'main', apiKey: 'KEY1234567890', secret: 'plain-secret-123' }).environment).toBe('testnet');
    vault.save({ id: 'a2', exchange: 'bybit', label: 'live one', environment: 'live', apiKey: 'KEY0987654321', secret: 'other-secret-456' });
    const raw = db.prepare('SELECT secret_blob FROM exchange_accounts').all() as Array<{ secret_blob: Buffer }>;
    for (const r of raw) expect(r.secret_blob.toString('latin1')).not.toMatch(/secret-/);
    expect(vault.credentials('a1', { liveArmed: false }).secret).toBe('plain-secret-123');
    expect(() => vault.credentials('a2', { liveArmed: false })).toThrow(/arm live/);
    expect(vault.credentials('a2', { liveArmed: true }).secret).toBe('other-secret-456');
    expect(vault.list().map((a) => a.apiKeyMasked)).toEqual(['KEY1…7890', 'KEY0…4321']);
    db.close();
  });
});
