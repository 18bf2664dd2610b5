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
