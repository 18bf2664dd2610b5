// Runs in: engine. The `markets` contract service, answered by the MarketsService.
import type { CockpitHandlers } from '../../../src-shared/contract';
import type { MarketsService } from './markets-service';

export function marketsHandlers(markets: MarketsService): CockpitHandlers['markets'] {
  return {
    listAccounts: () => markets.listAccounts(),
    addAccount: (input) => markets.addAccount(input),
    testAccount: ({ id }) => markets.testAccount(id),
    removeAccount: ({ id }) => ({ removed: markets.removeAccount(id) }),
    balances: async ({ id }) => (await markets.balances(id)).map((b) => ({ asset: b.asset, free: b.free, locked: b.locked })),
    orders: ({ accountId, status, limit }) => markets.orders(accountId, status, limit),
    positions: () => markets.positions(),
    pnlBySymbol: () => markets.pnlBySymbol(),
    streamHealth: () => markets.streamHealth(),
    cancelOrder: ({ accountId, clientOrderId }) => markets.cancelOrder(accountId, clientOrderId),
    configureStrategy: (input) => markets.configureStrategy(input),
    listStrategies: () => markets.listStrategies(),
    flattenAll: ({ accountId }) => markets.flattenAll(accountId),
    placeOrder: (input) => markets.placeOrder(input),
    setShutdownSweep: ({ accountId, enabled }) => ({ enabled: markets.setShutdownSweep(accountId, enabled) }),
    closePosition: ({ accountId, symbol }) => markets.closePosition(accountId, symbol),
    moveStop: ({ accountId, clientOrderId, stopPrice }) => markets.moveStop(accountId, clientOrderId, stopPrice),
    candles: async ({ accountId, symbol, interval, limit }) =>
      (await markets.candles(accountId, symbol, interval, limit)).map((k) => ({ time: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume })),
  };
}
