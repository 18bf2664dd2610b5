// Runs in: anywhere (pure).
/**
 * The last `size` values in a ring. Running sums over it are rebuilt from the values each time the
 * ring completes a lap (`lapped`), so floating-point drift cannot accumulate over millions of
 * updates while the cost stays O(1) amortized.
 */
export class RingWindow {
  readonly values: Float64Array;
  private pos = 0;
  private count = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  /** Stores x over the oldest value and returns that value (0 while the ring is filling). */
  push(x: number): number {
    const pos = this.pos;
    const old = this.values[pos] as number;
    this.values[pos] = x;
    this.pos = pos + 1 === this.size ? 0 : pos + 1;
    if (this.count < this.size) this.count++;
    return old;
  }

  /** True right after the push that completed a lap: the moment to rebuild running sums. */
  get lapped(): boolean {
    return this.pos === 0;
  }

  get full(): boolean {
    return this.count >= this.size;
  }

  reset(): void {
    this.values.fill(0);
    this.pos = 0;
    this.count = 0;
  }
}

export function sumOf(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}
