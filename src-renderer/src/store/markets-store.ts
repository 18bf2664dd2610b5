// Runs in: renderer. Accounts, orders, positions, P&L, stream health and strategies, while the Markets view is open:
// stream health arrives whole in its event; the rest is refetched when the engine says it changed.
import { create } from 'zustand';
import type { AccountView, OrderRow, PositionRow, StrategyConfigView, StreamHealthRow, SymbolPnl } from '../../../src-shared/contract';
import type { CockpitTransport } from '../api/transport';

export interface MarketsData {
  accounts: AccountView[];
  orders: OrderRow[];
  positions: PositionRow[];
  pnl: SymbolPnl[];
  health: StreamHealthRow[];
  strategies: StrategyConfigView[];
  error: string | null;
}

export interface MarketsStore extends MarketsData {
  /** Refetches soon; what a panel calls after changing something. */
  refresh(): void;
}

/** Changes arrive in bursts (an order, its fill, the strategy note): one refetch per burst. */
const REFRESH_MS = 250;

const EMPTY: MarketsData = { accounts: [], orders: [], positions: [], pnl: [], health: [], strategies: [], error: null };

export const useMarketsStore = create<MarketsStore>(() => ({ ...EMPTY, refresh: () => {} }));

/**
 * For as long as the Markets view is open: nothing here is lost while it is closed, and its refetches (six calls per
 * change) are not worth paying for elsewhere.
 */
export function connectMarkets(transport: CockpitTransport): () => void {
  const { calls } = transport;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let live = true;

  const load = async () => {
    const [accounts, orders, positions, pnl, health, strategies] = await Promise.all([
      calls.markets.listAccounts(undefined),
      calls.markets.orders({ limit: 200 }),
      calls.markets.positions(undefined),
      calls.markets.pnlBySymbol(undefined),
      calls.markets.streamHealth(undefined),
      calls.markets.listStrategies(undefined),
    ]);
    if (!live) return;
    const failed = [accounts, orders, positions, pnl, health, strategies].find((r) => !r.ok);
    useMarketsStore.setState((d) => ({
      accounts: accounts.ok ? accounts.data : d.accounts,
      orders: orders.ok ? orders.data : d.orders,
      positions: positions.ok ? positions.data : d.positions,
      pnl: pnl.ok ? pnl.data : d.pnl,
      health: health.ok ? health.data : d.health,
      strategies: strategies.ok ? strategies.data : d.strategies,
      error: failed && !failed.ok ? failed.error.message : null,
    }));
  };

  const refresh = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void load();
    }, REFRESH_MS);
  };

  // Each opening starts from nothing, as the view always has: no stale accounts while the first load runs.
  useMarketsStore.setState({ ...EMPTY, refresh });
  void load();
  const offs = [
    transport.on('markets.health', (health) => useMarketsStore.setState({ health })),
    // An order event carries its row, but a fill also moves positions and P&L, so the whole set is refetched.
    transport.on('markets.order', refresh),
    transport.on('markets.changed', refresh),
    transport.on('app.status', refresh),
  ];
  return () => {
    live = false;
    for (const off of offs) off();
    if (timer) clearTimeout(timer);
    timer = null;
    useMarketsStore.setState({ refresh: () => {} });
  };
}
