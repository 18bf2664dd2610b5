// Runs in: engine.
import type { Db } from './database';
import type { SecretCipher, SecretStore } from '../secrets/secret-store';

/** Secrets as encrypted blobs in the `secrets` table; a blob from another scheme is treated as absent, never guessed at. */
export class SqliteSecretStore implements SecretStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: SecretCipher,
  ) {}

  get scheme(): string {
    return this.cipher.scheme;
  }

  put(name: string, plaintext: string | null): void {
    if (plaintext === null) {
      this.db.prepare('DELETE FROM secrets WHERE name = ?').run(name);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO secrets (name, scheme, blob, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET scheme = excluded.scheme, blob = excluded.blob, updated_at = excluded.updated_at',
      )
      .run(name, this.cipher.scheme, this.cipher.encrypt(plaintext), Date.now());
  }

  get(name: string): string | null {
    const row = this.db.prepare<[string], { scheme: string; blob: Buffer }>('SELECT scheme, blob FROM secrets WHERE name = ?').get(name);
    if (!row || row.scheme !== this.cipher.scheme) return null;
    return this.cipher.decrypt(row.blob);
  }

  has(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM secrets WHERE name = ?').get(name) !== undefined;
  }
}

/** Every blob sealed with `scheme`: stored secrets and exchange account secrets alike. */
export function sealedWithScheme(db: Db, scheme: string): Buffer[] {
  return db
    .prepare<[string, string], { blob: Buffer }>(
      'SELECT blob FROM secrets WHERE scheme = ? UNION ALL SELECT secret_blob AS blob FROM exchange_accounts WHERE secret_scheme = ? AND secret_blob IS NOT NULL',
    )
    .all(scheme, scheme)
    .map((row) => row.blob);
}
