// Runs in: renderer. Loads full runs (trades, equity, chart candles) on demand, once each.
import { useEffect, useState } from 'react';
import type { BacktestRunDetail } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { loadRunDetail, useBacktestStore } from '../../store/backtest-store';

export function useRunDetails(ids: readonly number[]): { details: BacktestRunDetail[]; error: string | null } {
  const transport = useTransport();
  const cached = useBacktestStore((s) => s.details);
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    setError(null);
    for (const id of ids) {
      void loadRunDetail(transport, id).then((r) => {
        if (live && !r.ok) setError(r.error.message);
      });
    }
    return () => {
      live = false;
    };
  }, [key, transport]); // `key` stands for `ids`, whose identity changes every render
  return { details: ids.map((id) => cached[id]).filter((d): d is BacktestRunDetail => d !== undefined), error };
}
