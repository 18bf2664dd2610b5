// Runs in: anywhere (pure).
import { decimalsOf, numberPart } from './words';

/**
 * Distinct values in a row with the same decimals before the decimals are locked. Distinct: a display that drops
 * trailing zeros holds `1x` for several frames at the start of a flight that goes on as `1.01x`.
 */
const LOCK_AFTER = 3;
/**
 * Distinct shorter values (`1.1x`, `1.2x`, `2x`), refused only for their decimals, before a locked display is taken to
 * drop trailing zeros, as JavaScript writes a number. Never once it has shown a trailing zero (`1.10x`).
 */
const TRIMMED_AFTER = 3;

/**
 * A game shows its multiplier with a fixed number of decimals. Once a few valid reads agree on it, a read with a
 * different count is a misread, almost always a decimal point lost at small sizes ("1.43x" read as "143x").
 * Some games drop trailing zeros (2.3× for 2.30): the lock learns that too, from the shorter values they show.
 */
export class FormatLock {
  private streak = { decimals: -1, values: new Set<string>() };
  private trimmed = false;
  private shownTrailingZero = false;
  private readonly shorterValues = new Set<string>();

  /** @param locked the decimals the game is known to show, or null to learn them from the first reads. */
  constructor(private locked: number | null = null) {}

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
    if (decimals !== this.streak.decimals) this.streak = { decimals, values: new Set() };
    this.streak.values.add(numberPart(text));
    if (this.streak.values.size >= LOCK_AFTER) this.locked = decimals;
  }

  /** Records a value that stands, by whichever path it was read. */
  shown(text: string): void {
    if (decimalsOf(text) > 0 && endsInZeroDecimal(text)) this.shownTrailingZero = true;
  }

  /** Records a read that passed every check but the decimals. */
  refused(text: string): void {
    if (this.locked === null || this.trimmed || this.shownTrailingZero) return;
    if (decimalsOf(text) >= this.locked || endsInZeroDecimal(text)) return;
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

  /** The decimals `text` stands for: those of the game when it drops trailing zeros (its `2.3x` is 2.30). */
  decimalsOf(text: string): number {
    return this.trimmed && this.locked !== null ? this.locked : decimalsOf(text);
  }
}

function endsInZeroDecimal(text: string): boolean {
  return /\.\d*0$/.test(numberPart(text));
}
