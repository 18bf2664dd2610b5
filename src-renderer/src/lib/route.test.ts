import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('hash routes', () => {
  it('parses views and the calibrate display', () => {
    expect(parseRoute('#/settings')).toEqual({ view: 'settings', displayId: null, overlay: false });
    expect(parseRoute('#/calibrate?display=2')).toEqual({ view: 'calibrate', displayId: '2', overlay: false });
    expect(parseRoute('#/calibrate?display=-1&overlay=1')).toEqual({ view: 'calibrate', displayId: '-1', overlay: true });
  });
  it('ignores the token fragment and unknown views', () => {
    expect(parseRoute('#token=abc')).toBeNull();
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('')).toBeNull();
  });
  it('round-trips', () => {
    expect(parseRoute(routeHash('calibrate', 'a b'))).toMatchObject({ view: 'calibrate', displayId: 'a b' });
  });
});
