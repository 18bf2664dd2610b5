import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { createEngine, type Engine } from '../../../src-main/engine/engine';
import type { GameProfile } from '../../../src-shared/game-profile';
import { recordingDesktop, type RecordingDesktop } from '../../support/recording-desktop';
import { tempDir } from '../../support/temp-dir';

const profile: GameProfile = {
  version: 1,
  name: 'practice',
  display: { id: '0', scaleFactor: 1 },
  regions: { multiplier: { x: 100, y: 100, width: 300, height: 80 } },
  points: { bet: { x: 500, y: 600 }, cashout: { x: 700, y: 600 } },
};
const ARM = { mode: 'live', confirm: 'ARM LIVE' };

describe('arming live mode', () => {
  let dir: ReturnType<typeof tempDir>;
  let engine: Engine;
  let desktop: RecordingDesktop;
  const display = process.env.DISPLAY;

  /** What a rehearsal that said `ready` leaves for the profile. */
  const REHEARSED = { version: 1, bettingLooks: ['blank'], crashLooks: ['text:hue0:line'], decimals: 2, rate: { min: 0.00015, max: 0.00016 }, rounds: 2 } as const;

  beforeEach(async () => {
    process.env.DISPLAY = ':0';
    dir = tempDir();
    desktop = recordingDesktop();
    engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('t'), desktop });
    expect(await engine.dispatch('profiles.save', profile)).toMatchObject({ ok: true });
    engine.settings.update({ activeProfile: 'practice' });
  });
  afterEach(async () => {
    await engine.shutdown('test');
    dir.cleanup();
    if (display === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = display;
  });

  it('is refused until the capture-and-input probe has passed and the game was rehearsed, then allowed', async () => {
    expect(await engine.dispatch('app.setMode', ARM)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(engine.safety.snapshot().mode).toBe('dry-run');
    const probed = await engine.dispatch('system.runCaptureClickProbe', undefined);
    expect(probed).toMatchObject({ ok: true, data: { readyForLive: false } });
    expect(await engine.dispatch('app.setMode', ARM)).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('Game rehearsed') } });
    engine.autopilot.signatures.save('practice', REHEARSED);
    const checklist = await engine.dispatch('system.getFirstRunChecklist', undefined);
    expect(checklist).toMatchObject({ ok: true, data: { readyForLive: true } });
    expect(await engine.dispatch('app.setMode', ARM)).toMatchObject({ ok: true, data: { mode: 'live' } });
    expect(desktop.clicks).toEqual([]);
  });

  it('stays refused when input is blocked (e.g. no Accessibility permission)', async () => {
    desktop.inputBlocked = true;
    await engine.dispatch('system.runCaptureClickProbe', undefined);
    expect(await engine.dispatch('app.setMode', ARM)).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringMatching(/probe/i) } });
  });

  it('stays refused when the capture is one flat colour (e.g. no Screen Recording permission)', async () => {
    desktop.captureBlocked = true;
    await engine.dispatch('system.runCaptureClickProbe', undefined);
    expect(engine.safety.snapshot().mode).toBe('dry-run');
    expect(await engine.dispatch('app.setMode', ARM)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('the kill switch disarms live, and releasing it does not re-arm', async () => {
    engine.autopilot.signatures.save('practice', REHEARSED);
    await engine.dispatch('system.runCaptureClickProbe', undefined);
    await engine.dispatch('app.setMode', ARM);
    expect(await engine.dispatch('app.setKillSwitch', { engaged: true })).toMatchObject({ ok: true, data: { killSwitch: true, mode: 'dry-run' } });
    expect(await engine.dispatch('app.setKillSwitch', { engaged: false })).toMatchObject({ ok: true, data: { killSwitch: false, mode: 'dry-run' } });
  });
});
