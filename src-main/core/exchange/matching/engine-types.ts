// Runs in: anywhere (pure).
import type { Fill, OrderRequest, OrderSnapshot, OrderStatus } from '../types';

export interface MarketSymbol {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
}

export interface MatchingConfig {
  /** Taker fee as a fraction of notional, charged in the quote asset. */
  readonly feeRate: number;
  /** Adverse price move applied to market and triggered-stop fills. */
  readonly slippageBps: number;
  /** Largest quantity one order can fill per price tick: larger orders fill partially over ticks. */
  readonly liquidityPerTick: number;
  readonly now: () => number;
}

export interface EngineOrder extends OrderRequest {
  readonly orderId: number;
  status: OrderStatus;
  filledQty: number;
  cumQuote: number;
  /** Pending OTOCO legs are accepted but inactive until their entry fills. */
  active: boolean;
  triggered: boolean;
  /** Best price seen since activation, for trailing stops. */
  extreme?: number;
  readonly listId?: number;
  /** Client id of the order whose complete fill activates this one. */
  readonly activatesAfter?: string;
  /** Client id of the other OCO leg. */
  ocoWith?: string;
  readonly createdAt: number;
  updatedAt: number;
}

export interface EngineEvent {
  readonly order: OrderSnapshot;
  readonly fill?: Fill;
}

export type SubmitResult =
  | { readonly ok: true; readonly order: EngineOrder; readonly events: readonly EngineEvent[] }
  | { readonly ok: false; readonly reason: 'duplicate' | 'invalid' | 'unknown-symbol'; readonly message: string };
