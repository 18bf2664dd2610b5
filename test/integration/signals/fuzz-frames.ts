import { seededRandom } from '../../../src-main/core/seeded-random';

/** Seeded generator of frames that must all be rejected: garbage, broken JSON, wrong types, huge, deep, hostile keys. */
export function fuzzFrames(count: number, seed: number, now: number, usedRoundIds: readonly string[]): (string | Uint8Array)[] {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const valid = (roundId: number) => ({ timestamp: new Date(now - 50).toISOString(), expectedMultiplier: 2, expectedRange: '1.5-2.5', bet: true, roundId, stake: 1 });

  const wrongValues: Record<string, readonly unknown[]> = {
    timestamp: ['yesterday', true, null, [], {}, '2025-06-01T12:00:00', '2025-13-01T00:00:00Z', -1, 0, '1717243200000'],
    expectedMultiplier: [true, null, 'abc', '1.5x', '-2', [], {}, '', ' ', 'NaN', 'Infinity', '1e3'],
    expectedRange: ['a-b', [1], [1, 2, 3], { min: 'x', max: 2 }, true, 5, '0.5-3', [0, 3], { min: 1.5 }],
    bet: ['true', 1, 0, null, [], {}, 'yes'],
    roundId: [true, null, {}, [], -1, 1.5, '', '   ', 'x'.repeat(200), 2 ** 60],
    stake: [-1, 0, '5', true, [], {}],
  };

  const makers: ((i: number) => string | Uint8Array)[] = [
    // random bytes (often invalid UTF-8)
    () => Uint8Array.from({ length: int(512) }, () => int(256)),
    // random printable text
    () => Array.from({ length: int(300) }, () => String.fromCharCode(32 + int(95))).join(''),
    // truncated valid JSON
    (i) => {
      const text = JSON.stringify(valid(i));
      return text.slice(0, int(text.length - 1));
    },
    // one field of the wrong type, or missing
    (i) => {
      const frame: Record<string, unknown> = valid(i);
      const field = pick(Object.keys(wrongValues));
      if (random() < 0.2 && field !== 'expectedRange' && field !== 'stake') delete frame[field];
      else frame[field] = pick(wrongValues[field] as unknown[]);
      return JSON.stringify(frame);
    },
    // semantically wrong: bad target, inverted or inconsistent range, stale, future, already-used round
    (i) => {
      const frame: Record<string, unknown> = valid(i);
      const variant = int(6);
      if (variant === 0) Object.assign(frame, { expectedMultiplier: pick([0, 1, 1.009, 10_001, 1e9]), expectedRange: null });
      if (variant === 1) frame.expectedRange = pick(['2.5-1.5', [3, 2], { min: 9, max: 1 }]);
      if (variant === 2) frame.expectedRange = pick(['1.1-1.9', [2.1, 3]]);
      if (variant === 3) frame.timestamp = now - 10_001 - int(1e9);
      if (variant === 4) frame.timestamp = now + 5_001 + int(1e9);
      if (variant === 5) frame.roundId = pick(usedRoundIds);
      return JSON.stringify(frame);
    },
    // non-finite target, written as JSON text
    (i) => JSON.stringify(valid(i)).replace('"expectedMultiplier":2', `"expectedMultiplier":${pick(['1e999', '-1e999'])}`),
    // huge frames (rare: they are expensive to build)
    (i) => (i % 50 === 0 ? JSON.stringify({ ...valid(i), pad: 'x'.repeat(65_536 + int(2_000_000)) }) : '{"tiny":'),
    // deep nesting, alone or inside a field
    (i) => {
      const depth = 100 + int(30_000);
      const nested = random() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      return random() < 0.5 ? nested : JSON.stringify(valid(i)).replace('"bet":true', `"bet":${nested.slice(0, 60_000)}`);
    },
    // prototype-pollution keys: the only "bet" is on a would-be prototype
    (i) => {
      const { bet: _bet, ...rest } = valid(i);
      const hostile = pick([
        `{"__proto__":{"bet":true,"polluted":1},${JSON.stringify(rest).slice(1)}`,
        `{"constructor":{"prototype":{"bet":true,"polluted":1}},${JSON.stringify(rest).slice(1)}`,
        `{"__proto__":${JSON.stringify({ ...valid(i), polluted: 1 })}}`,
        `{"prototype":{"polluted":1},"__proto__":null,${JSON.stringify(rest).slice(1)}`,
      ]);
      return hostile;
    },
    // JSON that is not an object
    () => pick(['null', 'true', '42', '"signal"', '[]', '[{"bet":true}]', '1e999', '""']),
    // lone surrogates and control characters
    () => `{"roundId":"\ud800","bet":\u0000}`,
  ];
  return Array.from({ length: count }, (_, i) => (makers[i % makers.length] as (i: number) => string | Uint8Array)(i + 1_000_000));
}
