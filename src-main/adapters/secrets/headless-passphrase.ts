// Runs in: engine (headless shell and CLI).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * COCKPIT_PASSPHRASE is the real protection in headless mode. Without it, a random key file (mode 0600)
 * in the data dir keeps secrets out of the database file itself, and the caller is told so.
 */
export function headlessPassphrase(dataDir: string, env: NodeJS.ProcessEnv = process.env): { passphrase: string; source: 'env' | 'keyfile' } {
  if (env.COCKPIT_PASSPHRASE) return { passphrase: env.COCKPIT_PASSPHRASE, source: 'env' };
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return { passphrase: readFileSync(file, 'utf8').trim(), source: 'keyfile' };
}
