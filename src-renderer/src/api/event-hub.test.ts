import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventHub } from './event-hub';

describe('event hub', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands each handler the parsed payload of its own event only', () => {
    const hub = createEventHub();
    const toasts: string[] = [];
    const samples: number[] = [];
    hub.on('toast', (toast) => toasts.push(toast.message));
    hub.on('round.sample', (sample) => samples.push(sample.m));
    hub.dispatch('toast', { level: 'info', message: 'hello' });
    hub.dispatch('round.sample', { roundId: 'r', t: 0, m: 1.5 });
    hub.dispatch('no.such.event', { level: 'info', message: 'ignored' });
    expect(toasts).toEqual(['hello']);
    expect(samples).toEqual([1.5]);
  });

  it('drops a payload that breaks the contract, and says so', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hub = createEventHub();
    const toasts: unknown[] = [];
    hub.on('toast', (toast) => toasts.push(toast));
    hub.dispatch('toast', { level: 'loud', message: 1 });
    expect(toasts).toEqual([]);
    expect(error).toHaveBeenCalledOnce();
  });

  it('stops calling a handler once it is released', () => {
    const hub = createEventHub();
    let calls = 0;
    const off = hub.on('toast', () => calls++);
    hub.dispatch('toast', { level: 'info', message: 'a' });
    off();
    hub.dispatch('toast', { level: 'info', message: 'b' });
    expect(calls).toBe(1);
  });
});
