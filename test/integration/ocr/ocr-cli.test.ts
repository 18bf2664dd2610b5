// `cockpit ocr` on real PNG screenshots of rendered multipliers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import runOcr from '../../../src-main/cli/commands/ocr';
import { launchHeadless } from '../../support/chromium';

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

  async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    try {
      return { code: await runOcr(args), out, err };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('prints one JSON line per file, value null when unreadable', { timeout: 60_000 }, async () => {
    const { code, out } = await capture(['--json', files.suffix ?? '', files.thousands ?? '', files.prefix ?? '', files.blank ?? '']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(({ file, text, value }) => ({ file, text, value }))).toEqual([
      { file: files.suffix, text: '2.35x', value: 2.35 },
      { file: files.thousands, text: '1,234.56x', value: 1234.56 },
      { file: files.prefix, text: 'x17.08', value: 17.08 },
      { file: files.blank, text: '', value: null },
    ]);
    for (const line of lines) expect(Object.keys(line)).toEqual(['file', 'text', 'value', 'ms']);
  });

  it('reports a missing file, still reads the others and exits non-zero', { timeout: 60_000 }, async () => {
    const missing = join(dir, 'missing.png');
    const { code, out, err } = await capture([missing, files.suffix ?? '']);
    expect(code).toBe(1);
    expect(err).toContain(`cannot read ${missing}`);
    expect(out).toMatch(/suffix\.png: 2\.35 \(2\.35x\), [\d.]+ ms\n$/);
  });

  it('rejects a call without files', async () => {
    const { code, err } = await capture(['--json']);
    expect(code).toBe(2);
    expect(err).toContain('usage: cockpit ocr');
  });
});
