// Runs in: renderer. Recent candles of a strategy's account and symbol, refreshed every second while shown.
import { useEffect, useState } from 'react';
import type { ChartCandle } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';

export interface LiveSource {
  accountId: string;
  symbol: string;
  interval: string;
}

const REFRESH_MS = 1_000;

export function useLiveCandles(source: LiveSource | null): { candles: ChartCandle[] | null; error: string | null } {
  const { calls } = useTransport();
  const [state, setState] = useState<{ candles: ChartCandle[] | null; error: string | null }>({ candles: null, error: null });
  const key = source ? `${source.accountId}|${source.symbol}|${source.interval}` : null;
  useEffect(() => {
    if (key === null) return setState({ candles: null, error: null });
    const [accountId, symbol, interval] = key.split('|') as [string, string, string];
    let live = true;
    const load = () =>
      void calls.markets.candles({ accountId, symbol, interval, limit: 300 }).then((r) => {
        if (live) setState(r.ok ? { candles: r.data, error: null } : (s) => ({ candles: s.candles, error: r.error.message }));
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key, calls]);
  return state;
}
