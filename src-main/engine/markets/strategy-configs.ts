// Runs in: engine. Configured strategies (strategy, params, account, symbol, interval, sizing), persisted in settings.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { StrategyConfigInput } from '../../../src-shared/contract';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import { riskConfigSchema, type RiskConfig } from '../../core/risk/config';
import { createStrategy } from '../../core/strategies/registry';

const KEY = 'markets.strategies';
export const StoredStrategyConfig = StrategyConfigInput.required({ id: true });
export type StoredStrategyConfig = z.output<typeof StoredStrategyConfig>;

export class StrategyConfigs {
  constructor(private readonly settings: SettingsRepo) {}

  list(): StoredStrategyConfig[] {
    return this.settings.get(KEY, z.array(StoredStrategyConfig), []);
  }

  get(id: string): StoredStrategyConfig | undefined {
    return this.list().find((c) => c.id === id);
  }

  /** Validates the params against the strategy's schema before anything is stored. */
  save(input: z.output<typeof StrategyConfigInput>): StoredStrategyConfig {
    createStrategy(input.strategy, input.params);
    const config: StoredStrategyConfig = { ...input, id: input.id ?? `${input.strategy}-${randomUUID().slice(0, 6)}` };
    this.settings.set(KEY, [...this.list().filter((c) => c.id !== config.id), config]);
    return config;
  }
}

/**
 * The risk profile a configured strategy trades with. Limits (slots, daily loss, cooldown, drawdown
 * pause, in-flight lock) always apply; the exit rules only with the shared profile.
 */
export function riskFor(c: Pick<StoredStrategyConfig, 'riskProfile' | 'quotePerTrade'>): RiskConfig {
  const sizing = c.quotePerTrade !== undefined ? { mode: 'fixed-quote' as const, quote: c.quotePerTrade } : c.riskProfile ? undefined : { mode: 'all-in' as const };
  if (c.riskProfile) return riskConfigSchema.parse(sizing ? { sizing } : {});
  return riskConfigSchema.parse({ sizing, stopLoss: null, breakevenAt: null, trailingStop: null, takeProfits: [] });
}
