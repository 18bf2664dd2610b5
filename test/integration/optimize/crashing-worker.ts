// A trial worker that dies on purpose: `{"crash":"always"}` every time, `{"crash":"once"}` the first time only (a marker file
// in COCKPIT_TEST_CRASH_DIR remembers across threads). Everything else runs like the real worker.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createTrialHandler } from '../../../src-main/engine/optimize/trial-handler';

const handle = createTrialHandler(workerData);
parentPort?.on('message', (msg: { values?: Record<string, unknown> }) => {
  const crash = msg.values?.['slow'];
  const marker = join(process.env.COCKPIT_TEST_CRASH_DIR ?? '.', `crashed-${String(crash)}`);
  if (crash === 41 || (crash === 43 && !existsSync(marker))) {
    writeFileSync(marker, '');
    process.exit(3);
  }
  parentPort?.postMessage(handle(msg));
});
