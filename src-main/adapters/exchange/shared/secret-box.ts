// Runs in: engine.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const MAGIC = Buffer.from('CKS1');
const SALT = 16;
const IV = 12;
const TAG = 16;

export interface ScryptCost {
  /** log2 of N; 15 → N = 32768 (~32 MiB with r = 8). */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_COST: ScryptCost = { logN: 15, r: 8, p: 1 };

/**
 * Headless-mode secret storage: AES-256-GCM under a key derived from a passphrase with scrypt.
 * Each blob is self-describing (magic, salt, cost, iv, tag) and bound to its purpose through the
 * associated data, so a blob copied onto another account does not open.
 * Layout: "CKS1" | salt(16) | logN r p (3 bytes) | iv(12) | tag(16) | ciphertext.
 */
export class SecretBox {
  static readonly scheme = 'scrypt-aes-256-gcm';

  constructor(
    private readonly passphrase: string,
    private readonly cost: ScryptCost = DEFAULT_COST,
  ) {
    if (passphrase.length < 8) throw new Error('passphrase must be at least 8 characters');
  }

  seal(plaintext: string, purpose: string): Buffer {
    const salt = randomBytes(SALT);
    const iv = randomBytes(IV);
    const key = this.key(salt, this.cost);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const costBytes = Buffer.from([this.cost.logN, this.cost.r, this.cost.p]);
    return Buffer.concat([MAGIC, salt, costBytes, iv, cipher.getAuthTag(), body]);
  }

  /** Throws on a wrong passphrase, a wrong purpose or any tampering (GCM tag check). */
  open(blob: Buffer, purpose: string): string {
    if (blob.length < MAGIC.length + SALT + 3 + IV + TAG || !blob.subarray(0, 4).equals(MAGIC)) throw new Error('not a SecretBox blob');
    let at = MAGIC.length;
    const salt = blob.subarray(at, (at += SALT));
    const [logN, r, p] = blob.subarray(at, (at += 3));
    const iv = blob.subarray(at, (at += IV));
    const tag = blob.subarray(at, (at += TAG));
    const key = this.key(salt, { logN: logN!, r: r!, p: p! });
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(blob.subarray(at)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('secret could not be decrypted (wrong passphrase or tampered data)');
    }
  }

  private key(salt: Buffer, c: ScryptCost): Buffer {
    if (c.logN < 14 || c.logN > 20) throw new Error(`scrypt cost 2^${c.logN} out of range`);
    return scryptSync(this.passphrase.normalize('NFKC'), salt, 32, { N: 2 ** c.logN, r: c.r, p: c.p, maxmem: 256 * 1024 * 1024 });
  }
}
