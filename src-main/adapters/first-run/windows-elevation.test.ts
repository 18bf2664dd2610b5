import { describe, expect, it } from 'vitest';
import { elevationScript, parseElevation } from './windows-elevation';

describe('windows elevation probe', () => {
  it('parses the probe answer, and anything else as unknown', () => {
    expect(parseElevation('noise\r\nelevated False\r\n')).toEqual({ target: 'elevated', self: false });
    expect(parseElevation('not-elevated True')).toEqual({ target: 'not-elevated', self: true });
    expect(parseElevation('no-game-window False')).toEqual({ target: 'no-game-window', self: false });
    expect(parseElevation('Add-Type : error')).toEqual({ target: 'unknown', self: false });
    expect(parseElevation('')).toEqual({ target: 'unknown', self: false });
  });

  it('embeds only integers in the script, with DPI awareness set before WindowFromPoint', () => {
    const script = elevationScript(-1910, 540, 4242);
    expect(script).toContain('[CockpitProbe]::Check(-1910, 540, 4242)');
    expect(script.indexOf('SetProcessDpiAwarenessContext(new IntPtr(-4))')).toBeLessThan(script.indexOf('WindowFromPoint(new POINT'));
    expect(() => elevationScript(1.5, 0, 1)).toThrow(RangeError);
    expect(() => elevationScript(Number.NaN, 0, 1)).toThrow(RangeError);
  });
});
