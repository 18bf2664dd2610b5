// Runs in: Node (CLI). Opens an engine on a claimed data dir, and stops it in the one right order.
import { discardNewKeyFile, headlessPassphrase } from '../adapters/secrets/headless-passphrase';
import { ScryptCipher } from '../adapters/secrets/scrypt-cipher';
import { SecretKeyMismatch } from '../adapters/secrets/secret-key-check';
import type { DataDirLock } from '../adapters/store/data-dir-lock';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine';
import type { FatalErrorPolicy } from '../engine/fatal-error-policy';

/** What `main` hands every command: the process's fatal-error policy. */
export interface CliContext {
  readonly fatal: FatalErrorPolicy;
}

export interface CliEngine {
  readonly engine: Engine;
  /** Shuts the engine down (trading first), releases the data dir, prints what failed; resolves with the exit code. */
  stop(reason: string): Promise<number>;
}

/** A shutdown that hangs (a stuck socket, a stalled disk) must not keep the process alive. */
const SHUTDOWN_DEADLINE_MS = 10_000;

export function openCliEngine(context: CliContext, lock: DataDirLock, options: Omit<EngineOptions, 'cipher' | 'cipherSource'>): CliEngine {
  let engine: Engine;
  try {
    const { passphrase, source } = headlessPassphrase(options.dataDir);
    try {
      engine = createEngine({ ...options, cipher: new ScryptCipher(passphrase), cipherSource: source });
    } catch (error) {
      if (error instanceof SecretKeyMismatch) discardNewKeyFile(source);
      throw error;
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  const unprotect = context.fatal.protect(engine);
  return {
    engine,
    async stop(reason) {
      const deadline = new Promise<{ problems: string[] }>((resolve) =>
        setTimeout(() => resolve({ problems: [`shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s`] }), SHUTDOWN_DEADLINE_MS).unref(),
      );
      const report = await Promise.race([engine.shutdown(reason), deadline]);
      unprotect();
      lock.release();
      for (const problem of report.problems) process.stderr.write(`cockpit: ${problem}\n`);
      return report.problems.length === 0 ? 0 : 1;
    },
  };
}
