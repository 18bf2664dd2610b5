import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.COCKPIT_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Debian Chromium quiet on a machine with no internet; see BRIEF §"Known to work". */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
  '--password-store=basic',
];

export async function launchHeadless(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_FLAGS, ...options });
}

/** A real, headed Chromium window on an X display (Xvfb), e.g. in kiosk mode for the desktop e2e. */
export async function launchOnDisplay(display: string, extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [...QUIET_FLAGS, ...extraArgs],
    env: { ...process.env, DISPLAY: display },
    ...options,
  });
}

/** A kiosk window (no browser UI, page at the screen origin) on an X display: only the default window honours --kiosk. */
export async function launchKiosk(display: string, width: number, height: number): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cockpit-kiosk-')), {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: null,
    args: [...QUIET_FLAGS, '--kiosk', '--window-position=0,0', `--window-size=${width},${height}`, '--force-device-scale-factor=1', '--hide-scrollbars'],
    env: { ...process.env, DISPLAY: display },
  });
}
