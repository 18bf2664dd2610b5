// Runs in: engine. Spot symbols the accounts trade, split into base and quote (the matching engine needs both).
import type { MarketSymbol } from '../../core/exchange/matching/engine-types';

const QUOTES = ['USDT', 'USDC', 'FDUSD', 'BTC', 'ETH', 'EUR'] as const;
const BASES = ['BTC', 'ETH', 'SOL', 'BNB', 'XRP', 'ADA', 'DOGE', 'LTC'] as const;

export function quoteOf(symbol: string): string {
  return QUOTES.find((q) => symbol.endsWith(q) && symbol.length > q.length) ?? 'USDT';
}

/** Every base against USDT and USDC: what paper accounts can fill. */
export function marketSymbols(): MarketSymbol[] {
  return BASES.flatMap((base) => ['USDT', 'USDC'].map((quote) => ({ symbol: `${base}${quote}`, base, quote })));
}
