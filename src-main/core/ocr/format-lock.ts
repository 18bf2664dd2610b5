// Runs in: anywhere (pure).
import { decimalsOf, numberPart } from './words';

/** Reads in a row that must agree before the number of decimals is locked. */
const LOCK_AFTER = 3;
/**
 * Distinct values, refused only for their decimals, that overturn a lock taken from one value held still: a game that
 * drops trailing zeros holds `1x` for a while before a flight that goes on as `1.01x`.
 */
const RELOCK_AFTER = 3;
/**
 * Distinct shorter values (`1.1x`, `1.2x`, `2x`), refused only for their decimals, before a locked display is taken to
 * drop trailing zeros, as JavaScript writes a number. Never once it has shown one (`1.10x`).
 */
const TRIMMED_AFTER = 3;

/** Whether a game writes a number's trailing zeros (`1.10x`) or drops them (`1.1x`, `1x`), once that is known. */
export type TrailingZeros = 'shown' | 'dropped';

/** A game's number format learned in an earlier session. */
export interface KnownFormat {
  readonly decimals: number;
  readonly trailingZeros: TrailingZeros;
}

/**
 * A game shows its multiplier with a fixed number of decimals. Once a few valid reads agree on it, a read with a
 * different count is a misread, almost always a decimal point lost at small sizes ("1.43x" read as "143x").
 * Some games drop trailing zeros (2.3× for 2.30): the lock learns that too, from the shorter values they show.
 */
export class FormatLock {
  private streak = { decimals: -1, count: 0, values: new Set<string>() };
  /** The one value a lock rests on while no other has shown in its decimals (read again and again, not seen changing). */
  private lockedOnValue: string | null = null;
  private trimmed = false;
  private shownTrailingZero = false;
  /** Values refused for their decimals under a lock on one value, by their decimals. */
  private readonly otherDecimals = new Map<number, Set<string>>();
  private readonly shorterValues = new Set<string>();

  /** Set for a format known beforehand: no read overturns it. */
  private firm = false;

  /** @param locked the decimals the game is known to show, or null to learn them from the first reads. */
  constructor(private locked: number | null = null) {}

  /**
   * The lock of a game whose format was learned in an earlier session, from the first read: a session that starts on
   * a flight whose point is lost on every frame (tight letter-spacing joins it to a digit) would otherwise lock onto
   * whole numbers from three such reads (`200x`, `202x`, `203x`) and read 2.06 as 206. Nothing read relearns it.
   */
  static known(format: KnownFormat): FormatLock {
    const lock = new FormatLock(format.decimals);
    lock.trimmed = format.trailingZeros === 'dropped';
    lock.shownTrailingZero = format.trailingZeros === 'shown';
    lock.firm = true;
    return lock;
  }

  /** Whether this lock holds `format`, known beforehand. */
  holds(format: KnownFormat): boolean {
    return this.firm && this.locked === format.decimals && this.trailingZeros === format.trailingZeros;
  }

  /** Whether `text` (a valid multiplier) has the locked number of decimals, or is their trimmed form; always true until locked. */
  accepts(text: string): boolean {
    if (this.locked === null) return true;
    const decimals = decimalsOf(text);
    return this.trimmed ? decimals <= this.locked && !endsInZeroDecimal(text) : decimals === this.locked;
  }

  /** Records a read that was accepted. */
  confirm(text: string): void {
    if (this.locked !== null) return;
    const decimals = decimalsOf(text);
    if (decimals !== this.streak.decimals) this.streak = { decimals, count: 0, values: new Set() };
    this.streak.count++;
    this.streak.values.add(numberPart(text));
    if (this.streak.count >= LOCK_AFTER) this.lockAt(decimals, this.streak.values.size === 1 ? numberPart(text) : null);
  }

  /** Records a value that stands, by whichever path it was read. */
  shown(text: string): void {
    if (endsInZeroDecimal(text)) this.shownTrailingZero = true;
    const decimals = decimalsOf(text);
    // Another value in the locked decimals: the lock no longer rests on one value (a crash value left on screen, then
    // a flight in the same decimals).
    if (this.lockedOnValue !== null && decimals === this.locked && numberPart(text) !== this.lockedOnValue) this.lockAt(decimals, null);
  }

  /** Records a read that passed every check but the decimals. */
  refused(text: string): void {
    if (this.locked === null || this.trimmed || this.firm) return;
    const decimals = decimalsOf(text);
    if (this.lockedOnValue !== null) {
      const values = this.otherDecimals.get(decimals) ?? new Set<string>();
      this.otherDecimals.set(decimals, values.add(numberPart(text)));
      if (values.size >= RELOCK_AFTER) this.lockAt(decimals, null);
      return;
    }
    if (this.shownTrailingZero || decimals >= this.locked || endsInZeroDecimal(text)) return;
    this.shorterValues.add(numberPart(text));
    this.trimmed = this.shorterValues.size >= TRIMMED_AFTER;
  }

  get decimals(): number | null {
    return this.locked;
  }

  /** Whether the game was found to drop trailing zeros. */
  get dropsTrailingZeros(): boolean {
    return this.trimmed;
  }

  /** What the game was seen to do with trailing zeros; null until it showed one, or was found to drop them. */
  get trailingZeros(): TrailingZeros | null {
    if (this.trimmed) return 'dropped';
    return this.shownTrailingZero ? 'shown' : null;
  }

  /** The decimals `text` stands for: those of the game when it drops trailing zeros (its `2.3x` is 2.30). */
  decimalsOf(text: string): number {
    return this.trimmed && this.locked !== null ? this.locked : decimalsOf(text);
  }

  private lockAt(decimals: number, onValue: string | null): void {
    this.locked = decimals;
    this.lockedOnValue = onValue;
    this.otherDecimals.clear();
    this.shorterValues.clear();
  }
}

/** A zero as the last decimal (`1.10x`), which a display that drops trailing zeros never shows. */
function endsInZeroDecimal(text: string): boolean {
  return /\.\d*0$/.test(numberPart(text));
}
