// Runs in: engine.
/** An HTTP answer cut down to what a channel needs to decide: delivered, retry (and when), or give up. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  /** The `Retry-After` header, in ms; null when absent or not a number of seconds. */
  readonly retryAfterMs: number | null;
}

export type HttpPost = (url: string, body: string, headers: Record<string, string>) => Promise<HttpAnswer>;

const MAX_BODY = 16_384;

/**
 * Node's fetch, bounded in time; redirects are refused so a secret-bearing URL is never replayed to another host.
 * Throws on a network failure; `networkError` says what happened without the URL (it may hold a token).
 */
export function fetchPost(timeoutMs = 10_000): HttpPost {
  return async (url, body, headers) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await response.text()).slice(0, MAX_BODY);
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, body: text, retryAfterMs: response.headers.has('retry-after') && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : null };
  };
}

/** A fetch failure in words that hold no URL: undici's messages and causes can quote the address with its token. */
export function networkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' && /^[A-Z_]{2,40}$/.test(cause.code) ? cause.code : null;
  return code ? `network error (${code})` : 'network error';
}
