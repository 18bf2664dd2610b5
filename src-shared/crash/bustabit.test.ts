import { describe, expect, it } from 'vitest';
import { buildChain, CrashChain, crashCentsFromHash, DEFAULT_SALT, isChainLink, SEGMENT_LENGTH } from './bustabit';
import { toHex } from './sha256';

const subtle = globalThis.crypto.subtle;
const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));

/** An independent implementation on WebCrypto (node:crypto), written the way bustabit's verifier is (float maths). */
async function referenceCrash(gameHash: string, salt: string): Promise<number> {
  const key = await subtle.importKey('raw', hexBytes(gameHash), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = toHex(new Uint8Array(await subtle.sign('HMAC', key, new TextEncoder().encode(salt))));
  const x = parseInt(mac.slice(0, 13), 16) / 2 ** 52;
  return Math.max(1, Math.floor(99 / (1 - x)) / 100);
}

describe('bustabit v2 chain', () => {
  it('links each round to the next: SHA-256(hash[n+1]) = hash[n], ending at SHA-256(seed)', async () => {
    const chain = buildChain('seed', 20);
    for (let i = 0; i + 1 < chain.length; i++) expect(isChainLink(chain[i]!, chain[i + 1]!)).toBe(true);
    expect(isChainLink(chain[1]!, chain[0]!)).toBe(false);
    const terminal = toHex(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode('seed'))));
    expect(chain.at(-1)).toBe(terminal);
  });

  it('is deterministic per seed and spans segments', () => {
    const a = new CrashChain('alpha');
    const b = new CrashChain('alpha');
    expect(a.crashCents(1)).toBe(b.crashCents(1));
    expect(a.gameHash(SEGMENT_LENGTH)).toBe(buildChain('alpha/0', SEGMENT_LENGTH).at(-1));
    expect(a.gameHash(SEGMENT_LENGTH + 1)).toBe(buildChain('alpha/1', SEGMENT_LENGTH)[0]);
    expect(new CrashChain('beta').gameHash(1)).not.toBe(a.gameHash(1));
    expect(() => a.gameHash(0)).toThrow();
  });
});

describe('bustabit v2 crash points', () => {
  it('matches an independent node-crypto implementation of the formula', async () => {
    const chain = new CrashChain('cross-check');
    for (let round = 1; round <= 300; round++) {
      expect(chain.crashPoint(round)).toBe(await referenceCrash(chain.gameHash(round), DEFAULT_SALT));
    }
  });

  it('follows P(crash >= x) = 0.99/x', () => {
    const rounds = 20_000;
    const chain = new CrashChain('distribution');
    const cents = Array.from({ length: rounds }, (_, i) => chain.crashCents(i + 1));
    for (const x of [1.01, 1.5, 2, 3, 5, 10]) {
      const p = cents.filter((c) => c >= Math.round(x * 100)).length / rounds;
      const expected = 0.99 / x;
      const sigma = Math.sqrt((expected * (1 - expected)) / rounds);
      expect(Math.abs(p - expected), `x=${x} p=${p}`).toBeLessThan(4 * sigma);
    }
    expect(Math.min(...cents)).toBe(100);
  });

  it('produces instant 1.00x crashes (about 1 round in 50): seed "instant" rounds 32, 66, 86', () => {
    const chain = new CrashChain('instant');
    const instant = Array.from({ length: 100 }, (_, i) => i + 1).filter((round) => chain.crashCents(round) === 100);
    expect(instant).toEqual([32, 66, 86]);
    // X < 2/101 gives floor(99/(1−X)) ≤ 100, i.e. 1.00×.
    expect(crashCentsFromHash(chain.gameHash(32))).toBe(100);
  });
});
