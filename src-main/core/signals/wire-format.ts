// Runs in: anywhere (pure).
import { z } from 'zod';
import { SIGNAL_LIMITS } from '../../../src-shared/signals';

/**
 * The wire variants a signal frame may use, normalized by zod transforms.
 * Decisions:
 * - `timestamp`: ISO-8601 **with** a timezone (Z or ±hh:mm), or an epoch number. Numbers below 1e11
 *   are epoch **seconds** (1e11 ms is 1973, 1e11 s is year 5138, so the two never overlap); anything
 *   else is epoch ms. A naive ISO string is rejected: guessing local vs UTC would shift it by hours.
 * - Numeric strings are plain decimals only ("1.5"; no exponent, sign, "x" suffix or locale commas).
 * - Unknown extra fields are ignored (stripped), never copied.
 */
const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;
const RANGE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/;
const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const EPOCH_SECONDS_BELOW = 1e11;

/** Numbers may be non-finite here (JSON `1e999` parses to Infinity); the validator reports that itself. */
const looseNumber = z.union([z.number(), z.literal(Infinity), z.literal(-Infinity)]);

const decimal = z.union([z.number(), z.string().regex(DECIMAL).transform(Number)], {
  error: 'must be a number or a decimal string like "1.5"',
});

const multiplier = z.union([looseNumber, z.string().regex(DECIMAL).transform(Number)], {
  error: 'must be a number or a decimal string like "1.5"',
});

function isRealCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isoTimestamp = z.string().transform((text, ctx) => {
  const match = ISO_WITH_ZONE.exec(text.trim());
  const ms = match ? Date.parse(text.trim()) : NaN;
  if (!match || !Number.isFinite(ms) || !isRealCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.issues.push({
      code: 'custom',
      input: text,
      message: 'must be an ISO-8601 date with a timezone (e.g. 2025-01-31T12:00:00.000Z) or epoch milliseconds',
    });
    return z.NEVER;
  }
  return ms;
});

const epochTimestamp = z
  .number()
  .positive()
  .transform((n) => Math.round(n < EPOCH_SECONDS_BELOW ? n * 1000 : n));

const timestamp = z.union([epochTimestamp, isoTimestamp], {
  error: 'must be an ISO-8601 date with a timezone or epoch milliseconds',
});

const roundId = z.union(
  [
    z.string().trim().min(1).max(SIGNAL_LIMITS.maxRoundIdLength),
    z
      .number()
      .int()
      .nonnegative()
      .max(Number.MAX_SAFE_INTEGER)
      .transform((n) => String(n)),
  ],
  { error: `must be a non-empty string (at most ${SIGNAL_LIMITS.maxRoundIdLength} chars) or a non-negative integer` },
);

const rangeBound = z.number().min(1, 'range bounds must be >= 1');
const rangeValue = decimal.pipe(rangeBound);
const rangeText = z
  .string()
  .regex(RANGE_TEXT)
  .transform((text) => {
    const [, lo, hi] = RANGE_TEXT.exec(text) as RegExpExecArray;
    return { min: Number(lo), max: Number(hi) };
  });
const rangeTuple = z.tuple([rangeValue, rangeValue]).transform(([min, max]) => ({ min, max }));
const rangeObject = z.object({ min: rangeValue, max: rangeValue });

const range = z
  .union([rangeText, rangeTuple, rangeObject], { error: 'must be "lo-hi", [lo, hi] or {"min": lo, "max": hi}' })
  // Every variant ends here, so the text form gets the same bounds check as the others.
  .pipe(z.object({ min: rangeBound, max: rangeBound }));

export const WireSignal = z.object({
  timestamp,
  expectedMultiplier: multiplier,
  expectedRange: range.nullish().transform((r) => r ?? null),
  bet: z.boolean({ error: 'must be true or false' }),
  roundId,
  stake: z.number().positive('must be > 0').nullish().transform((s) => s ?? null),
});
export type WireSignal = z.output<typeof WireSignal>;
