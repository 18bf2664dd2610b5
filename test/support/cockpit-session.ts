// A `cockpit` process serving the UI and a headless Chromium page on it: what the UI e2e suites start with.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchHeadless } from './chromium';
import { startCockpitProcess, type HeadlessProcess } from './headless-process';
import { watchErrors } from './ui-helpers';

export interface CockpitSession {
  readonly cockpit: HeadlessProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** Console and page errors so far. */
  readonly errors: string[];
  /** Closes the browser, then stops the cockpit with SIGTERM; answers its exit code. */
  close(): Promise<number | null>;
}

/** `args` is the cockpit command, e.g. `['headless', '--port', '0', '--data', dir]` or `['demo', '--port', '0']`. */
export async function openCockpitSession(args: string[], env: NodeJS.ProcessEnv = {}, viewport = { width: 1280, height: 900 }): Promise<CockpitSession> {
  mkdirSync('test-results', { recursive: true });
  const [cockpit, browser] = await Promise.all([startCockpitProcess(args, env), launchHeadless()]);
  const page = await browser.newPage({ viewport });
  return {
    cockpit,
    browser,
    page,
    errors: watchErrors(page),
    close: async () => {
      await browser.close();
      return cockpit.stop('SIGTERM');
    },
  };
}
