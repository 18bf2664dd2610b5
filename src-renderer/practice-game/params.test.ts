import { describe, expect, it } from 'vitest';
import { formatMoney, formatMultiplier } from './format';
import { parseParams } from './params';
import { mixedSkin, SKINS } from './skins';

describe('practice game parameters', () => {
  it('defaults to bustabit timings and a 1000 balance', () => {
    expect(parseParams('')).toMatchObject({ seed: null, rate: 0.00006, countdownMs: 5000, pauseMs: 2000, balance: 1000, stake: 10, autoCashout: null, theme: 'dark', sizePx: 96 });
  });

  it('reads overrides and rejects nonsense', () => {
    const config = parseParams('?seed=abc&rate=0.0003&countdownMs=1500&pauseMs=0&balance=50&stake=2.5&autoCashout=1.8&theme=light&font=Liberation%20Mono&size=64&fg=%23ff0&bg=black');
    expect(config).toMatchObject({ seed: 'abc', rate: 0.0003, countdownMs: 1500, pauseMs: 0, balance: 50, stake: 2.5, autoCashout: 1.8, theme: 'light', font: 'Liberation Mono', sizePx: 64, fg: '#ff0', bg: 'black' });
    expect(parseParams('?rate=-1&countdownMs=0&stake=abc&autoCashout=1')).toMatchObject({ rate: 0.00006, countdownMs: 5000, stake: 10, autoCashout: null });
  });
});

describe('formats', () => {
  it('shows multipliers the way the OCR expects them', () => {
    expect(formatMultiplier(100)).toBe('1.00x');
    expect(formatMultiplier(235)).toBe('2.35x');
    expect(formatMultiplier(123456)).toBe('1,234.56x');
    expect(formatMoney(1234.5)).toBe('1,234.50');
    expect(formatMoney(-3.07)).toBe('-3.07');
  });
});

describe('skin parameter', () => {
  it("picks the skin, its growth rate and theme unless overridden, and drops auto cash-out on single-button skins", () => {
    expect(parseParams('?skin=rocket')).toMatchObject({ skin: 'rocket', rate: 0.0003, theme: 'dark' });
    expect(parseParams('?skin=bust')).toMatchObject({ skin: 'bust', rate: 0.0001, theme: 'light' });
    expect(parseParams('?skin=bust&rate=0.0002&theme=dark')).toMatchObject({ rate: 0.0002, theme: 'dark' });
    expect(parseParams('?skin=unknown&autoCashout=2')).toMatchObject({ skin: 'classic', rate: 0.00006, autoCashout: 2 });
    expect(parseParams('?skin=aviator&autoCashout=2')).toMatchObject({ skin: 'aviator', rate: 0.0002, autoCashout: null });
  });
});

describe('convention mix', () => {
  it('borrows betting, crash, format and backdrop from named skins, ignoring unknown names', () => {
    const config = parseParams('?skin=aviator&betting=jet&crash=rocket&format=neon&backdrop=nope');
    expect(config.mix).toEqual({ betting: 'jet', crash: 'rocket', format: 'neon' });
    const skin = mixedSkin(config.skin, config.mix);
    expect(skin).toMatchObject({ name: 'aviator', buttons: 'single', rate: SKINS.aviator.rate, backdrop: 'plane', betting: SKINS.jet.betting, crash: SKINS.rocket.crash, format: SKINS.neon.format });
    expect(mixedSkin('bust', {})).toEqual(SKINS.bust);
  });
});
