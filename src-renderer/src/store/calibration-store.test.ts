import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from '../../../src-shared/contract';
import { checkDraft, type Draft } from './calibration-store';

const display: DisplayInfo = { id: '0', bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, primary: true };
const complete: Draft = {
  name: 'Practice',
  displayId: '0',
  scaleFactor: 1,
  regions: { multiplier: { x: 500, y: 300, width: 200, height: 80 } },
  points: { bet: { x: 600, y: 600 }, cashout: { x: 700, y: 600 } },
};

describe('checkDraft', () => {
  it('accepts a complete profile inside the display', () => {
    const { profile, problems } = checkDraft(complete, [display]);
    expect(problems).toEqual([]);
    expect(profile).toMatchObject({ version: 1, name: 'Practice', display: { id: '0', scaleFactor: 1 } });
  });
  it('lists what is missing', () => {
    expect(checkDraft({ ...complete, name: ' ', points: {} }, [display]).problems).toEqual(['Give the profile a name.', 'Place the bet point.', 'Place the cash out point.']);
  });
  it('applies the shared profile rules: minimum size, inside the display, points outside the multiplier', () => {
    const { profile, problems } = checkDraft(
      { ...complete, regions: { multiplier: { x: 1270, y: 300, width: 20, height: 8 } }, points: { bet: { x: 1275, y: 302 }, cashout: { x: 700, y: 600 } } },
      [display],
    );
    expect(profile).toBeNull();
    expect(problems).toEqual([
      'The multiplier region is smaller than 24×10 px.',
      'The multiplier region is not inside display 0.',
      'The bet point is inside the multiplier region: clicking there would hide the reading.',
    ]);
  });
});
