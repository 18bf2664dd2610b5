import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir';
import { Redactor } from '../../core/logging/redact';
import { buildDiagnostics, writeDiagnostics } from './diagnostics';
import { RotatingLog } from './rotating-log';

const dirs: Array<{ cleanup(): void }> = [];
const dir = () => {
  const d = tempDir('cockpit-log-');
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('RotatingLog', () => {
  it('writes one redacted JSON object per line', () => {
    const redactor = new Redactor();
    redactor.addSecret('PLANTED-SECRET-123');
    const log = new RotatingLog({ dir: dir(), redactor, now: () => 0 });
    log.info('signals', 'connected with PLANTED-SECRET-123', { url: 'ws://x/?token=PLANTED-SECRET-123', apiSecret: 'whatever', stake: 2 });
    log.close();
    const [line, ...rest] = readFileSync(log.files()[0]!, 'utf8').split('\n').filter(Boolean);
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toEqual({ t: '1970-01-01T00:00:00.000Z', level: 'info', scope: 'signals', msg: 'connected with [redacted]', url: 'ws://x/?token=[redacted]', apiSecret: '[redacted]', stake: 2 });
  });

  it('fields cannot overwrite the level or time', () => {
    const log = new RotatingLog({ dir: dir(), redactor: new Redactor(), now: () => 0 });
    log.error('x', 'boom', { level: 'debug', t: 'fake' });
    log.close();
    expect(JSON.parse(readFileSync(log.files()[0]!, 'utf8'))).toMatchObject({ level: 'error', t: '1970-01-01T00:00:00.000Z' });
  });

  it('rotates by size and keeps at most maxFiles files', () => {
    const log = new RotatingLog({ dir: dir(), redactor: new Redactor(), maxBytes: 300, maxFiles: 3 });
    for (let i = 0; i < 40; i++) log.info('t', `line ${i} ${'x'.repeat(40)}`);
    log.close();
    const files = log.files();
    expect(files.map((f) => f.split('/').pop())).toEqual(['cockpit.log', 'cockpit.1.log', 'cockpit.2.log']);
    for (const f of files) expect(readFileSync(f).length).toBeLessThanOrEqual(300);
    // The newest line is in the live file and nothing is torn.
    const live = readFileSync(files[0]!, 'utf8').trim().split('\n');
    expect(JSON.parse(live.at(-1)!).msg).toMatch(/^line 39 /);
    for (const f of files) for (const l of readFileSync(f, 'utf8').trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('appends serialised lines (the pino destination) through the redactor, with the same rotation', () => {
    const redactor = new Redactor();
    redactor.addSecret('PLANTED-SECRET-456');
    const log = new RotatingLog({ dir: dir(), redactor, maxBytes: 200, maxFiles: 2 });
    log.writeLine(JSON.stringify({ level: 'warn', msg: 'key PLANTED-SECRET-456' }));
    expect(JSON.parse(readFileSync(log.files()[0]!, 'utf8'))).toEqual({ level: 'warn', msg: 'key [redacted]' });
    for (let i = 0; i < 10; i++) log.writeLine(`${JSON.stringify({ level: 'info', msg: `line ${i} ${'x'.repeat(30)}` })}\n`);
    log.close();
    const text = log.files().map((f) => readFileSync(f, 'utf8')).join('');
    expect(log.files()).toHaveLength(2);
    for (const l of text.trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
    expect(JSON.parse(readFileSync(log.files()[0]!, 'utf8').trim().split('\n').at(-1)!).msg).toMatch(/^line 9 /);
  });
});

describe('diagnostics export', () => {
  it('writes one JSON file with versions, displays, permissions and the redacted log tail', () => {
    const d = dir();
    const redactor = new Redactor();
    const log = new RotatingLog({ dir: d, redactor });
    log.info('boot', 'started');
    log.close();
    // A secret only learned after it was logged must still not leave in the export.
    redactor.addSecret('late-secret-value');
    const input = {
      app: { version: '1.2.3', shell: 'electron' },
      versions: { node: '24', electron: '45' },
      os: { platform: 'linux', release: '6', arch: 'x64' },
      displays: [{ id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 }],
      permissions: { steps: [] },
      status: { mode: 'dry-run' },
      settings: { signalSource: { url: 'ws://h/?token=late-secret-value', hasToken: true } },
      logFiles: log.files(),
    };
    const { path, bytes } = writeDiagnostics(d, input, redactor, 0);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(bytes).toBeGreaterThan(100);
    expect(json).toMatchObject({ kind: 'trading-cockpit-diagnostics', app: { version: '1.2.3' }, displays: input.displays, settings: { signalSource: { hasToken: true } } });
    expect(json.logs[0].file).toBe('cockpit.log');
    expect(JSON.parse(json.logs[0].lines[0]).msg).toBe('started');
    expect(readFileSync(path, 'utf8')).not.toContain('late-secret-value');
    expect(buildDiagnostics({ ...input, logFiles: [] }, redactor).logs).toEqual([]);
  });
});
