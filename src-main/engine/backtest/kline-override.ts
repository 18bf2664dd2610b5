// Runs in: engine (read by the shells at start). The test harness's kline host override, from the environment only.

export const KLINE_BASE_URL_ENV = 'COCKPIT_KLINE_BASE_URL';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The override exists so tests can point downloads at the local exchange simulator. It is refused
 * unless it names this machine: a leaked or mistyped variable must not send the engine's requests
 * (with its rate budget and clock) to some other host.
 */
export function klineBaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[KLINE_BASE_URL_ENV];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${KLINE_BASE_URL_ENV} is not a URL: "${raw.slice(0, 200)}"`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.test(url.hostname)) {
    throw new Error(`${KLINE_BASE_URL_ENV} must be an http(s) URL on this machine (127.0.0.1, localhost or [::1]); it is for tests against the exchange simulator`);
  }
  return url.origin;
}
