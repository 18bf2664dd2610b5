// Runs in: anywhere (pure).
import { z } from 'zod';
import { BollingerReversion } from './bollinger-reversion';
import { Breakout } from './breakout';
import { Consensus } from './consensus';
import { ExternalSignal } from './external-signal';
import { bollingerReversionSchema, breakoutSchema, consensusSchema, externalSignalSchema, rsiMomentumSchema, smaCrossSchema } from './params';
import { RsiMomentum } from './rsi-momentum';
import { SmaCross } from './sma-cross';
import type { Strategy } from './types';

export interface StrategyDefinition {
  readonly name: string;
  readonly description: string;
  readonly schema: z.ZodType;
  create(params: unknown): Strategy;
}

function define<S extends z.ZodType>(name: string, description: string, schema: S, build: (p: z.output<S>) => Strategy): StrategyDefinition {
  return { name, description, schema, create: (raw) => build(parseParams(name, schema, raw)) };
}

const definitions: readonly StrategyDefinition[] = [
  define('sma-cross', 'Long when the fast SMA crosses above the slow SMA, flat on the opposite cross.', smaCrossSchema, (p) => new SmaCross(p)),
  define('breakout', 'Long on a close above the N-bar high with volume confirmation; exit below the exit-channel low.', breakoutSchema, (p) => new Breakout(p)),
  define('bollinger-reversion', 'Long on a cross below the lower Bollinger band, exit at the middle band.', bollingerReversionSchema, (p) => new BollingerReversion(p)),
  define('rsi-momentum', 'Long when Wilder RSI crosses above the entry level, exit below the exit level.', rsiMomentumSchema, (p) => new RsiMomentum(p)),
  define('consensus', 'Weighted votes of the other strategies, higher-timeframe trend filter, threshold and debounce.', consensusSchema, (p) => new Consensus(p)),
  define('external-signal', 'Intents pushed from outside (signal sources, UI) or replayed from recorded signals.', externalSignalSchema, (p) => new ExternalSignal(p)),
];

const byName = new Map(definitions.map((d) => [d.name, d]));

export class StrategyConfigError extends Error {
  override readonly name = 'StrategyConfigError';
}

export function strategyNames(): string[] {
  return definitions.map((d) => d.name);
}

export function getStrategyDefinition(name: string): StrategyDefinition {
  const def = byName.get(name);
  if (!def) throw new StrategyConfigError(`unknown strategy "${name}"; available: ${strategyNames().join(', ')}`);
  return def;
}

/** The strategy's params with every default filled in (what the UI shows as the starting form). */
export function strategyDefaults(name: string): unknown {
  const def = getStrategyDefinition(name);
  return parseParams(name, def.schema, {});
}

export function createStrategy(name: string, params: unknown = {}): Strategy {
  return getStrategyDefinition(name).create(params);
}

function parseParams<S extends z.ZodType>(name: string, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw new StrategyConfigError(`invalid params for ${name}:\n${z.prettifyError(result.error)}`);
  return result.data;
}
