// Runs in: anywhere (pure).
import { decimalsOf } from './words';

/** Reads in a row that must agree before the number of decimals is locked. */
const LOCK_AFTER = 3;

/**
 * A game shows its multiplier with a fixed number of decimals. Once a few valid reads agree on it, a read with a
 * different count is a misread, almost always a decimal point lost at small sizes ("1.43x" read as "143x").
 */
export class FormatLock {
  private streak = { decimals: -1, count: 0 };

  /** @param locked the decimals the game is known to show, or null to learn them from the first reads. */
  constructor(private locked: number | null = null) {}

  /** Whether `text` (a valid multiplier) has the locked number of decimals; always true until locked. */
  accepts(text: string): boolean {
    return this.locked === null || decimalsOf(text) === this.locked;
  }

  /** Records a read that was accepted. */
  confirm(text: string): void {
    if (this.locked !== null) return;
    const decimals = decimalsOf(text);
    this.streak = decimals === this.streak.decimals ? { decimals, count: this.streak.count + 1 } : { decimals, count: 1 };
    if (this.streak.count >= LOCK_AFTER) this.locked = decimals;
  }

  get decimals(): number | null {
    return this.locked;
  }
}

