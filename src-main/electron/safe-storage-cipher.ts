// Runs in: Electron main. Secrets encrypted with the OS keychain (Keychain, DPAPI, libsecret).
import { safeStorage } from 'electron';
import type { SecretCipher } from '../adapters/secrets/secret-store';

export class SafeStorageCipher implements SecretCipher {
  readonly scheme = 'safeStorage';

  constructor() {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('OS encryption (safeStorage) is not available.');
    // On Linux without a keyring Electron falls back to a hard-coded key: that is not encryption.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new Error('No OS keyring found (safeStorage backend is basic_text); set COCKPIT_PASSPHRASE to use passphrase encryption instead.');
    }
  }

  encrypt(plaintext: string): Buffer {
    return safeStorage.encryptString(plaintext);
  }

  decrypt(blob: Buffer): string {
    return safeStorage.decryptString(blob);
  }
}
