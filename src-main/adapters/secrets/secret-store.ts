// Runs in: engine.
/** Where secrets (signal tokens, exchange API secrets) live. Plaintext never touches SQLite, logs or the UI. */
export interface SecretStore {
  readonly scheme: string;
  put(name: string, plaintext: string | null): void;
  get(name: string): string | null;
  has(name: string): boolean;
}

/** How a shell turns plaintext into an opaque blob and back: scrypt+AES-GCM headless, Electron safeStorage in the app. */
export interface SecretCipher {
  readonly scheme: string;
  encrypt(plaintext: string): Buffer;
  decrypt(blob: Buffer): string;
}
