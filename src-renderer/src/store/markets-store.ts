// Runs in: renderer. Accounts, orders, positions, P&L, stream health and strategies, while the Markets view is open:
// orders and stream health arrive whole in their events; the rest is refetched, each list when the engine says it changed.
import { create } from 'zustand';
import type { AccountView, MarketsChanged, OrderRow, PositionRow, Result, StrategyConfigView, StreamHealthRow, SymbolPnl } from '../../../src-shared/contract';
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
/** As many orders as the first load asks for. */
const ORDER_LIMIT = 200;

const EMPTY: MarketsData = { accounts: [], orders: [], positions: [], pnl: [], health: [], strategies: [], error: null };

export const useMarketsStore = create<MarketsStore>(() => ({ ...EMPTY, refresh: () => {} }));

/** What one refetch brought: its list, or why it failed. */
interface Loaded {
  readonly error: string | null;
  readonly patch: Partial<MarketsData>;
}

/** One list the store can refetch on its own. */
type Part = 'accounts' | 'orders' | 'positions' | 'pnl' | 'health' | 'strategies';
const ALL_PARTS: readonly Part[] = ['accounts', 'orders', 'positions', 'pnl', 'health', 'strategies'];

/**
 * What a `markets.changed` makes stale. Orders arrive whole in `markets.order`; a fill behind one moves positions
 * and P&L, which no event carries.
 */
export function staleAfter(what: MarketsChanged['what']): readonly Part[] {
  switch (what) {
    case 'order':
    case 'position':
      return ['positions', 'pnl'];
    case 'account':
      return ['accounts', 'positions', 'pnl'];
    case 'strategy':
      return ['strategies'];
  }
}

/** The order list with `row` put in (replacing the same order), newest change first, as `markets.orders` answers. */
export function upsertOrder(orders: readonly OrderRow[], row: OrderRow, limit = ORDER_LIMIT): OrderRow[] {
  const others = orders.filter((o) => !(o.accountId === row.accountId && o.clientOrderId === row.clientOrderId));
  return [row, ...others].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/**
 * For as long as the Markets view is open: nothing here is lost while it is closed. Orders and stream health are
 * patched from their events; the other lists are refetched, each only when an event says it changed.
 */
export function connectMarkets(transport: CockpitTransport): () => void {
  const { calls } = transport;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let live = true;
  const stale = new Set<Part>();

  const settle = <T>(r: Result<T>, put: (data: T) => Partial<MarketsData>): Loaded => (r.ok ? { error: null, patch: put(r.data) } : { error: r.error.message, patch: {} });
  const fetchPart = async (part: Part): Promise<Loaded> => {
    switch (part) {
      case 'accounts':
        return settle(await calls.markets.listAccounts(undefined), (accounts) => ({ accounts }));
      case 'orders':
        return settle(await calls.markets.orders({ limit: ORDER_LIMIT }), (orders) => ({ orders }));
      case 'positions':
        return settle(await calls.markets.positions(undefined), (positions) => ({ positions }));
      case 'pnl':
        return settle(await calls.markets.pnlBySymbol(undefined), (pnl) => ({ pnl }));
      case 'health':
        return settle(await calls.markets.streamHealth(undefined), (health) => ({ health }));
      case 'strategies':
        return settle(await calls.markets.listStrategies(undefined), (strategies) => ({ strategies }));
    }
  };

  const load = async (parts: readonly Part[]) => {
    const results = await Promise.all(parts.map(fetchPart));
    if (!live) return;
    const error = results.find((r) => r.error !== null)?.error ?? null;
    useMarketsStore.setState(results.reduce<Partial<MarketsData>>((state, r) => ({ ...state, ...r.patch }), { error }));
  };

  const refreshSoon = (parts: readonly Part[]) => {
    for (const part of parts) stale.add(part);
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const due = [...stale];
      stale.clear();
      void load(due);
    }, REFRESH_MS);
  };
  const refresh = () => refreshSoon(ALL_PARTS);

  // Each opening starts from nothing, as the view always has: no stale accounts while the first load runs.
  useMarketsStore.setState({ ...EMPTY, refresh });
  void load(ALL_PARTS);
  const offs = [
    transport.on('markets.health', (health) => useMarketsStore.setState({ health })),
    transport.on('markets.order', (row) => useMarketsStore.setState((d) => ({ orders: upsertOrder(d.orders, row) }))),
    transport.on('markets.changed', (change) => refreshSoon(staleAfter(change.what))),
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
