// Runs in: the practice game page (a browser).
// Query parameters of practice-game.html. Everything has a safe default so a bare URL is a playable game.

import { DEFAULT_SALT } from '../../src-shared/crash/bustabit';
import { BORROWABLE, isSkinName, skinNamed, type ConventionMix, type SkinName } from './skins';

export interface PracticeConfig {
  /** `skin=`: the look and button convention; unknown names fall back to classic. */
  readonly skin: SkinName;
  /** `betting=`, `crash=`, `format=`, `backdrop=`: that convention borrowed from the named skin. */
  readonly mix: ConventionMix;
  /** Crash-chain seed; null means a random one per page load. */
  readonly seed: string | null;
  readonly salt: string;
  /** Growth rate per ms of m(t) = e^(rate·t); defaults to the skin's. */
  readonly rate: number;
  readonly countdownMs: number;
  readonly pauseMs: number;
  readonly balance: number;
  readonly stake: number;
  readonly autoCashout: number | null;
  /** Defaults to the skin's; only classic has both palettes. */
  readonly theme: 'dark' | 'light';
  /** Appearance of the multiplier readout, varied by OCR tests. Colours are validated by the view. */
  readonly font: string | null;
  readonly sizePx: number;
  readonly fg: string | null;
  readonly bg: string | null;
  /** `markers=1`: frame the readout and buttons for the engine to find (src-shared/practice-markers.ts). */
  readonly markers: boolean;
}

function numberParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

function textParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value.slice(0, 200) : null;
}

function conventionMix(params: URLSearchParams): ConventionMix {
  const mix: ConventionMix = {};
  for (const key of BORROWABLE) {
    const from = params.get(key);
    if (isSkinName(from)) mix[key] = from;
  }
  return mix;
}

export function parseParams(search: string): PracticeConfig {
  const params = new URLSearchParams(search);
  const autoCashout = numberParam(params, 'autoCashout', NaN, 1.01, 1_000_000);
  const skin = skinNamed(params.get('skin'));
  const theme = params.get('theme');
  return {
    skin: skin.name,
    mix: conventionMix(params),
    seed: textParam(params, 'seed'),
    markers: params.get('markers') === '1',
    salt: textParam(params, 'salt') ?? DEFAULT_SALT,
    rate: numberParam(params, 'rate', skin.rate, 1e-6, 0.01),
    // A positive countdown keeps every round a positive length, even a run of instant crashes with no pause.
    countdownMs: numberParam(params, 'countdownMs', 5000, 200, 600_000),
    pauseMs: numberParam(params, 'pauseMs', 2000, 0, 600_000),
    balance: numberParam(params, 'balance', 1000, 0, 1e12),
    stake: numberParam(params, 'stake', 10, 0.01, 1e12),
    // Single-button skins have no auto cash-out field.
    autoCashout: Number.isNaN(autoCashout) || skin.buttons === 'single' ? null : autoCashout,
    theme: theme === 'light' || theme === 'dark' ? theme : skin.theme,
    font: textParam(params, 'font'),
    sizePx: numberParam(params, 'size', 96, 12, 400),
    fg: textParam(params, 'fg'),
    bg: textParam(params, 'bg'),
  };
}
