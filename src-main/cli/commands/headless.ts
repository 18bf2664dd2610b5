// Runs in: Node (CLI). `cockpit headless [--host 127.0.0.1] [--port N] [--data DIR] [--open]`
import { openDataDirLog } from '../../adapters/logging/data-dir-log';
import { klineBaseUrlFromEnv, KLINE_BASE_URL_ENV } from '../../engine/backtest/kline-override';
import { resolveDataDir } from '../../engine/data-dir';
import { claimDataDir } from '../../engine/data-dir-claim';
import { startHeadless } from '../../headless/headless-shell';
import { openCliEngine, type CliContext } from '../cli-engine';
import { intOption, parseOptions, untilSignal } from '../options';
import { builtRendererDir } from '../renderer-dir';
import { announceReady, listenHost, SERVE_OPTIONS } from '../serve-options';

const HELP = `Usage: cockpit headless [--host 127.0.0.1] [--port 4318] [--data DIR] [--open]

Runs the engine and serves the cockpit to a browser. Open the printed URL: the token in it
authorizes the browser. Binding to a non-loopback host exposes the cockpit to your network.
--open also opens it in this desktop's browser, when there is a desktop.

Environment: COCKPIT_KLINE_BASE_URL=http://127.0.0.1:PORT sends the Backtest view's kline downloads
to a local \`cockpit simulator\` instead of the exchanges (for tests; loopback URLs only).
`;

export default async function run(args: string[], context: CliContext): Promise<number> {
  const { values } = parseOptions(args, SERVE_OPTIONS);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const host = listenHost(values.host);
  const klineBaseUrl = klineBaseUrlFromEnv();
  if (klineBaseUrl) process.stderr.write(`${KLINE_BASE_URL_ENV}: kline downloads go to ${klineBaseUrl}, not to the exchanges.\n`);
  const dataDir = resolveDataDir(values.data);
  const port = intOption(values.port, 'port', 4318);
  // Listening before "ready" is printed: a SIGTERM right after it must stop cleanly, not kill the process.
  const signalled = untilSignal();
  const lock = claimDataDir(dataDir, 'cockpit headless');
  // Opened once the data dir is ours: a second cockpit, refused above, never writes into this one's log.
  const log = openDataDirLog(dataDir);
  try {
    const shell = await startHeadless({
      host,
      port,
      rendererDir: builtRendererDir(),
      openEngine: () => openCliEngine(context, lock, { dataDir, shell: 'headless', klineBaseUrl, logger: log.logger, logging: log.logging }),
    }).catch((error: unknown) => {
      lock.release(); // a no-op if opening the engine already gave it back
      throw error;
    });
    announceReady(shell.url, values.open);
    return await shell.opened.stop(`received ${await signalled}`);
  } finally {
    log.close();
  }
}
