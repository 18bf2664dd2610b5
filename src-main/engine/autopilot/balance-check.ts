// Runs in: engine. Reads the game's balance around a cash-out: did the game pay, and at what multiplier?
import type { Rect } from '../../../src-shared/game-profile';
import type { RegionReader } from '../../core/autopilot/ports';
import { paidRange } from '../../core/crash';

const BEFORE_ATTEMPTS = 5;

export type PayoutVerdict =
  /** `multiplier`: the lowest the game can have paid; `paidBelow`: above the highest (core/crash `paidRange`). */
  | { readonly kind: 'paid'; readonly multiplier: number; readonly paidBelow: number; readonly balance: number }
  | { readonly kind: 'unchanged'; readonly balance: number }
  | { readonly kind: 'unreadable' };

/**
 * BRIEF §3: verify what the game did. The balance is read once in flight (the stake already taken) and again after
 * the cash-out; the difference over the stake is the multiplier the game really paid, to the cent.
 * `BalanceCheck.begin` starts the first read; the constructor reads nothing.
 */
export class BalanceCheck {
  /** Starts reading the balance now (in flight, the stake taken): the "before" of the payout. */
  static begin(reader: RegionReader, region: Rect): BalanceCheck {
    return new BalanceCheck(reader, region, firstValue(reader, region, BEFORE_ATTEMPTS));
  }

  private constructor(
    private readonly reader: RegionReader,
    private readonly region: Rect,
    private readonly before: Promise<number | null>,
  ) {}

  /**
   * Polls until the balance shows a payout, for at most `timeoutMs`, and no longer than one read after
   * `nextRoundOpen()` says so: a game that credits at round end has credited by then, and a signal for the new
   * round must not wait behind this check.
   */
  async payout(stake: number, timeoutMs: number, nextRoundOpen: () => boolean = () => false): Promise<PayoutVerdict> {
    const before = await this.before;
    if (before === null || !(stake > 0)) return { kind: 'unreadable' };
    const deadline = Date.now() + timeoutMs;
    let last: number | null = null;
    while (Date.now() < deadline) {
      const lastChance = nextRoundOpen();
      last = await readValue(this.reader, this.region);
      if (last !== null && last - before > 0.005) {
        const paid = paidRange(last - before, stake);
        // Floored to the cent, so never more than the game paid.
        return { kind: 'paid', multiplier: Math.floor(paid.low * 100 + 1e-6) / 100, paidBelow: paid.below, balance: last };
      }
      if (lastChance) break;
      await new Promise((r) => setTimeout(r, 15));
    }
    return last === null ? { kind: 'unreadable' } : { kind: 'unchanged', balance: last };
  }
}

/** Early reads of a region go through Tesseract and are sometimes refused; a few tries cost nothing in flight. */
async function firstValue(reader: RegionReader, region: Rect, attempts: number): Promise<number | null> {
  for (let i = 0; i < attempts; i++) {
    const value = await readValue(reader, region);
    if (value !== null) return value;
  }
  return null;
}

async function readValue(reader: RegionReader, region: Rect): Promise<number | null> {
  try {
    return (await reader.read(region, 'amount')).value;
  } catch {
    return null;
  }
}
