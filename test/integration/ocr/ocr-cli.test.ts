// `cockpit ocr` on real PNG screenshots of rendered multipliers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHeadless } from '../../support/chromium';
import { runOcrCli } from './run-ocr-cli';

describe('cockpit ocr', () => {
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cockpit-ocr-'));
    const browser = await launchHeadless();
    try {
      const page = await browser.newPage({ deviceScaleFactor: 1 });
      for (const [name, text, style] of [
        ['suffix', '2.35x', "color:#fff;background:#0f1923;font:700 40px 'DejaVu Sans'"],
        ['thousands', '1,234.56x', "color:#111;background:#fff;font:400 22px 'Liberation Serif'"],
        ['prefix', 'x17.08', "color:#ff9f1c;background:#1b1b2f;font:700 30px 'Liberation Mono'"],
        ['oneDecimal', '1.4×', "color:#3fd26b;background:#101418;font:700 36px 'Roboto'"],
        ['oneDecimalX', '12.5x', "color:#111;background:#f7f7f7;font:600 28px 'Lato'"],
        ['wholeNumber', '12x', "color:#ffc83d;background:#14101f;font:800 40px 'Inter'"],
        ['blank', '', 'background:#0f1923;width:120px;height:40px'],
      ] as const) {
        await page.setContent(`<div id="m" style="display:inline-block;padding:10px 18px;${style}">${text}</div>`);
        files[name] = join(dir, `${name}.png`);
        await writeFile(files[name], await page.locator('#m').screenshot());
      }
    } finally {
      await browser.close();
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON line per file, value null when unreadable', { timeout: 60_000 }, async () => {
    const { code, out } = await runOcrCli(['--json', files.suffix ?? '', files.thousands ?? '', files.prefix ?? '', files.blank ?? '']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ file, text, value, decimals }) => ({ file, text, value, decimals }))).toEqual([
      { file: files.suffix, text: '2.35x', value: 2.35, decimals: 2 },
      { file: files.thousands, text: '1,234.56x', value: 1234.56, decimals: 2 },
      { file: files.prefix, text: 'x17.08', value: 17.08, decimals: 2 },
      { file: files.blank, text: '', value: null, decimals: null },
    ]);
    for (const line of lines.slice(0, 3)) expect(Object.keys(line)).toEqual(['file', 'text', 'value', 'ms', 'decimals', 'ink', 'extraLines']);
    expect(lines[3]).toMatchObject({ ink: null, extraLines: 0, unreadable: 'blank' });
  });

  it('reads one or no decimals from each file alone, whatever the files before it showed', { timeout: 60_000 }, async () => {
    const { code, out } = await runOcrCli(['--json', files.suffix ?? '', files.oneDecimal ?? '', files.oneDecimalX ?? '', files.wholeNumber ?? '', files.suffix ?? '']);
    expect(code).toBe(0);
    const reads = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(reads.map(({ value, decimals }) => ({ value, decimals }))).toEqual([
      { value: 2.35, decimals: 2 },
      { value: 1.4, decimals: 1 },
      { value: 12.5, decimals: 1 },
      { value: 12, decimals: 0 },
      { value: 2.35, decimals: 2 },
    ]);
  });

  it('says an empty or non-PNG file is one, per file, and reads the others', { timeout: 60_000 }, async () => {
    const empty = join(dir, 'empty.png');
    const text = join(dir, 'notes.png');
    await writeFile(empty, new Uint8Array(0));
    await writeFile(text, 'not a picture');
    const { code, out, err } = await runOcrCli(['--json', empty, text, files.suffix ?? '']);
    expect(code).toBe(1);
    expect(err).toContain(`cockpit ocr: cannot read ${empty}: the file is empty`);
    expect(err).toContain(`cockpit ocr: cannot read ${text}: not a PNG image`);
    expect(out.trim().split('\n').map((line) => (JSON.parse(line) as { value: unknown }).value)).toEqual([2.35]);
  });

  it('reports a missing file, still reads the others and exits non-zero', { timeout: 60_000 }, async () => {
    const missing = join(dir, 'missing.png');
    const { code, out, err } = await runOcrCli([missing, files.suffix ?? '']);
    expect(code).toBe(1);
    expect(err).toContain(`cannot read ${missing}`);
    expect(out).toMatch(/suffix\.png: 2\.35 \(2\.35x\), [\d.]+ ms\n$/);
  });

  it('rejects a call without files', async () => {
    const { code, err } = await runOcrCli(['--json']);
    expect(code).toBe(2);
    expect(err).toContain('usage: cockpit ocr');
  });
});
