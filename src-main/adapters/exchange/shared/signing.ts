// Runs in: engine.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const hmacSha256Hex = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload, 'utf8').digest('hex');

/** Constant-time compare of two hex signatures (used by the simulator to verify). */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export type Params = ReadonlyArray<readonly [string, string | number | boolean]>;

/**
 * The exact query string Binance signs: insertion order kept, values percent-encoded (so non-ASCII
 * is encoded before signing, as the docs require). The same string is sent, so what is signed is
 * what the server sees.
 */
export const encodeParams = (params: Params): string => params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');

/** Binance REST: HMAC-SHA256 hex over query string + body, exactly as sent. */
export const signBinanceRest = (secret: string, queryString: string, body = ''): string => hmacSha256Hex(secret, queryString + body);

/** Binance WS API: every param except `signature` (apiKey included), sorted by name. */
export function signBinanceWsApi(secret: string, params: Readonly<Record<string, string | number | boolean>>): string {
  const payload = Object.keys(params)
    .filter((k) => k !== 'signature')
    .sort()
    .map((k) => `${k}=${String(params[k])}`)
    .join('&');
  return hmacSha256Hex(secret, payload);
}

/** Bybit v5: ts + apiKey + recvWindow + (queryString for GET | exact JSON body for POST). */
export const bybitSignPayload = (timestamp: number, apiKey: string, recvWindow: number, queryOrBody: string): string => `${timestamp}${apiKey}${recvWindow}${queryOrBody}`;

export const signBybit = (secret: string, timestamp: number, apiKey: string, recvWindow: number, queryOrBody: string): string =>
  hmacSha256Hex(secret, bybitSignPayload(timestamp, apiKey, recvWindow, queryOrBody));

/** Bybit private WS: {"op":"auth","args":[key, expires, HMAC("GET/realtime"+expires)]}. */
export function bybitWsAuthMessage(apiKey: string, secret: string, expiresMs: number): { op: 'auth'; args: [string, number, string] } {
  return { op: 'auth', args: [apiKey, expiresMs, hmacSha256Hex(secret, `GET/realtime${expiresMs}`)] };
}
