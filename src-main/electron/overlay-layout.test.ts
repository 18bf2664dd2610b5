import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from '../core/display/dip-physical';
import { calibrateUrl, layoutChanged, overlayWindowOptions } from './overlay-layout';

const left: DisplayInfo = { id: '2', bounds: { x: -1280, y: -200, width: 1280, height: 720 }, scaleFactor: 1.5 };
const main: DisplayInfo = { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };

describe('calibration overlay layout', () => {
  it('covers a display exactly, in DIP, even with a negative origin', () => {
    expect(overlayWindowOptions(left)).toMatchObject({ x: -1280, y: -200, width: 1280, height: 720, transparent: true, frame: false, alwaysOnTop: true, skipTaskbar: true, enableLargerThanScreen: true });
  });

  it('loads the renderer calibration route for that display over app://', () => {
    expect(calibrateUrl('app://cockpit/index.html', '2')).toBe('app://cockpit/index.html#/calibrate?display=2');
    expect(calibrateUrl('http://localhost:5173/#/', 'a&b')).toBe('http://localhost:5173/#/calibrate?display=a%26b');
  });

  it('rebuilds on added/removed displays and on scaling or position changes, not on reordering', () => {
    expect(layoutChanged([main, left], [left, main])).toBe(false);
    expect(layoutChanged([main, left], [main])).toBe(true);
    expect(layoutChanged([main, left], [main, { ...left, scaleFactor: 2 }])).toBe(true);
    expect(layoutChanged([main], [{ ...main, bounds: { ...main.bounds, width: 2560 } }])).toBe(true);
  });
});
