// Runs in: engine (headless shell and CLI).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CipherSource } from './secret-key-check';

export const KEY_FILE_NAME = 'secret.key';

/**
 * COCKPIT_PASSPHRASE is the real protection in headless mode. Without it, a random key file (mode 0600)
 * in the data dir keeps secrets out of the database file itself, and the caller is told so.
 */
export function headlessPassphrase(dataDir: string, env: NodeJS.ProcessEnv = process.env): { passphrase: string; source: CipherSource } {
  if (env.COCKPIT_PASSPHRASE) return { passphrase: env.COCKPIT_PASSPHRASE, source: { kind: 'env' } };
  const file = join(dataDir, KEY_FILE_NAME);
  const created = !existsSync(file);
  if (created) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return { passphrase: readFileSync(file, 'utf8').trim(), source: { kind: 'keyfile', file, created } };
}

/** A key file made just now for a database whose secrets need the old one is useless: remove it so the next start says "missing" again. */
export function discardNewKeyFile(source: CipherSource): void {
  if (source.kind === 'keyfile' && source.created) unlinkSync(source.file);
}
