// Runs in: headless shell (Node). GET /metrics: the engine's Prometheus metrics, for a scraper holding the bridge's token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { secretsEqual } from '../adapters/secrets/constant-time';
import { errorText, type Logger } from '../core/logging/logger';
import { respond, SECURITY_HEADERS } from './request-guard';

export const METRICS_PATH = '/metrics';

export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

/** `Authorization: Bearer <token>`; anything longer than any token we print is not worth hashing. */
const BearerHeader = z
  .string()
  .max(512)
  .transform((header) => /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? null);

/**
 * Answers GET/HEAD /metrics and returns true; false for any other path. The metrics say what the cockpit trades and
 * how, so they need the same token as the bridge: a header, not the URL's fragment, which a scraper cannot send.
 */
export function createMetricsHandler(token: string, metrics: MetricsSource, log: Logger) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (pathname !== METRICS_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      respond(res, 405, 'Method not allowed');
      return true;
    }
    const given = BearerHeader.safeParse(req.headers.authorization ?? '');
    if (!given.success || given.data === null || !secretsEqual(token, given.data)) {
      if (!res.headersSent) res.setHeader('WWW-Authenticate', 'Bearer realm="cockpit"');
      respond(res, 401, 'Unauthorized: send Authorization: Bearer <the token cockpit headless printed>');
      return true;
    }
    metrics.render().then(
      (body) => {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        log.error(`rendering failed: ${errorText(error)}`);
        respond(res, 500, 'Metrics are unavailable; see the cockpit log.');
      },
    );
    return true;
  };
}
