// Runs in: anywhere (pure).
import type { OutgoingSignalFrame } from './outgoing-frame';

/**
 * One line typed into the interactive test server:
 * - raw JSON (`{...}`, `[...]`, or any line starting with `raw `) is sent exactly as typed, invalid or not;
 * - shorthand: `TARGET [nobet|bet] [round=ID] [range=LO-HI] [stake=N] [age=MS]`, e.g. `2.0`, `2.0 nobet`,
 *   `2.0 round=42`. `age` backdates the timestamp (to test stale rejection).
 */
export type InteractiveLine =
  | { kind: 'raw'; text: string }
  | { kind: 'signal'; frame: OutgoingSignalFrame; explicitRoundId: boolean }
  | { kind: 'error'; message: string }
  | { kind: 'empty' };

const DECIMAL = /^\d+(?:\.\d+)?$/;

export const SHORTHAND_HELP = 'TARGET [nobet] [round=ID] [range=LO-HI] [stake=N] [age=MS]  |  raw JSON  |  raw <text>';

export function parseInteractiveLine(line: string, context: { nextRoundId: number; nowMs: number }): InteractiveLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { kind: 'raw', text: trimmed };
  if (trimmed.startsWith('raw ')) return { kind: 'raw', text: trimmed.slice(4) };

  const [targetToken = '', ...options] = trimmed.split(/\s+/);
  if (!DECIMAL.test(targetToken)) return { kind: 'error', message: `expected a target like 2.0, got "${targetToken}". Usage: ${SHORTHAND_HELP}` };

  const frame: OutgoingSignalFrame = { timestamp: '', expectedMultiplier: Number(targetToken), bet: true, roundId: context.nextRoundId };
  let explicitRoundId = false;
  let ageMs = 0;
  for (const option of options) {
    const [key = '', value = ''] = option.split('=', 2);
    if (option === 'nobet') frame.bet = false;
    else if (option === 'bet') frame.bet = true;
    else if (key === 'round' && value) {
      frame.roundId = /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
      explicitRoundId = true;
    } else if (key === 'range' && /^\d+(\.\d+)?-\d+(\.\d+)?$/.test(value)) frame.expectedRange = value;
    else if (key === 'stake' && DECIMAL.test(value)) frame.stake = Number(value);
    else if (key === 'age' && /^\d+$/.test(value)) ageMs = Number(value);
    else return { kind: 'error', message: `unknown option "${option}". Usage: ${SHORTHAND_HELP}` };
  }
  frame.timestamp = new Date(context.nowMs - ageMs).toISOString();
  return { kind: 'signal', frame, explicitRoundId };
}
