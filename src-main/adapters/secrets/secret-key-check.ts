// Runs in: engine. Says which key failed when the stored secrets cannot be decrypted, before anything else tries.
import type { Db } from '../store/database';
import { sealedWithScheme } from '../store/sqlite-secret-store';
import type { SecretCipher } from './secret-store';

/** Where the shell's cipher got its key: what the user has to fix when it does not match. */
export type CipherSource = { kind: 'env' } | { kind: 'keyfile'; file: string; created: boolean } | { kind: 'os-keychain' };

export class SecretKeyMismatch extends Error {
  constructor(
    message: string,
    readonly source: CipherSource,
  ) {
    super(message);
    this.name = 'SecretKeyMismatch';
  }
}

/**
 * Decrypts one stored secret sealed with this cipher's scheme. AES-GCM would otherwise surface later as
 * "Unsupported state or unable to authenticate data", from whichever read came first.
 */
export function verifySecretKey(db: Db, cipher: SecretCipher, source: CipherSource, where: string): void {
  const sealed = sealedWithScheme(db, cipher.scheme);
  const sample = sealed[0];
  if (!sample) return;
  try {
    cipher.decrypt(sample);
  } catch {
    throw new SecretKeyMismatch(mismatchMessage(source, sealed.length, where), source);
  }
}

function mismatchMessage(source: CipherSource, count: number, where: string): string {
  const secrets = `the ${count} secret${count === 1 ? '' : 's'} saved in ${where}`;
  switch (source.kind) {
    case 'env':
      return `COCKPIT_PASSPHRASE is wrong: it cannot decrypt ${secrets}. Set the passphrase they were saved with.`;
    case 'keyfile':
      return source.created
        ? `the key file ${source.file} is missing: ${secrets} were encrypted with it and cannot be decrypted. Restore it from a backup (or set COCKPIT_PASSPHRASE if they were saved with one).`
        : `the key file ${source.file} does not match: it cannot decrypt ${secrets} (was it changed or replaced?). Restore the original (or set COCKPIT_PASSPHRASE if they were saved with one).`;
    case 'os-keychain':
      return `the OS keychain key cannot decrypt ${secrets}; they were saved with another key (or set COCKPIT_PASSPHRASE if they were saved with one).`;
  }
}
