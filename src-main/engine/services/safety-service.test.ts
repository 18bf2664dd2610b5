import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/store/database';
import { ActionsRepo } from '../../adapters/store/actions-repo';
import { SafetyService } from './safety-service';

const step = (state: 'ok' | 'pending' | 'warning', blocksLive = true) => ({ id: 'capture-click-probe' as const, title: 'Capture and click probe', state, detail: '', blocksLive });

function safety() {
  const db = openDatabase(':memory:');
  return new SafetyService({ store: { save: () => {} }, audit: new ActionsRepo(db), marker: { write: () => true, clear: () => {} }, alert: () => {} }, { killSwitch: false });
}

describe('SafetyService.armLive: the only way to go live', () => {
  it('refuses while a checklist step blocks live; warnings do not block', () => {
    const s = safety();
    expect(() => s.armLive({ steps: [step('pending')] }, 'test')).toThrow('Live mode stays off until the first-run checklist passes: Capture and click probe.');
    expect(s.snapshot().mode).toBe('dry-run');
    expect(s.armLive({ steps: [step('ok'), step('warning', false)] }, 'test').mode).toBe('live');
  });

  it('refuses under the kill switch; engaging it disarms, releasing it does not re-arm', async () => {
    const s = safety();
    await s.setKillSwitch(true, 'test');
    expect(() => s.armLive({ steps: [] }, 'test')).toThrow(/kill switch/);
    await s.setKillSwitch(false, 'test');
    s.armLive({ steps: [] }, 'test');
    await s.setKillSwitch(true, 'test');
    expect(s.snapshot()).toMatchObject({ mode: 'dry-run', killSwitch: true });
    await s.setKillSwitch(false, 'test');
    expect(s.snapshot().mode).toBe('dry-run');
  });

  it('setMode only ever returns to dry run, even when called untyped', () => {
    const s = safety();
    const untyped = s.setMode.bind(s) as (mode: string, reason: string) => unknown;
    expect(() => untyped('live', 'test')).toThrow(/armLive/);
    expect(s.snapshot().mode).toBe('dry-run');
  });

  it('whatever the shell: armLive is called from the engine contract handler only (renderer, headless bridge, CLI and tray go through it or cannot arm)', () => {
    const root = join(__dirname, '../..');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') && !f.endsWith('.test.ts') ? [join(dir, f)] : []));
    const callers = files(root).filter((f) => /\.armLive\(/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(root.length + 1));
    expect(callers).toEqual(['engine/engine.ts']);
    // The CLI arms through the same contract call; the tray has no arming action at all.
    expect(readFileSync(join(root, 'cli/commands/autopilot.ts'), 'utf8')).toContain("dispatch('app.setMode', { mode: 'live'");
    expect(readFileSync(join(root, 'electron/tray-menu.ts'), 'utf8')).not.toMatch(/\barm-live|mode: 'live'/);
  });
});
