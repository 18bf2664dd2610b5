// Runs in: engine.
import { SIGNAL_LIMITS } from '../../../src-shared/signals';
import type { RawFrame } from '../../core/signals/frame-text';

/**
 * The frame as it goes into `signals.raw`: at most 64 KiB of UTF-8 (invalid bytes become U+FFFD),
 * plus the real size, so a huge or binary frame is still auditable without bloating the store.
 */
export function storedRaw(frame: RawFrame): { text: string; bytes: number } {
  const limit = SIGNAL_LIMITS.maxFrameBytes;
  if (typeof frame === 'string') {
    // Cheap bound first: the first `limit` UTF-16 units hold at least `limit` bytes.
    const head = frame.length > limit ? frame.slice(0, limit) : frame;
    const headBytes = Buffer.from(head, 'utf8');
    const bytes = head === frame ? headBytes.length : Buffer.byteLength(frame, 'utf8');
    return { text: bytes <= limit ? frame : headBytes.subarray(0, limit).toString('utf8'), bytes };
  }
  const bytes = frame.byteLength;
  const view = Buffer.from(frame.buffer, frame.byteOffset, Math.min(bytes, limit));
  return { text: view.toString('utf8'), bytes };
}
