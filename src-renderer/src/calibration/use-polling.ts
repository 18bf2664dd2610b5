// Runs in: renderer. Calls `fetch` again `everyMs` after each answer (never overlapping), while `active`.
import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../src-shared/contract';

export interface Polled<T> {
  data: T | null;
  error: string | null;
}

export function usePolling<T>(fetch: (() => Promise<Result<T>>) | null, everyMs: number, deps: readonly unknown[]): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    if (!fetchRef.current) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const started = performance.now();
      const run = fetchRef.current;
      if (!run) return;
      // Nobody is looking: skip the capture/OCR work and check again later.
      if (document.visibilityState === 'hidden') {
        timer = setTimeout(() => void tick(), everyMs);
        return;
      }
      const result = await run();
      if (stopped) return;
      // Errors show inline next to what failed; a toast twice a second would drown everything else.
      setState((s) => (result.ok ? { data: result.data, error: null } : { data: s.data, error: result.error.message }));
      timer = setTimeout(() => void tick(), Math.max(0, everyMs - (performance.now() - started)));
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [everyMs, fetch === null, ...deps]);

  return state;
}
