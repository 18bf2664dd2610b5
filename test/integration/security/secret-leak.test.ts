// A planted API key goes in through the engine's secret path; it must come out nowhere: not in call results,
// not in the database file, not in logs or diagnostics, not in the built renderer bundle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDiagnostics } from '../../../src-main/adapters/logging/diagnostics';
import { createPinoLogger } from '../../../src-main/adapters/logging/pino-logger';
import { RotatingLog } from '../../../src-main/adapters/logging/rotating-log';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { Redactor } from '../../../src-main/core/logging/redact';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import { tempDir } from '../../support/temp-dir';

const PLANTED = 'PLANTED-sk-live-7f3a9c2e41b84d0e9a6c5b3f2e1d0c9b';
// The Binance documentation's example secret (BRIEF §5): a hard-coded test key must never reach the renderer.
const DOC_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const root = join(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('a planted secret', () => {
  const dir = tempDir('cockpit-leak-');
  let engine: Engine;
  let log: RotatingLog;
  const redactor = new Redactor();
  let results: unknown[] = [];

  beforeAll(async () => {
    log = new RotatingLog({ dir: join(dir.path, 'logs'), redactor });
    // Wired as in src-main/electron/main.ts: the engine logs through pino into the rotating file, and teaches the
    // redactor every stored secret.
    const logger = createPinoLogger({ redactor, file: log });
    engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('test passphrase'), logger, logging: { redactor, files: () => log.files() } });
    results = [
      await engine.dispatch('settings.setSignalToken', { token: PLANTED }),
      await engine.dispatch('settings.get', undefined),
      await engine.dispatch('app.getStatus', undefined),
    ];
    // What careless code might log: the secret inside a URL, an error message, a structured field.
    const careless = logger.child('signals');
    careless.warn(`connect ws://127.0.0.1:8765/?token=${PLANTED} failed`);
    careless.error('auth failed', { err: new Error(`auth failed for ${PLANTED}`) });
    careless.info('saved', { view: engine.settings.get(), apiKey: PLANTED, note: `key ${PLANTED}` });
    log.info('settings', 'saved', { view: engine.settings.get(), apiKey: PLANTED, note: `key ${PLANTED}` });
    log.close();
  });

  afterAll(async () => {
    await engine.shutdown('test over');
    log.close();
    dir.cleanup();
  });

  it('is stored (the engine can read it back) but no call result carries it', () => {
    expect(engine.settings.signalToken()).toBe(PLANTED);
    expect(JSON.stringify(results)).not.toContain(PLANTED);
    expect(results[1]).toMatchObject({ ok: true, data: { signalSource: { hasToken: true } } });
  });

  it('is encrypted at rest: the SQLite files do not contain it', async () => {
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbFiles = filesUnder(dir.path).filter((f) => f.includes('cockpit.sqlite'));
    expect(dbFiles.length).toBeGreaterThan(0);
    for (const f of dbFiles) expect(readFileSync(f).includes(PLANTED), f).toBe(false);
  });

  it('is redacted from the log and from an exported diagnostics file', () => {
    const logText = log.files().map((f) => readFileSync(f, 'utf8')).join('');
    expect(logText).toContain('connect ws://127.0.0.1:8765/?token=[redacted] failed');
    expect(logText).toContain('auth failed for [redacted]');
    expect(logText).not.toContain(PLANTED);
    const { path } = writeDiagnostics(join(dir.path, 'diag'), {
      app: { version: 't', shell: 'cli' },
      versions: {},
      os: { platform: process.platform, release: '', arch: process.arch },
      displays: [],
      permissions: {},
      status: engine.status(),
      settings: engine.settings.get(),
      logFiles: log.files(),
    }, redactor);
    expect(readFileSync(path, 'utf8')).not.toContain(PLANTED);
  });

  it('never appears in the built renderer or preload bundle', (ctx) => {
    const bundle = [...filesUnder(join(root, 'out/renderer')), ...filesUnder(join(root, 'out/preload'))];
    if (bundle.length === 0) return ctx.skip('no build in out/: run npm run build (npm test builds first)');
    for (const f of bundle) {
      const text = readFileSync(f);
      expect(text.includes(PLANTED), f).toBe(false);
      expect(text.includes(DOC_SECRET), f).toBe(false);
    }
  });
});
