// Runs in: engine.
import type { IncomingHttpHeaders } from 'node:http';

export interface SimRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly rawBody: string;
  readonly headers: IncomingHttpHeaders;
}

export interface SimResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: unknown;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({ status, body, headers });

export const header = (req: SimRequest, name: string): string | undefined => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};
