import { describe, expect, it } from 'vitest';
import { browserArgs, findBrowser } from './game-window';

describe('findBrowser', () => {
  it('takes COCKPIT_DEMO_BROWSER when it exists, and nothing else then', () => {
    expect(findBrowser('linux', { COCKPIT_DEMO_BROWSER: '/opt/b', PATH: '/usr/bin' }, (p) => p === '/opt/b' || p === '/usr/bin/chromium')).toBe('/opt/b');
    expect(findBrowser('linux', { COCKPIT_DEMO_BROWSER: '/opt/missing', PATH: '/usr/bin' }, (p) => p === '/usr/bin/chromium')).toBeNull();
  });

  it('looks on PATH on Linux, in /Applications on macOS and under Program Files on Windows', () => {
    expect(findBrowser('linux', { PATH: '/bin:/usr/bin' }, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findBrowser('darwin', {}, (p) => p.startsWith('/Applications/Microsoft Edge.app'))).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const edge = findBrowser('win32', { 'ProgramFiles(x86)': 'C:\\PF86' }, (p) => p.includes('msedge.exe'));
    expect(edge).toMatch(/PF86.*msedge\.exe$/);
    expect(findBrowser('linux', { PATH: '/usr/bin' }, () => false)).toBeNull();
  });
});

describe('browserArgs', () => {
  it('opens an app window with its own profile, without the sandbox only as root', () => {
    const options = { url: 'http://127.0.0.1:1/practice-game.html?markers=1', profileDir: '/tmp/p', size: { width: 1100, height: 820 } };
    const args = browserArgs(options, false);
    expect(args).toContain('--app=http://127.0.0.1:1/practice-game.html?markers=1');
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).toContain('--window-size=1100,820');
    expect(args).not.toContain('--no-sandbox');
    expect(browserArgs(options, true)).toContain('--no-sandbox');
  });
});
