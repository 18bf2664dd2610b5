// Runs in: renderer and engine.
import { z } from 'zod';

/**
 * The normalized signal the engine acts on, whatever wire format it arrived in
 * (see src-main/core/signals/wire-format.ts for the accepted wire variants).
 */
export const SIGNAL_LIMITS = {
  /** Frames larger than this are rejected before parsing; stored raw text is truncated to it. */
  maxFrameBytes: 64 * 1024,
  /** Below 1.01 a cash-out cannot profit after the house edge. */
  minTarget: 1.01,
  /** Anything above is treated as a typo or garbage, not a real target. */
  maxTarget: 10_000,
  maxRoundIdLength: 128,
} as const;

export const SignalRange = z.object({ min: z.number(), max: z.number() });
export type SignalRange = z.infer<typeof SignalRange>;

export const Signal = z.object({
  /** Numbers are stringified, so 42 and "42" are the same round. */
  roundId: z.string().min(1).max(SIGNAL_LIMITS.maxRoundIdLength),
  /** Epoch milliseconds (integer). */
  timestamp: z.number().int(),
  target: z.number().min(SIGNAL_LIMITS.minTarget).max(SIGNAL_LIMITS.maxTarget),
  range: SignalRange.nullable(),
  bet: z.boolean(),
  stake: z.number().positive().nullable(),
});
export type Signal = z.infer<typeof Signal>;

/** Why a frame was rejected. Stable codes: the UI and the store key on them; `reason` is the human text. */
export const SignalRejectCode = z.enum([
  'frame-too-large',
  'invalid-utf8',
  'too-deep',
  'not-json',
  'not-object',
  'invalid-field',
  'target-not-finite',
  'target-too-low',
  'target-too-high',
  'range-inverted',
  'target-outside-range',
  'stale',
  'future',
  'duplicate',
]);
export type SignalRejectCode = z.infer<typeof SignalRejectCode>;

export const SignalVerdict = z.enum(['accepted', 'rejected', 'dropped']);
export type SignalVerdict = z.infer<typeof SignalVerdict>;

export const SignalConnectionState = z.enum(['connecting', 'open', 'reconnecting', 'closed']);
export type SignalConnectionState = z.infer<typeof SignalConnectionState>;

export const SignalSourceStatus = z.object({
  source: z.string(),
  state: SignalConnectionState,
  reconnects: z.number().int().nonnegative(),
  framesReceived: z.number().int().nonnegative(),
  /** Epoch ms of the last frame, null before the first one. The UI derives the age from it. */
  lastMessageAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type SignalSourceStatus = z.infer<typeof SignalSourceStatus>;
