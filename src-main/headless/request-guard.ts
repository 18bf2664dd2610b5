// Runs in: headless shell (Node). What every HTTP request and WebSocket upgrade must pass before anything reads it.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';

/** The same policy as the Electron window: scripts only from our origin. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Sent on every response, errors included: a 404 must not be sniffed or framed either. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Slow or idle clients are cut off: headers within 5 s, a whole request within 15 s, an idle keep-alive
 * socket after 5 s. The check interval is what makes the first two bite on time (Node checks every 30 s by default).
 */
export const HTTP_LIMITS = {
  headersTimeout: 5_000,
  requestTimeout: 15_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
  socketIdleTimeout: 30_000,
} as const;

export type RequestVerdict = { ok: true; pathname: string } | { ok: false; status: 400 | 403; reason: string };

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Admits only requests meant for this cockpit: an origin-form target that parses, a Host naming the bound
 * address (or localhost) with our port, and, when a browser sends one, our own Origin. A page elsewhere
 * (or a DNS-rebound name) is refused before any route or the bridge sees the request.
 */
export class RequestGuard {
  private readonly hostnames: ReadonlySet<string>;
  private readonly anyIpLiteral: boolean;

  constructor(
    boundHost: string,
    private readonly port: number,
  ) {
    const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost.toLowerCase();
    this.hostnames = new Set(['localhost', bound, ...(bound === 'localhost' ? ['127.0.0.1', '[::1]'] : [])]);
    // Bound to every interface, any IP literal reaches us; a DNS name still needs to be localhost (rebinding uses names).
    this.anyIpLiteral = WILDCARD_HOSTS.has(boundHost);
  }

  check(req: IncomingMessage): RequestVerdict {
    const pathname = originFormPath(req.url);
    if (pathname === null) return { ok: false, status: 400, reason: 'bad request target' };
    if (!this.isOwnHost(req.headers.host)) return { ok: false, status: 403, reason: 'Host is not this cockpit' };
    const origin = req.headers.origin;
    if (origin !== undefined && !this.isOwnOrigin(origin)) return { ok: false, status: 403, reason: 'Origin is not this cockpit' };
    return { ok: true, pathname };
  }

  private isOwnHost(host: string | undefined): boolean {
    const url = host ? parseUrl(`http://${host}`) : null;
    if (!url || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return false;
    if ((url.port || '80') !== String(this.port)) return false;
    return this.hostnames.has(url.hostname) || (this.anyIpLiteral && isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0);
  }

  private isOwnOrigin(origin: string): boolean {
    const url = parseUrl(origin);
    return url !== null && url.protocol === 'http:' && url.origin === origin && this.isOwnHost(url.host);
  }
}

/** The decoded path of an origin-form target ("/a/b?q"), or null for anything else: absolute URLs, "*", bad escapes, NUL. */
export function originFormPath(target: string | undefined): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
  const url = parseUrl(target, 'http://cockpit.invalid');
  if (!url) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return pathname.includes('\0') ? null : pathname;
}

function parseUrl(text: string, base?: string): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/** A plain-text answer with the security headers; `close` for refusals, so a hostile client cannot keep the socket. */
export function respond(res: ServerResponse, status: number, text: string, close = status >= 400): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...(close ? { Connection: 'close' } : {}) });
  res.end(`${text}\n`);
}

/** Answers on the raw socket, where no ServerResponse exists: a refused WebSocket upgrade, an unparseable request. */
export function refuseRaw(socket: Duplex, status: number, reason: string): void {
  const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`);
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers.join('')}\r\n${reason}\n`);
}
