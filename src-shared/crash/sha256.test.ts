import { describe, expect, it } from 'vitest';
import { fromHex, hmacSha256, sha256, toHex, utf8 } from './sha256';

// Node's WebCrypto global is node:crypto underneath; src-shared may not import Node built-ins, even in tests.
const subtle = globalThis.crypto.subtle;
/** WebCrypto's types want an ArrayBuffer-backed view; copying makes one. */
const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

async function referenceSha256(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle.digest('SHA-256', owned(data))));
}

async function referenceHmac(key: Uint8Array, message: Uint8Array): Promise<string> {
  const cryptoKey = await subtle.importKey('raw', owned(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await subtle.sign('HMAC', cryptoKey, owned(message))));
}

/** Deterministic pseudo-random bytes so a failure reproduces. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('sha256', () => {
  it('matches the FIPS 180-4 vectors', () => {
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node crypto for every length across the padding boundaries', async () => {
    for (let length = 0; length <= 200; length++) {
      const data = bytesOf(length, length + 1);
      expect(toHex(sha256(data)), `length ${length}`).toBe(await referenceSha256(data));
    }
  });
});

describe('hmacSha256', () => {
  it('matches RFC 4231 test case 2', () => {
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches node crypto for short, block-sized and long keys', async () => {
    for (const keyLength of [1, 32, 63, 64, 65, 131]) {
      for (const messageLength of [0, 55, 64, 100]) {
        const key = bytesOf(keyLength, keyLength * 7 + 3);
        const message = bytesOf(messageLength, messageLength * 11 + 5);
        expect(toHex(hmacSha256(key, message))).toBe(await referenceHmac(key, message));
      }
    }
  });

  it('round-trips hex and rejects non-hex', () => {
    expect(toHex(fromHex('00ff10ab'))).toBe('00ff10ab');
    expect(() => fromHex('zz')).toThrow();
  });
});
