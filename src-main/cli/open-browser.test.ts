import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { findElectronBinary } from './electron-binary';
import { browserOpener, openBrowser, type Spawner } from './open-browser';

describe('openBrowser', () => {
  const url = 'http://127.0.0.1:4318/#token=t';

  it('uses the platform opener, and none on Linux without a desktop session', () => {
    expect(browserOpener(url, 'darwin', {})).toEqual(['open', [url]]);
    expect(browserOpener(url, 'win32', {})).toEqual(['cmd', ['/c', 'start', '""', url]]);
    expect(browserOpener(url, 'linux', { DISPLAY: ':0' })).toEqual(['xdg-open', [url]]);
    expect(browserOpener(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual(['xdg-open', [url]]);
    expect(browserOpener(url, 'linux', {})).toBeNull();
  });

  it('never fails: a missing opener is ignored', () => {
    const missing: Spawner = () => {
      throw new Error('spawn xdg-open ENOENT');
    };
    expect(openBrowser(url, 'linux', { DISPLAY: ':0' }, missing)).toBe(false);
    let errorListener: (() => void) | undefined;
    const started: Spawner = () => ({ once: (_event, listener) => (errorListener = listener), unref: () => {} });
    expect(openBrowser(url, 'linux', { DISPLAY: ':0' }, started)).toBe(true);
    expect(() => errorListener?.()).not.toThrow();
    expect(openBrowser(url, 'linux', {}, missing)).toBe(false);
  });
});

describe('findElectronBinary', () => {
  it('says what is missing without downloading anything', () => {
    const root = tempDir('cockpit-electron-');
    try {
      expect(findElectronBinary(root.path, {})).toEqual({ missing: 'the electron package is not installed' });
      const pkg = join(root.path, 'node_modules/electron');
      mkdirSync(join(pkg, 'dist'), { recursive: true });
      expect(findElectronBinary(root.path, {})).toMatchObject({ missing: expect.stringMatching(/not downloaded/) });
      writeFileSync(join(pkg, 'path.txt'), 'electron');
      expect(findElectronBinary(root.path, {})).toMatchObject({ missing: expect.stringMatching(/binary is missing/) });
      writeFileSync(join(pkg, 'dist/electron'), '');
      expect(findElectronBinary(root.path, {})).toEqual({ path: join(pkg, 'dist/electron') });
    } finally {
      root.cleanup();
    }
  });
});
