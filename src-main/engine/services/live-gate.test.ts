import { describe, expect, it } from 'vitest';
import { ARM_LIVE_PHRASE } from '../../../src-shared/contract';
import type { FirstRunChecklist } from '../../../src-shared/contract/services/system';
import type { Dispatch } from '../dispatcher';
import { gateLiveArming } from './live-gate';

const step = (state: 'ok' | 'pending' | 'warning', blocksLive = true) => ({ id: 'capture-click-probe' as const, title: 'Capture and click probe', state, detail: '', blocksLive });

describe('gateLiveArming', () => {
  const calls: string[] = [];
  const inner: Dispatch = async (name) => (calls.push(name), { ok: true, data: name });
  let checklist: FirstRunChecklist = { platform: 'linux', steps: [step('pending')], readyForLive: false };
  const dispatch = gateLiveArming(inner, async () => checklist);

  it('refuses to arm live while a step blocks it, without reaching the engine', async () => {
    expect(await dispatch('app.setMode', { mode: 'live', confirm: ARM_LIVE_PHRASE })).toEqual({ ok: false, error: { code: 'REFUSED', message: 'Live mode stays off until the first-run checklist passes: Capture and click probe.' } });
    expect(calls).toEqual([]);
  });

  it('always lets dry run and every other call through', async () => {
    expect(await dispatch('app.setMode', { mode: 'dry-run' })).toMatchObject({ ok: true });
    expect(await dispatch('app.setKillSwitch', { engaged: true })).toMatchObject({ ok: true });
    expect(calls).toEqual(['app.setMode', 'app.setKillSwitch']);
  });

  it('arms once the checklist passes; warnings do not block', async () => {
    checklist = { platform: 'linux', steps: [step('ok'), { ...step('warning', false), id: 'display-server', title: 'Display server' }], readyForLive: true };
    expect(await dispatch('app.setMode', { mode: 'live', confirm: ARM_LIVE_PHRASE })).toMatchObject({ ok: true });
  });
});
