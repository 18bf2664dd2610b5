// A child process for the crash-consistency test: the real engine, writing audit rows as fast as it can.
import { createEngine } from '../../src-main/engine/engine';
import { ScryptCipher } from '../../src-main/adapters/secrets/scrypt-cipher';

const engine = createEngine({ dataDir: process.argv[2]!, shell: 'cli', cipher: new ScryptCipher('test') });
for (let i = 1; ; i++) {
  const id = engine.actions.record({ kind: 'test-write', mode: 'dry-run', reason: `row ${i}`, detail: { i, pad: 'x'.repeat(200) } });
  // Printed only after better-sqlite3 returned, i.e. after the commit.
  process.stdout.write(`committed ${id}\n`);
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
