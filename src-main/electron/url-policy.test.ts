import { describe, expect, it } from 'vitest';
import { isAppUrl, isVettedExternalUrl } from './url-policy';

describe('url policy', () => {
  it('recognises only the app origins', () => {
    expect(isAppUrl('app://cockpit/index.html', ['app://cockpit'])).toBe(true);
    expect(isAppUrl('app://cockpit.evil/index.html', ['app://cockpit'])).toBe(false);
    expect(isAppUrl('https://cockpit/', ['app://cockpit'])).toBe(false);
    expect(isAppUrl('not a url', ['app://cockpit'])).toBe(false);
  });

  it('opens externally only vetted https hosts and the macOS privacy panes', () => {
    expect(isVettedExternalUrl('https://github.com/x/y')).toBe(true);
    expect(isVettedExternalUrl('http://github.com/x/y')).toBe(false);
    expect(isVettedExternalUrl('https://user:pw@github.com/')).toBe(false);
    expect(isVettedExternalUrl('https://github.com.evil.io/')).toBe(false);
    expect(isVettedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isVettedExternalUrl('x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture')).toBe(true);
    expect(isVettedExternalUrl('x-apple.systempreferences:com.apple.other')).toBe(false);
  });
});
