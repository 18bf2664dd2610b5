// Runs in: engine. A pool of trial worker threads over one shared candle buffer; a crashed worker costs only its trial.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CandleColumns } from '../../core/backtest/columns';
import type { Metrics } from '../../core/backtest/types';
import type { TrialSetup } from '../../core/optimize/trial';
import type { ParamValues } from '../../core/optimize/space';
import type { BarRange } from '../../core/optimize/walk-forward';
import { TrialReply, type TrialRequest, type TrialWorkerData } from './trial-protocol';

export interface TrialTask {
  readonly values: ParamValues;
  readonly range: BarRange;
}

export type TrialOutcome = { readonly ok: true; readonly metrics: Metrics } | { readonly ok: false; readonly error: string; readonly invalid: boolean };

/** What the optimizer needs from a pool; tests may substitute one. */
export interface TrialExecutor {
  readonly size: number;
  run(task: TrialTask): Promise<TrialOutcome>;
  close(): Promise<void>;
}

export interface WorkerEntry {
  readonly url: URL;
  readonly execArgv: readonly string[];
}

/**
 * The built worker sits beside the bundle that loads this module (out/main/optimize-worker.js);
 * run from sources (vitest, tsx) it is the .ts file, loaded through tsx.
 */
export function defaultWorkerEntry(): WorkerEntry {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./trial-worker.ts', here), execArgv: ['--import', 'tsx'] };
  return { url: new URL('./optimize-worker.js', here), execArgv: [] };
}

export const defaultWorkers = (): number => availableParallelism();

interface Pending {
  readonly request: TrialRequest;
  readonly resolve: (outcome: TrialOutcome) => void;
  attempts: number;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/** Attempts per trial: a crash is retried once on a fresh worker, then the trial is recorded as failed. */
const MAX_ATTEMPTS = 2;

export class WorkerPool implements TrialExecutor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly data: TrialWorkerData;
  private nextId = 0;
  private closed = false;

  constructor(
    cols: CandleColumns,
    setup: TrialSetup,
    readonly size: number,
    private readonly entry: WorkerEntry = defaultWorkerEntry(),
  ) {
    if (!(cols.buffer instanceof SharedArrayBuffer)) throw new TypeError('the pool needs candle columns over a SharedArrayBuffer');
    this.data = { buffer: cols.buffer, length: cols.length, setup: { strategy: setup.strategy, baseParams: { ...setup.baseParams }, fee: setup.fee } };
  }

  run(task: TrialTask): Promise<TrialOutcome> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ request: { id: this.nextId++, values: task.values, from: task.range.from, to: task.range.to }, resolve, attempts: 0 });
      this.pump();
    });
  }

  /** Ends every worker; trials still queued or running never resolve (the caller has stopped waiting). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Pending;
      job.attempts++;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry.url, { workerData: this.data, execArgv: [...this.entry.execArgv] });
    const slot: Slot = { worker, job: null };
    this.slots.push(slot);
    worker.on('message', (raw: unknown) => {
      const reply = TrialReply.safeParse(raw);
      const job = slot.job;
      if (!job || !reply.success || reply.data.id !== job.request.id) return;
      slot.job = null;
      const r = reply.data;
      job.resolve(r.ok ? { ok: true, metrics: r.metrics } : { ok: false, error: r.error, invalid: r.invalid });
      this.pump();
    });
    worker.on('error', () => {}); // 'exit' follows and handles it
    worker.on('exit', (code) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (this.closed || !job) return;
      if (job.attempts < MAX_ATTEMPTS) this.queue.unshift(job);
      else job.resolve({ ok: false, error: `worker crashed twice running this trial (exit code ${code})`, invalid: false });
      this.pump();
    });
    return slot;
  }
}
