// CI's proof of the README's two commands (run by .ci/run after `npm install`, with `npm start` in the background):
// waits for the ready URL in `npm start`'s output, fetches the page, and says hello to the bridge with the token.
// Usage: tsx test/support/start-smoke.ts LOGFILE [TIMEOUT_MS]
import { readFileSync } from 'node:fs';
import { connectBridge } from './bridge-client';

async function waitForUrl(log: string, timeoutMs: number): Promise<{ url: string; output: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const output = readFileSync(log, 'utf8');
    const match = /Cockpit ready: (\S+)/.exec(output);
    if (match) return { url: match[1]!, output };
    if (Date.now() > deadline) throw new Error(`no "Cockpit ready" line within ${timeoutMs} ms; npm start printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(log: string, timeoutMs: number): Promise<void> {
  const { url, output } = await waitForUrl(log, timeoutMs);
  // Where Electron cannot run, the fallback must be said, not silent.
  const fallback = /^npm start: .*Starting the headless cockpit instead/m.exec(output);
  console.log(`smoke: ${fallback ? `fallback announced: "${fallback[0]}"` : 'no fallback line (the Electron app was started?)'}`);
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token');
  if (!token) throw new Error(`the ready URL carries no token: ${url}`);
  const page = await fetch(parsed.origin);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<div id="root">')) throw new Error(`GET ${parsed.origin} answered ${page.status}:\n${html.slice(0, 400)}`);
  console.log(`smoke: GET ${parsed.origin}/ → ${page.status}, ${html.length} bytes of the cockpit page`);
  const bridge = await connectBridge(parsed.origin, token);
  try {
    if (bridge.greeting.type !== 'welcome') throw new Error(`the bridge refused the hello: ${JSON.stringify(bridge.greeting)}`);
    const status = await bridge.call('app.getStatus');
    if (!status.ok) throw new Error(`app.getStatus failed: ${JSON.stringify(status.error)}`);
    console.log(`smoke: bridge hello → welcome; app.getStatus → ${JSON.stringify(status.data).slice(0, 160)}…`);
  } finally {
    bridge.close();
  }
}

const [log, timeout] = process.argv.slice(2);
if (!log) {
  console.error('usage: tsx test/support/start-smoke.ts LOGFILE [TIMEOUT_MS]');
  process.exit(2);
}
main(log, Number(timeout ?? 120_000)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`smoke: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
