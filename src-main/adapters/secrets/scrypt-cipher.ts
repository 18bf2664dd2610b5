// Runs in: engine (headless shell and CLI).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SecretCipher } from './secret-store';

const SALT = 16;
const IV = 12;
const TAG = 16;
// N=2^15 costs ~50 ms per derivation: done once per process, expensive for an offline guesser.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** AES-256-GCM with a key derived by scrypt from a passphrase; the blob is salt|iv|tag|ciphertext. */
export class ScryptCipher implements SecretCipher {
  readonly scheme = 'scrypt-aes-256-gcm';
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly passphrase: string) {
    if (!passphrase) throw new Error('A passphrase is required to encrypt secrets.');
  }

  encrypt(plaintext: string): Buffer {
    const salt = randomBytes(SALT);
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.key(salt), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([salt, iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer): string {
    if (blob.length < SALT + IV + TAG) throw new Error('Secret blob is truncated.');
    const salt = blob.subarray(0, SALT);
    const decipher = createDecipheriv('aes-256-gcm', this.key(salt), blob.subarray(SALT, SALT + IV));
    decipher.setAuthTag(blob.subarray(SALT + IV, SALT + IV + TAG));
    return Buffer.concat([decipher.update(blob.subarray(SALT + IV + TAG)), decipher.final()]).toString('utf8');
  }

  private key(salt: Buffer): Buffer {
    const id = salt.toString('hex');
    let key = this.keys.get(id);
    if (!key) this.keys.set(id, (key = scryptSync(this.passphrase, salt, 32, SCRYPT)));
    return key;
  }
}
