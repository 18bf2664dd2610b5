import { describe, expect, it } from 'vitest';
import type { DisplayInfo } from './dip-physical';
import { profileLayoutProblem, type ProfileLayout } from './profile-layout';

const retina: DisplayInfo = { id: '7', bounds: { x: 0, y: 0, width: 1440, height: 900 }, scaleFactor: 2 };
const profile: ProfileLayout = {
  display: { id: '7', scaleFactor: 2 },
  regions: { multiplier: { x: 1200, y: 600, width: 300, height: 90 }, balance: { x: 100, y: 100, width: 200, height: 40 } },
  points: { bet: { x: 2700, y: 1700 }, cashout: { x: 2700, y: 1600 }, stakeInput: undefined },
};

describe('profileLayoutProblem', () => {
  it('accepts the layout the profile was calibrated on', () => {
    expect(profileLayoutProblem(profile, [retina])).toBeNull();
  });

  it('reports a scaling change, a missing display, and points that fell off a smaller display', () => {
    expect(profileLayoutProblem(profile, [{ ...retina, scaleFactor: 1.5 }])).toMatch(/scaling changed from 200% to 150%/);
    expect(profileLayoutProblem(profile, [{ ...retina, id: '8' }])).toBe('display 7 is not connected');
    expect(profileLayoutProblem(profile, [{ ...retina, bounds: { ...retina.bounds, width: 1280, height: 800 } }])).toBe('the bet point lies outside display 7 (2560x1600 px)');
  });
});
