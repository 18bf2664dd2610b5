// Runs in: renderer. Fetches one cached series with its overlays whenever the selection changes.
import { useEffect, useState } from 'react';
import type { CandleSeriesData, CandleSeriesKey, ChartOverlay } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';

export function useSeriesData(key: CandleSeriesKey | null, overlays: readonly ChartOverlay[]): { data: CandleSeriesData | null; error: string | null } {
  const { calls } = useTransport();
  const [state, setState] = useState<{ data: CandleSeriesData | null; error: string | null }>({ data: null, error: null });
  const request = key ? JSON.stringify({ ...key, overlays }) : null;
  useEffect(() => {
    if (request === null) return setState({ data: null, error: null });
    let live = true;
    void calls.backtest.series({ ...(JSON.parse(request) as CandleSeriesKey & { overlays: ChartOverlay[] }), maxCandles: 1500 }).then((r) => {
      if (live) setState(r.ok ? { data: r.data, error: null } : { data: null, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [request, calls]);
  return state;
}
