// Inputs with absurd sizes or numbers are refused with a clear error, before they cost memory or produce NaN.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PNG_PIXELS, readPngFile } from '../../../src-main/adapters/ocr/png-file';
import { splitRunParams } from '../../../src-main/core/backtest/run-params';
import { createDispatcher } from '../../../src-main/engine/dispatcher';
import { contract, lookupMethod } from '../../../src-shared/contract';
import { tempDir } from '../../support/temp-dir';
import { runCli } from './helpers';

const dir = tempDir('cockpit-limits-');
afterAll(() => dir.cleanup());

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A valid grey PNG of width×height: rows of zeros deflate to almost nothing, as in the 1.5 MB file of the issue. */
function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = deflateSync(Buffer.alloc(Math.min((width + 1) * height, 64 * 1024 * 1024)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

describe('PNG inputs are bounded by the header before decoding', () => {
  it('refuses 20000×20000 and 65535×65535 from the header, without decoding', async () => {
    for (const side of [20_000, 65_535]) {
      const file = join(dir.path, `${side}.png`);
      writeFileSync(file, bombPng(side, side));
      const before = process.memoryUsage().rss;
      await expect(readPngFile(file)).rejects.toThrow(new RegExp(`${side}×${side} .* at most ${MAX_PNG_PIXELS / 1e6} megapixels`));
      expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('says an empty file is empty, and junk is not a PNG', async () => {
    writeFileSync(join(dir.path, 'empty.png'), '');
    writeFileSync(join(dir.path, 'junk.png'), 'hello');
    await expect(readPngFile(join(dir.path, 'empty.png'))).rejects.toThrow('the file is empty (0 bytes), not a PNG image');
    await expect(readPngFile(join(dir.path, 'junk.png'))).rejects.toThrow('not a PNG image');
  });

  it('cockpit ocr reports them per file, rc 1, with no pngjs internals', async () => {
    const run = await runCli(['ocr', join(dir.path, '20000.png'), join(dir.path, 'empty.png')], {}, 60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('20000.png: the image is 20000×20000 (400 megapixels)');
    expect(run.stderr).toContain('empty.png: the file is empty (0 bytes), not a PNG image');
  }, 60_000);
});

describe('numeric params are bounded', () => {
  it('refuses initialEquity 1e308 and other absurd run params', () => {
    expect(splitRunParams({ initialEquity: 1e308 })).toMatchObject({ ok: false, error: expect.stringMatching(/initialEquity must be at most/) });
    expect(splitRunParams({ barsPerYear: 1e300 })).toMatchObject({ ok: false });
    expect(splitRunParams({ initialEquity: 1e6 })).toMatchObject({ ok: true });
  });

  it('cockpit backtest --params \'{"initialEquity":1e308}\' fails clearly instead of printing NaN', async () => {
    const csv = join(dir.path, 'candles.csv');
    writeFileSync(csv, ['time,open,high,low,close,volume', ...Array.from({ length: 50 }, (_, i) => `${i},${100 + i},${101 + i},${99 + i},${100 + i},1`)].join('\n'));
    const run = await runCli(['backtest', '--strategy', 'sma-cross', '--csv', csv, '--params', '{"initialEquity":1e308}']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/initialEquity must be at most/);
    expect(run.stdout).not.toMatch(/NaN/);
  });
});

describe('contract method lookup uses own properties only', () => {
  it('finds no prototype member, and the dispatcher answers UNKNOWN_METHOD', async () => {
    for (const name of ['__proto__.toString', 'constructor.name', 'hasOwnProperty.length', 'app.__proto__', 'app.constructor', 'app.toString']) {
      expect(lookupMethod(contract, name), name).toBeUndefined();
    }
    expect(lookupMethod(contract, 'app.getStatus')).toBeDefined();
    const dispatch = createDispatcher(contract, {} as never);
    expect(await dispatch('__proto__.toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
