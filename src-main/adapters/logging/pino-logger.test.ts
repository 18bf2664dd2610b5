import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { Redactor } from '../../core/logging/redact';
import { openDataDirLog } from './data-dir-log';
import { createPinoLogger, prettyLine } from './pino-logger';
import { RotatingLog } from './rotating-log';

const PLANTED = 'PLANTED-sk-live-5d1e0c8b7a6f4e3d';

const dirs: Array<{ cleanup(): void }> = [];
const dir = () => {
  const d = tempDir('cockpit-pino-');
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function lines(log: RotatingLog): Array<Record<string, unknown>> {
  return log
    .files()
    .reverse()
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the pino logger', () => {
  it('writes JSON lines with time, level, scope and msg, nested scopes joined', () => {
    const redactor = new Redactor();
    const file = new RotatingLog({ dir: dir(), redactor });
    const logger = createPinoLogger({ redactor, file, now: () => 0 });
    logger.child('markets').child('binance-1').warn('order rejected', { symbol: 'BTCUSDT', qty: 0.1 });
    logger.info('plain');
    logger.debug('below the level: dropped');
    file.close();
    expect(lines(file)).toEqual([
      { t: '1970-01-01T00:00:00.000Z', level: 'warn', scope: 'markets:binance-1', symbol: 'BTCUSDT', qty: 0.1, msg: 'order rejected' },
      { t: '1970-01-01T00:00:00.000Z', level: 'info', msg: 'plain' },
    ]);
  });

  it('never writes a planted secret: not by field path, not in the message, not in an error', () => {
    const redactor = new Redactor();
    const file = new RotatingLog({ dir: dir(), redactor });
    const logger = createPinoLogger({ redactor, file }).child('signals');
    // Field names alone: the value is not known to the redactor.
    logger.error('connect failed', { apiKey: PLANTED, account: { apiSecret: PLANTED, webhookUrl: `https://hooks.example/${PLANTED}` }, headers: { authorization: PLANTED } });
    // A learned value, wherever it appears.
    redactor.addSecret(PLANTED);
    logger.warn(`auth failed for ${PLANTED}`, { note: `key ${PLANTED}`, err: new Error(`bad key ${PLANTED}`) });
    logger.info(`connect ws://127.0.0.1:8765/?token=${PLANTED}`);
    file.close();
    const text = file.files().map((f) => readFileSync(f, 'utf8')).join('');
    expect(text).not.toContain(PLANTED);
    const [byPath, byValue, inUrl] = lines(file);
    expect(byPath).toMatchObject({ level: 'error', apiKey: '[redacted]', account: { apiSecret: '[redacted]', webhookUrl: '[redacted]' }, headers: { authorization: '[redacted]' } });
    expect(byValue).toMatchObject({ level: 'warn', scope: 'signals', msg: 'auth failed for [redacted]', note: 'key [redacted]', err: { name: 'Error', message: 'bad key [redacted]' } });
    expect(inUrl!.msg).toBe('connect ws://127.0.0.1:8765/?token=[redacted]');
  });

  it('keeps its own keys: a field named level or msg cannot overwrite them', () => {
    const redactor = new Redactor();
    const file = new RotatingLog({ dir: dir(), redactor });
    createPinoLogger({ redactor, file }).error('boom', { level: 'debug', msg: 'fake', scope: 'other' });
    file.close();
    expect(lines(file)[0]).toMatchObject({ level: 'error', msg: 'boom', level_: 'debug', msg_: 'fake', scope_: 'other' });
  });

  it('rotates through the RotatingLog: at most maxFiles, nothing torn', () => {
    const redactor = new Redactor();
    const file = new RotatingLog({ dir: dir(), redactor, maxBytes: 400, maxFiles: 3 });
    const logger = createPinoLogger({ redactor, file });
    for (let i = 0; i < 60; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    file.close();
    const files = file.files();
    expect(files.map((f) => f.split('/').pop())).toEqual(['cockpit.log', 'cockpit.1.log', 'cockpit.2.log']);
    for (const f of files) expect(readFileSync(f).length).toBeLessThanOrEqual(400);
    expect(lines(file).at(-1)!.msg).toMatch(/^line 59 /);
  });

  it('mirrors to the console: JSON lines when piped, human lines on a terminal, stacks only in the file', () => {
    const redactor = new Redactor();
    redactor.addSecret(PLANTED);
    const piped: string[] = [];
    const tty: string[] = [];
    const file = new RotatingLog({ dir: dir(), redactor });
    createPinoLogger({ redactor, file, console: { write: (t: string) => piped.push(t) }, now: () => 0 }).child('history').error('report not written', { err: new Error(`disk full ${PLANTED}`) });
    createPinoLogger({ redactor, console: { write: (t: string) => tty.push(t) }, pretty: true, now: () => 0 }).child('history').error('report not written', { err: new Error('disk full'), path: '/x' });
    file.close();
    expect(JSON.parse(piped[0]!)).toMatchObject({ level: 'error', scope: 'history', msg: 'report not written', err: { message: 'disk full [redacted]' } });
    expect(readFileSync(file.files()[0]!, 'utf8')).toContain('"stack"');
    expect(tty).toEqual(['00:00:00.000 ERROR [history] report not written err=Error: disk full path=/x\n']);
  });

  it('does not throw when the file cannot be written; says so once on the console', () => {
    const redactor = new Redactor();
    const out: string[] = [];
    const file = { writeLine: () => { throw new Error('ENOSPC: no space left on device'); } };
    const logger = createPinoLogger({ redactor, file, console: { write: (t: string) => out.push(t) } });
    expect(() => (logger.error('one'), logger.error('two'))).not.toThrow();
    expect(out.filter((l) => l.startsWith('log file not written: ENOSPC'))).toHaveLength(1);
    expect(out.filter((l) => l.includes('"msg":"'))).toHaveLength(2);
  });

  it('a shell opens its data dir log in logs/, for diagnostics', () => {
    const d = dir();
    const log = openDataDirLog(d, { console: null });
    log.logger.child('app').info('started');
    log.close();
    expect(log.logging.files().map((f) => f.split('/').slice(-2).join('/'))).toEqual(['logs/cockpit.log']);
    expect(JSON.parse(readFileSync(log.logging.files()[0]!, 'utf8'))).toMatchObject({ level: 'info', scope: 'app', msg: 'started' });
  });
});

describe('prettyLine', () => {
  it('passes a line that is not JSON through unchanged', () => {
    expect(prettyLine('not json')).toBe('not json\n');
  });
});
