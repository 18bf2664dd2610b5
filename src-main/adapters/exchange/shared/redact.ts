// Runs in: engine.
import { inspect } from 'node:util';
import type { Credentials } from '../binance/binance-rest';

/** 'abcd…wxyz' for display; short keys are fully masked. */
export const maskKey = (key: string): string => (key.length <= 8 ? '****' : `${key.slice(0, 4)}…${key.slice(-4)}`);

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(signature=)[0-9a-fA-F]+/g, '$1[redacted]'],
  [/("?(?:X-MBX-APIKEY|X-BAPI-API-KEY|X-BAPI-SIGN)"?\s*[:=]\s*"?)[^"\s,}]+/gi, '$1[redacted]'],
  [/("?(?:secret|apiSecret|api_secret|passphrase)"?\s*[:=]\s*"?)[^"\s,}]+/gi, '$1[redacted]'],
];

/** Scrubs known secrets and signing material from a log line or error text. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const s of known) if (s.length >= 6) out = out.split(s).join('[redacted]');
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

/**
 * API credentials that cannot leak by accident: JSON, util.inspect and string conversion show only
 * the masked key. The secret is reachable only through the getter the signer uses.
 */
export class SafeCredentials implements Credentials {
  readonly #secret: string;

  constructor(
    readonly apiKey: string,
    secret: string,
  ) {
    this.#secret = secret;
  }

  get secret(): string {
    return this.#secret;
  }

  toJSON(): Record<string, string> {
    return { apiKey: maskKey(this.apiKey), secret: '[redacted]' };
  }

  toString(): string {
    return `Credentials(${maskKey(this.apiKey)})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
