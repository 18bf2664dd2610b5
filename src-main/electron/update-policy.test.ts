import { describe, expect, it } from 'vitest';
import { updateDecision } from './update-policy';

describe('updateDecision', () => {
  it('checks only in a packaged, non-test build', () => {
    expect(updateDecision({ isPackaged: true, platform: 'win32', env: {} })).toEqual({ check: true });
    expect(updateDecision({ isPackaged: true, platform: 'darwin', env: {} })).toEqual({ check: true });
    expect(updateDecision({ isPackaged: false, platform: 'win32', env: {} })).toMatchObject({ check: false, reason: expect.stringMatching(/not packaged/) });
    expect(updateDecision({ isPackaged: true, platform: 'win32', env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } }).check).toBe(false);
    expect(updateDecision({ isPackaged: true, platform: 'win32', env: { COCKPIT_TEST_HOOKS: '1' } }).check).toBe(false);
    expect(updateDecision({ isPackaged: true, platform: 'darwin', env: { COCKPIT_DISABLE_UPDATES: '1' } }).check).toBe(false);
  });

  it('on Linux only for the AppImage', () => {
    expect(updateDecision({ isPackaged: true, platform: 'linux', env: {} }).check).toBe(false);
    expect(updateDecision({ isPackaged: true, platform: 'linux', env: { APPIMAGE: '/x.AppImage' } }).check).toBe(true);
  });
});
