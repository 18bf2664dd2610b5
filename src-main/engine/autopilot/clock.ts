// Runs in: engine.
import { setTimeout as sleep } from 'node:timers/promises';

/** Sub-millisecond wall clock: OCR samples and click times are compared with each other at this precision. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/**
 * Waits until `at` (preciseNow scale): a timer for the bulk, then short yields for the last milliseconds,
 * because setTimeout alone is late by 1–4 ms and each ms is multiplier at a high target.
 */
export async function sleepUntil(at: number, signal?: AbortSignal): Promise<void> {
  const coarse = at - preciseNow() - 3;
  if (coarse > 0) await sleep(coarse, undefined, { signal }).catch(() => {});
  while (preciseNow() < at && !signal?.aborted) await new Promise<void>((resolve) => setImmediate(resolve));
}
