import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/store/database';
import { SettingsRepo } from '../../adapters/store/settings-repo';
import { LOOKS, readStream, RED, WHITE, type GameLook } from '../../core/crash/read-streams.test-support';
import { INITIAL_PHASE_STATE, lookOf, stepPhase, type PhaseRead } from '../../core/crash';
import { GameSignatureStore } from './game-signature-store';
import { GameWatch } from './game-watch';
import type { Observation } from './round-observer';

function feed(watch: GameWatch, reads: readonly PhaseRead[], known = watch.known()): void {
  let state = INITIAL_PHASE_STATE;
  for (const read of reads) {
    const step = stepPhase(state, read, { ...DEFAULTS, known });
    state = step.state;
    const o: Observation = { read: { at: read.at, text: '', value: read.kind === 'value' ? read.value : null, ms: 1, path: 'glyph' }, phaseRead: read, state, events: step.events };
    watch.observe(o);
  }
}
const DEFAULTS = (await import('../../core/crash')).DEFAULT_PHASE_CONFIG;

describe('GameWatch', () => {
  it('refuses until learned, saves what it learned, and a new session starts ready', () => {
    const store = new GameSignatureStore(new SettingsRepo(openDatabase(':memory:')));
    const changes: Array<string | null> = [];
    const first = new GameWatch({ store, profile: 'p', mode: 'play', onChange: (why) => changes.push(why) }).start();
    expect(first.readiness()).toBe('still learning this game (0 of 2 rounds seen)');
    feed(first, readStream(LOOKS.waiting, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 }).reads);
    expect(first.readiness()).toBeNull();
    expect(changes).toEqual([null]);
    const second = new GameWatch({ store, profile: 'p', mode: 'play' }).start();
    expect(second.readiness()).toBeNull();
    expect(second.known()?.crashLooks.length).toBeGreaterThan(0);
  });

  it('keeps the number format learned, so the reader of a new session holds it from its first read', () => {
    const store = new GameSignatureStore(new SettingsRepo(openDatabase(':memory:')));
    const learn = new GameWatch({ store, profile: 'trimmed', mode: 'rehearse' }).start();
    const reads = readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 }).reads;
    feed(learn, reads.map((r) => (r.kind === 'value' ? { ...r, trailingZeros: 'dropped' as const } : r)));
    expect(learn.rehearsal().verdict).toEqual({ ready: true });
    expect(new GameWatch({ store, profile: 'trimmed', mode: 'play' }).start().known()?.format).toEqual({ decimals: 2, trailingZeros: 'dropped' });
  });

  it('stops betting after two rounds in a row that no longer match, and forgives one odd round', () => {
    const store = new GameSignatureStore(new SettingsRepo(openDatabase(':memory:')));
    const learn = new GameWatch({ store, profile: 'p', mode: 'rehearse' }).start();
    feed(learn, readStream(LOOKS.classic, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 }).reads);
    expect(learn.rehearsal().verdict).toEqual({ ready: true });
    const play = new GameWatch({ store, profile: 'p', mode: 'play' }).start();
    // The game now grows four times faster: a different game, or a different window under the region.
    const odd = readStream(LOOKS.classic, [{ crash: 2.1 }, { crash: 2.4 }, { crash: 2.2 }], { rate: 0.001 }).reads;
    const split = odd.findIndex((r) => r.at > 5000);
    feed(play, odd.slice(0, split));
    expect(play.readiness()).toBeNull();
    feed(play, odd.slice(split));
    expect(play.readiness()).toContain('the game no longer looks as learned');
  });

  it('where the number vanishes, keeps betting when a long flight leaves a curve behind, and saves that look', () => {
    const store = new GameSignatureStore(new SettingsRepo(openDatabase(':memory:')));
    const curve = { kind: 'text' as const, ink: RED, extraLines: 0, inkOnly: true };
    const jet: GameLook = { betting: () => ({ kind: 'value', value: 1, decimals: 1, ink: WHITE, extraLines: 0 }), crashed: (v) => (v > 3 ? curve : { kind: 'none' }), decimals: 1 };
    const learn = new GameWatch({ store, profile: 'jet', mode: 'rehearse' }).start();
    feed(learn, readStream(jet, [{ crash: 1.9 }, { crash: 2.6 }, { crash: 1.7 }], { rate: 0.00025 }).reads);
    expect(learn.rehearsal().signature?.crashLooks).toEqual(['blank']);
    const play = new GameWatch({ store, profile: 'jet', mode: 'play' }).start();
    feed(play, readStream(jet, [{ crash: 2.1 }, { crash: 5.4 }, { crash: 6.2 }], { rate: 0.00025, startAt: 50_000 }).reads);
    expect(play.readiness()).toBeNull();
    expect(new GameWatch({ store, profile: 'jet', mode: 'play' }).start().known()?.crashLooks).toEqual(['blank', lookOf({ at: 0, ...curve })]);
  });
});
