// Runs in: Electron main. Pure URL rules, unit-tested.
const EXTERNAL_HOSTS = new Set(['github.com', 'www.binance.com', 'testnet.binance.vision', 'www.bybit.com', 'testnet.bybit.com']);

export function isAppUrl(url: string, appOrigins: readonly string[]): boolean {
  try {
    const u = new URL(url);
    const origin = u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
    return appOrigins.includes(origin);
  } catch {
    return false;
  }
}

/** shell.openExternal only for https on a short allow-list, plus the macOS privacy pane deep links. */
export function isVettedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'x-apple.systempreferences:') return u.href.startsWith('x-apple.systempreferences:com.apple.preference.security?Privacy_');
    return u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.hostname) && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
