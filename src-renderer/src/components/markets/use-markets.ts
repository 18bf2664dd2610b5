// Runs in: renderer. Accounts, orders, positions, P&L, stream health and strategies; refetched when the engine says they changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, OrderRow, PositionRow, StrategyConfigView, StreamHealthRow, SymbolPnl } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';

export interface MarketsData {
  accounts: AccountView[];
  orders: OrderRow[];
  positions: PositionRow[];
  pnl: SymbolPnl[];
  health: StreamHealthRow[];
  strategies: StrategyConfigView[];
  error: string | null;
}

const EMPTY: MarketsData = { accounts: [], orders: [], positions: [], pnl: [], health: [], strategies: [], error: null };
/** Changes arrive in bursts (an order, its fill, the strategy note): one refetch per burst. */
const REFRESH_MS = 250;

export function useMarkets(): MarketsData & { refresh: () => void } {
  const { calls, onEvent } = useTransport();
  const [data, setData] = useState<MarketsData>(EMPTY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const [accounts, orders, positions, pnl, health, strategies] = await Promise.all([
      calls.markets.listAccounts(undefined),
      calls.markets.orders({ limit: 200 }),
      calls.markets.positions(undefined),
      calls.markets.pnlBySymbol(undefined),
      calls.markets.streamHealth(undefined),
      calls.markets.listStrategies(undefined),
    ]);
    const failed = [accounts, orders, positions, pnl, health, strategies].find((r) => !r.ok);
    setData((d) => ({
      accounts: accounts.ok ? accounts.data : d.accounts,
      orders: orders.ok ? orders.data : d.orders,
      positions: positions.ok ? positions.data : d.positions,
      pnl: pnl.ok ? pnl.data : d.pnl,
      health: health.ok ? health.data : d.health,
      strategies: strategies.ok ? strategies.data : d.strategies,
      error: failed && !failed.ok ? failed.error.message : null,
    }));
  }, [calls]);

  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void load();
    }, REFRESH_MS);
  }, [load]);

  useEffect(() => {
    void load();
    const off = onEvent((name, payload) => {
      if (name === 'markets.health') setData((d) => ({ ...d, health: payload as StreamHealthRow[] }));
      else if (name === 'markets.changed' || name === 'markets.order' || name === 'app.status') refresh();
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [load, refresh, onEvent]);

  return { ...data, refresh };
}
