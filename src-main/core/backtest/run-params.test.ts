import { describe, expect, it } from 'vitest';
import { defaultRiskConfig } from '../risk/config';
import { splitRunParams } from './run-params';

describe('splitRunParams', () => {
  it('passes strategy params through and leaves risk off by default (plain all-in semantics)', () => {
    expect(splitRunParams({ fast: 5, slow: 20 })).toEqual({ ok: true, value: { strategyParams: { fast: 5, slow: 20 }, risk: null, slippage: 0, barsPerYear: undefined, initialEquity: 10_000 } });
  });

  it('"risk": true opts into the default profile; an object overrides parts of it', () => {
    const on = splitRunParams({ risk: true });
    expect(on.ok && on.value.risk).toEqual(defaultRiskConfig());
    const custom = splitRunParams({ risk: { stopLoss: 0.05, takeProfits: [] }, slippage: 0.0005 });
    expect(custom.ok && custom.value.risk).toMatchObject({ stopLoss: 0.05, takeProfits: [], trailingStop: 0.2 });
    expect(custom.ok && custom.value.slippage).toBe(0.0005);
  });

  it('rejects non-objects and bad run keys', () => {
    expect(splitRunParams([1]).ok).toBe(false);
    const bad = splitRunParams({ risk: { stopLoss: 2 } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/risk/);
  });
});
