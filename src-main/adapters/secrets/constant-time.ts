// Runs in: engine (and the shells that check tokens).
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret (token, signature) with what a client sent, in constant time even when the lengths differ:
 * both sides are hashed first, so neither the content nor the length leaks through timing.
 */
export function secretsEqual(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
