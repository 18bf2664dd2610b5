// Runs in: anywhere (pure).
import type { z } from 'zod';
import { SIGNAL_LIMITS, type Signal, type SignalRejectCode } from '../../../src-shared/signals';
import { decodeUtf8, exceedsNestingDepth, frameByteLength, type RawFrame } from './frame-text';
import { WireSignal } from './wire-format';

export interface SeenRoundIds {
  has(roundId: string): boolean;
}

export interface ValidateOptions {
  /** Epoch ms at receipt. */
  now: number;
  /** Older than this (ms before `now`) is stale. */
  staleMs?: number;
  /** Newer than this (ms after `now`) is clock skew or a forged timestamp. */
  maxFutureMs?: number;
  seenRoundIds?: SeenRoundIds;
}

export const DEFAULT_STALE_MS = 10_000;
export const DEFAULT_MAX_FUTURE_MS = 5_000;
/** A signal nests 2 deep ({"expectedRange": {...}}); anything far deeper is hostile or broken. */
export const MAX_NESTING_DEPTH = 16;

export type FrameVerdict =
  | { verdict: 'accepted'; signal: Signal }
  | {
      verdict: 'rejected';
      code: SignalRejectCode;
      reason: string;
      /** Known once the frame parsed far enough, so the store can index rejections by round. */
      roundId: string | null;
      /** Set when the frame was a well-formed signal rejected for timing or duplication. */
      signal: Signal | null;
    };

function reject(code: SignalRejectCode, reason: string, roundId: string | null = null, signal: Signal | null = null): FrameVerdict {
  return { verdict: 'rejected', code, reason, roundId, signal };
}

/**
 * Validates one frame. Checks run cheapest first and the first failure wins:
 * size → UTF-8 → nesting depth → JSON → object → fields → target → range → time → duplicate.
 * A duplicate check is last, so a frame for an already-seen round that is also stale reports `stale`.
 * Pure: the caller marks accepted round ids as seen.
 */
export function validateSignalFrame(raw: RawFrame, options: ValidateOptions): FrameVerdict {
  const { now, staleMs = DEFAULT_STALE_MS, maxFutureMs = DEFAULT_MAX_FUTURE_MS, seenRoundIds } = options;

  const bytes = frameByteLength(raw, SIGNAL_LIMITS.maxFrameBytes);
  if (bytes > SIGNAL_LIMITS.maxFrameBytes) {
    return reject('frame-too-large', `frame is larger than ${SIGNAL_LIMITS.maxFrameBytes} bytes`);
  }
  const text = decodeUtf8(raw);
  if (text === null) return reject('invalid-utf8', 'frame is not valid UTF-8');

  if (exceedsNestingDepth(text, MAX_NESTING_DEPTH)) return reject('too-deep', `frame nests deeper than ${MAX_NESTING_DEPTH} levels`);

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return reject('not-json', `frame is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject('not-object', `frame must be a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
  }
  const object = value as Record<string, unknown>;
  const roundIdHint = readRoundIdHint(object);

  const multiplier = object.expectedMultiplier;
  if (typeof multiplier === 'number' && !Number.isFinite(multiplier)) {
    return reject('target-not-finite', 'expectedMultiplier is not a finite number', roundIdHint);
  }
  const parsed = WireSignal.safeParse(object);
  if (!parsed.success) return reject('invalid-field', describeIssue(parsed.error.issues, object), roundIdHint);

  const wire = parsed.data;
  const target = wire.expectedMultiplier;
  if (target < SIGNAL_LIMITS.minTarget) {
    return reject('target-too-low', `expectedMultiplier ${target} is below ${SIGNAL_LIMITS.minTarget}`, wire.roundId);
  }
  if (target > SIGNAL_LIMITS.maxTarget) {
    return reject('target-too-high', `expectedMultiplier ${target} is above ${SIGNAL_LIMITS.maxTarget}`, wire.roundId);
  }
  // A range that contradicts itself or the target means the sender is confused: never guess which part is right.
  const range = wire.expectedRange;
  if (range && range.min > range.max) {
    return reject('range-inverted', `expectedRange min ${range.min} is above max ${range.max}`, wire.roundId);
  }
  if (range && (target < range.min || target > range.max)) {
    return reject('target-outside-range', `expectedMultiplier ${target} is outside expectedRange ${range.min}-${range.max}`, wire.roundId);
  }

  const signal: Signal = { roundId: wire.roundId, timestamp: wire.timestamp, target, range, bet: wire.bet, stake: wire.stake };
  const age = now - signal.timestamp;
  if (age > staleMs) return reject('stale', `signal is ${age} ms old (limit ${staleMs} ms)`, signal.roundId, signal);
  if (-age > maxFutureMs) {
    return reject('future', `signal timestamp is ${-age} ms in the future (limit ${maxFutureMs} ms): clock skew?`, signal.roundId, signal);
  }
  if (seenRoundIds?.has(signal.roundId)) {
    return reject('duplicate', `round ${signal.roundId} was already accepted`, signal.roundId, signal);
  }
  return { verdict: 'accepted', signal };
}

function readRoundIdHint(object: Record<string, unknown>): string | null {
  const id = Object.hasOwn(object, 'roundId') ? object.roundId : undefined;
  if (typeof id === 'string' && id.length > 0 && id.length <= SIGNAL_LIMITS.maxRoundIdLength) return id.trim() || null;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  return null;
}

function describeIssue(issues: readonly z.core.$ZodIssue[], object: Record<string, unknown>): string {
  const issue = issues[0];
  if (!issue) return 'invalid signal';
  const field = String(issue.path[0] ?? '');
  if (field && !Object.hasOwn(object, field)) return `missing field "${field}"`;
  const path = issue.path.map(String).join('.');
  return `field "${path}" ${issue.message.replace(/^Invalid input: /, 'is invalid: ')}`;
}
