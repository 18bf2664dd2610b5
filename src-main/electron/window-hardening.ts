// Runs in: Electron main. One hardening function applied to every window (Signal-Desktop style).
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { isVettedExternalUrl, isAppUrl } from './url-policy';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click would otherwise try to open links in new windows (denied anyway by setWindowOpenHandler).
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * The only place the app constructs a BrowserWindow. The security options are spelled out literally (on top of
 * secureWebPreferences) so electronegativity's per-constructor checks can see them.
 */
export function createHardenedWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preload: string, appOrigins: readonly string[]): BrowserWindow {
  const win = new BrowserWindow({
    ...options,
    webPreferences: { ...secureWebPreferences(preload), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  hardenWindow(win, appOrigins);
  return win;
}

export function hardenWindow(win: BrowserWindow, appOrigins: readonly string[]): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // electronegativity OPEN_EXTERNAL_JS_CHECK (tentative): only https on an allow-list or the macOS privacy panes pass.
    if (isVettedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
