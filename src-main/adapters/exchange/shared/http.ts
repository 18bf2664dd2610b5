// Runs in: engine.
import type { Transport } from '../../../core/exchange/errors';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A request that got no HTTP answer; `transport` says whether it may have reached the server. */
export class TransportError extends Error {
  constructor(
    readonly transport: Exclude<Transport, 'ok'>,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export type HttpSend = (req: HttpRequest) => Promise<HttpResponse>;

/** One REST request's wall time, for latency metrics only. `error`: no HTTP answer, or a 4xx/5xx one. */
export interface RestTiming {
  readonly ms: number;
  readonly outcome: 'ok' | 'error';
}

export type RestObserver = (timing: RestTiming) => void;

/**
 * `send`, with each request's wall time reported to `observe` once it answered or failed. Every connector's REST goes
 * through its one `send`, so this is the one place to time them. An observer that throws is ignored: a metric must
 * never turn a placed order into a failed call.
 */
export function timedSend(send: HttpSend, observe: RestObserver, now: () => number = () => performance.now()): HttpSend {
  return async (req) => {
    const started = now();
    let outcome: RestTiming['outcome'] = 'error';
    try {
      const res = await send(req);
      if (res.status < 400) outcome = 'ok';
      return res;
    } finally {
      try {
        observe({ ms: now() - started, outcome });
      } catch {
        // Timing only: the request's own result stands.
      }
    }
  };
}

function transportOf(err: unknown): Exclude<Transport, 'ok'> {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  const code = e.cause?.code ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'refused';
  return 'reset';
}

export const fetchSend: HttpSend = async (req) => {
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(req.timeoutMs) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    throw new TransportError(transportOf(err), (err as Error).message);
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Exchange-ready decimal string: no exponent, no trailing zeros. */
export function decimal(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = n.toFixed(10);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
