// A child process for the crash-consistency test: the engine's store (same openDatabase, pragmas, migrations and
// ActionsRepo the engine writes through), writing audit rows as fast as it can until it is killed. It loads only the
// store, so a cold, loaded CI machine starts it in well under a second.
import { join } from 'node:path';
import { ActionsRepo } from '../../src-main/adapters/store/actions-repo';
import { openDatabase } from '../../src-main/adapters/store/database';

const actions = new ActionsRepo(openDatabase(join(process.argv[2]!, 'cockpit.sqlite')));
for (let i = 1; ; i++) {
  const id = actions.record({ kind: 'test-write', mode: 'dry-run', reason: `row ${i}`, detail: { i, pad: 'x'.repeat(200) } });
  // Printed only after better-sqlite3 returned, i.e. after the commit.
  process.stdout.write(`committed ${id}\n`);
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
