// Runs in: a worker thread of the optimizer (bundled as out/main/optimize-worker.js). One trial at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createTrialHandler } from './trial-handler';

const handle = createTrialHandler(workerData);
parentPort?.on('message', (msg: unknown) => parentPort?.postMessage(handle(msg)));
