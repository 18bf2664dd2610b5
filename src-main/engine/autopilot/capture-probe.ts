// Runs in: engine. The "capture and input really work" probe required before live: grab the multiplier region,
// move the pointer over it and read the pointer back. Nothing is clicked, so the probe can never place a bet.
import type { DisplayInfo } from '../../../src-shared/contract/services/autopilot';
import { profileOnScreen, type GameProfile } from '../../../src-shared/game-profile';
import { distinctColours } from '../../core/autopilot/distinct-colours';
import { buttonBox } from '../../core/crash/button-look';
import { layoutKey } from '../../core/display/dip-physical';
import type { ProbeMeasurement } from '../../core/first-run/probe';
import type { Desktop } from './desktop';

export async function runCaptureProbe(profile: GameProfile, desktop: Desktop, displays: DisplayInfo[], now = Date.now()): Promise<ProbeMeasurement> {
  const base = { at: now, profileName: profile.name, layoutKey: layoutKey(displays) };
  const display = displays.find((d) => d.id === profile.display.id);
  if (!display) {
    const error = `display ${profile.display.id} is not connected`;
    return { ...base, capture: { ok: false, ms: 0, distinctColours: 0, error }, click: { dispatched: false, effectObserved: false, error } };
  }
  const onScreen = profileOnScreen(profile, display);
  const region = onScreen.regions.multiplier;
  let capture: ProbeMeasurement['capture'];
  try {
    // The first grab also loads and connects the capture library: the best of three is what every read will cost.
    let ms = Infinity;
    let image = null;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      image = await desktop.grabRegion(region);
      ms = Math.min(ms, performance.now() - started);
    }
    // A readout can be blank on a flat backdrop between rounds, which a blocked capture also gives: the Bet button
    // always shows a label, so a real screen has colours in one of the two.
    const button = await desktop.grabRegion(buttonBox(onScreen.points.bet, display.bounds));
    capture = { ok: true, ms, distinctColours: Math.max(distinctColours(image!), distinctColours(button)) };
  } catch (error) {
    capture = { ok: false, ms: 0, distinctColours: 0, error: (error as Error).message };
  }
  let click: ProbeMeasurement['click'];
  try {
    const centre = { x: region.x + Math.round(region.width / 2), y: region.y + Math.round(region.height / 2) };
    const { moved } = await desktop.mouse.probeMove(centre, profile.display.scaleFactor);
    click = { dispatched: true, effectObserved: moved, ...(moved ? {} : { error: 'the pointer did not move: input is blocked' }) };
  } catch (error) {
    click = { dispatched: false, effectObserved: false, error: (error as Error).message };
  }
  return { ...base, capture, click };
}
