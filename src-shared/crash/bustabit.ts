// Runs in: renderer and engine.
// bustabit v2 provably-fair crash points, with the exact construction used here:
//
// Chain.  terminal = SHA-256(UTF-8(seed)); hash[N] = terminal; hash[n] = SHA-256(raw 32 bytes of hash[n+1]).
//         Round n (1-based) uses hash[n], so publishing round n's hash lets anyone re-derive every earlier round
//         (SHA-256(hash[n+1]) === hash[n]) while later rounds stay unpredictable: bustabit's reverse chain.
//         An endless game uses consecutive chains ("segments") of SEGMENT_LENGTH rounds, segment s seeded `${seed}/${s}`.
// Point.  H = HMAC-SHA256(key = raw 32 bytes of the game hash, message = UTF-8(salt)).
//         X = (first 52 bits of H, i.e. its first 13 hex digits) / 2^52, uniform in [0, 1).
//         crash = max(1, floor(99 / (1 − X)) / 100), computed in exact integer arithmetic (BigInt), so
//         P(crash ≥ x) = 0.99 / x and about 1 round in 50 crashes instantly at 1.00×.

import { fromHex, hmacSha256, sha256, toHex, utf8 } from './sha256';

/** bustabit v2 salts with a Bitcoin block hash; here any public string works. */
export const DEFAULT_SALT = '0000000000000000004d6ec16dafe9d8370958664c1dc422f452892264c59526';
export const SEGMENT_LENGTH = 1000;

const TWO_POW_52 = 2n ** 52n;

/** Crash point in integer hundredths (100 = 1.00×) for one game hash (64 hex digits). */
export function crashCentsFromHash(gameHash: string, salt = DEFAULT_SALT): number {
  const mac = toHex(hmacSha256(fromHex(gameHash), utf8(salt)));
  const r = BigInt(`0x${mac.slice(0, 13)}`);
  // floor(99 / (1 − r/2^52)) = floor(99·2^52 / (2^52 − r)); BigInt division truncates, which is floor here.
  const cents = Number((99n * TWO_POW_52) / (TWO_POW_52 - r));
  return Math.max(100, cents);
}

export function crashPointFromHash(gameHash: string, salt = DEFAULT_SALT): number {
  return crashCentsFromHash(gameHash, salt) / 100;
}

/** One reverse chain: element 0 is round 1's hash, element length−1 is SHA-256(UTF-8(seed)). */
export function buildChain(seed: string, length: number): string[] {
  const bytes: Uint8Array[] = new Array(length);
  let current = sha256(utf8(seed));
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = current;
    if (i > 0) current = sha256(current);
  }
  return bytes.map(toHex);
}

/** True when `laterHash` (round n+1) hashes to `earlierHash` (round n): how players verify past rounds. */
export function isChainLink(earlierHash: string, laterHash: string): boolean {
  return toHex(sha256(fromHex(laterHash))) === earlierHash;
}

/** Endless, deterministic rounds from a seed: round ids are 1-based integers. Segments are built lazily. */
export class CrashChain {
  private readonly segments = new Map<number, string[]>();

  constructor(
    readonly seed: string,
    readonly salt = DEFAULT_SALT,
  ) {}

  gameHash(roundId: number): string {
    if (!Number.isInteger(roundId) || roundId < 1) throw new Error(`round ids start at 1, got ${roundId}`);
    const segment = Math.floor((roundId - 1) / SEGMENT_LENGTH);
    let chain = this.segments.get(segment);
    if (!chain) {
      chain = buildChain(`${this.seed}/${segment}`, SEGMENT_LENGTH);
      this.segments.set(segment, chain);
    }
    return chain[(roundId - 1) % SEGMENT_LENGTH]!;
  }

  crashCents(roundId: number): number {
    return crashCentsFromHash(this.gameHash(roundId), this.salt);
  }

  crashPoint(roundId: number): number {
    return this.crashCents(roundId) / 100;
  }
}
