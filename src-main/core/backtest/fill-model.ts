// Runs in: anywhere (pure).
/** Prices and fees of simulated fills. Slippage is adverse: buys fill higher, sells lower. */
export class FillModel {
  constructor(
    readonly feeRate = 0,
    readonly slippage = 0,
  ) {
    if (!(feeRate >= 0 && feeRate < 1)) throw new RangeError(`fee must be in [0, 1), got ${feeRate}`);
    if (!(slippage >= 0 && slippage < 1)) throw new RangeError(`slippage must be in [0, 1), got ${slippage}`);
  }

  /** Market fill price; `buy` is the order direction. */
  marketPrice(price: number, buy: boolean): number {
    return buy ? price * (1 + this.slippage) : price * (1 - this.slippage);
  }

  fee(notional: number): number {
    return notional * this.feeRate;
  }
}
