// The engine logs only through the logger it is given: each component under its own scope, swallowed errors included.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataDirLog } from '../../../src-main/adapters/logging/data-dir-log';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine } from '../../../src-main/engine/engine';
import { captureLogger } from '../../support/capture-logger';
import { tempDir } from '../../support/temp-dir';

const PLANTED = 'PLANTED-signal-token-9f8e7d6c5b4a';

describe('engine logging', () => {
  const dirs: Array<{ cleanup(): void }> = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
  const dir = () => {
    const d = tempDir('cockpit-engine-log-');
    dirs.push(d);
    return d.path;
  };

  it('a throwing bus listener is logged under event-bus and swallowed; the shutdown summary is logged under markets', async () => {
    const lines: string[] = [];
    const engine = createEngine({ dataDir: dir(), shell: 'cli', cipher: new ScryptCipher('t'), startMarkets: false, logger: captureLogger(lines) });
    const heard: string[] = [];
    engine.bus.on('toast', () => {
      throw new Error('listener boom');
    });
    engine.bus.on('toast', (t) => heard.push(t.message));
    engine.bus.emit('toast', { level: 'info', message: 'hello' });
    expect(heard).toEqual(['hello']);
    expect(lines.some((l) => l.startsWith('error [event-bus] a listener failed') && l.includes('listener boom'))).toBe(true);
    expect((await engine.shutdown('test')).problems).toEqual([]);
    expect(lines).toContain('info [markets] shutdown: no open strategy positions');
  });

  it("a shell's data dir log gets the engine's lines, with the secrets the engine learned redacted", async () => {
    const dataDir = dir();
    const log = openDataDirLog(dataDir, { console: null });
    const engine = createEngine({ dataDir, shell: 'headless', cipher: new ScryptCipher('t'), startMarkets: false, logger: log.logger, logging: log.logging });
    await engine.dispatch('settings.setSignalToken', { token: PLANTED });
    engine.bus.on('toast', () => {
      throw new Error(`listener saw ${PLANTED}`);
    });
    engine.bus.emit('toast', { level: 'info', message: 'x' });
    await engine.shutdown('test');
    log.close();
    const text = log.logging.files().map((f) => readFileSync(f, 'utf8')).join('');
    expect(text).not.toContain(PLANTED);
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toContainEqual(expect.objectContaining({ level: 'error', scope: 'event-bus', msg: 'a listener failed', err: expect.objectContaining({ message: 'listener saw [redacted]' }) }));
    expect(records).toContainEqual(expect.objectContaining({ level: 'info', scope: 'markets', msg: 'shutdown: no open strategy positions' }));
  });
});
