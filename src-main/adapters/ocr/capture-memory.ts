// Runs in: engine (Node, or Electron's main process). Frees screen captures with young-generation GCs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options: { type: 'minor'; execution: 'sync' }) => void;

/** Captured bytes between two reclaims: far below V8's 64 MB external-memory trigger for a full GC. */
export const RECLAIM_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * Every capture is a fresh native buffer (libnut cannot capture into a reused one). Left to V8, those buffers are
 * freed by full mark-compacts forced by external-memory pressure: several a second at frame rate, each a 4–10 ms
 * pause of the thread that also takes signals and clicks. A minor GC frees the same dead buffers in about 0.4 ms,
 * so one runs per few MB captured, just before a read, when no click is waiting.
 */
export class CaptureMemory {
  private sinceReclaim = 0;

  constructor(
    private readonly gc: GcFunction | null,
    private readonly reclaimEveryBytes = RECLAIM_EVERY_BYTES,
  ) {}

  get enabled(): boolean {
    return this.gc !== null;
  }

  noteCaptured(bytes: number): void {
    this.sinceReclaim += bytes;
  }

  /** Call between reads only: by then the previous captures are garbage. */
  reclaimIfDue(): boolean {
    if (this.gc === null || this.sinceReclaim < this.reclaimEveryBytes) return false;
    this.sinceReclaim = 0;
    this.gc({ type: 'minor', execution: 'sync' });
    return true;
  }
}

/**
 * V8's `gc()`, exposed at run time (Electron's main process takes no `--expose-gc` from `js-flags`). The old
 * generation is also given 3× headroom over live data: frequent minor GCs promote a little, and with V8's default
 * headroom for a small heap each would start incremental marking, turning them back into full GCs.
 * `COCKPIT_CAPTURE_RECLAIM=0` leaves V8 alone (the benchmark's baseline).
 */
function tuneV8ForCaptures(env: NodeJS.ProcessEnv = process.env): GcFunction | null {
  if (env.COCKPIT_CAPTURE_RECLAIM === '0') return null;
  try {
    const existing = (globalThis as { gc?: unknown }).gc;
    if (typeof existing !== 'function') setFlagsFromString('--expose-gc');
    const gc: unknown = typeof existing === 'function' ? existing : runInNewContext('gc');
    if (typeof gc !== 'function') return null;
    setFlagsFromString('--heap-growing-percent=200');
    return gc as GcFunction;
  } catch {
    return null;
  }
}

let shared: CaptureMemory | null = null;

/** One per process, so every capture counts towards the same reclaim; V8 is tuned on first use, not on import. */
export function captureMemory(): CaptureMemory {
  return (shared ??= new CaptureMemory(tuneV8ForCaptures()));
}
