import { describe, expect, it } from 'vitest';
import { Signal } from '../../../src-shared/signals';
import { DuplicateTracker } from './duplicate-tracker';
import { validateSignalFrame, type FrameVerdict, type ValidateOptions } from './validate';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const base = { timestamp: '2025-06-01T11:59:59.500Z', expectedMultiplier: 2, bet: true, roundId: 'r1' };

function check(frame: unknown, options: Partial<ValidateOptions> = {}): FrameVerdict {
  const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
  return validateSignalFrame(text, { now: NOW, ...options });
}

function accepted(frame: unknown, options: Partial<ValidateOptions> = {}): Signal {
  const verdict = check(frame, options);
  if (verdict.verdict !== 'accepted') throw new Error(`expected accepted, got ${verdict.code}: ${verdict.reason}`);
  expect(Signal.parse(verdict.signal)).toEqual(verdict.signal);
  return verdict.signal;
}

function rejected(frame: unknown, options: Partial<ValidateOptions> = {}) {
  const verdict = check(frame, options);
  if (verdict.verdict !== 'rejected') throw new Error(`expected rejected, got ${JSON.stringify(verdict.signal)}`);
  return verdict;
}

describe('validateSignalFrame: accepted formats', () => {
  it('normalizes a minimal frame', () => {
    expect(accepted(base)).toEqual({ roundId: 'r1', timestamp: NOW - 500, target: 2, range: null, bet: true, stake: null });
  });

  it.each([
    ['ISO with Z', '2025-06-01T11:59:59.500Z', NOW - 500],
    ['ISO with offset', '2025-06-01T13:59:59.500+02:00', NOW - 500],
    ['ISO with microseconds', '2025-06-01T11:59:59.500123Z', NOW - 500],
    ['epoch ms', NOW - 500, NOW - 500],
    ['epoch seconds (below 1e11)', (NOW - 2000) / 1000, NOW - 2000],
  ])('timestamp as %s', (_label, timestamp, expected) => {
    expect(accepted({ ...base, timestamp }).timestamp).toBe(expected);
  });

  it.each([
    ['number', 1.5, 1.5],
    ['decimal string', '1.5', 1.5],
    ['integer string', '3', 3],
  ])('expectedMultiplier as %s', (_label, expectedMultiplier, expected) => {
    expect(accepted({ ...base, expectedMultiplier }).target).toBe(expected);
  });

  it.each([
    ['"lo-hi" string', '1.4-1.6'],
    ['"lo - hi" string with spaces', ' 1.4 - 1.6 '],
    ['[lo, hi] tuple', [1.4, 1.6]],
    ['[lo, hi] of strings', ['1.4', '1.6']],
    ['{min, max} object', { min: 1.4, max: 1.6 }],
  ])('expectedRange as %s', (_label, expectedRange) => {
    expect(accepted({ ...base, expectedMultiplier: '1.5', expectedRange }).range).toEqual({ min: 1.4, max: 1.6 });
  });

  it('accepts a numeric roundId as the same id as its string form', () => {
    expect(accepted({ ...base, roundId: 42 }).roundId).toBe('42');
  });

  it('keeps stake and bet=false, ignores unknown and prototype keys', () => {
    const frame = `{"timestamp":${NOW},"expectedMultiplier":2,"bet":false,"roundId":"x","stake":2.5,"__proto__":{"polluted":1},"extra":1}`;
    const signal = accepted(frame);
    expect(signal).toEqual({ roundId: 'x', timestamp: NOW, target: 2, range: null, bet: false, stake: 2.5 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats null optional fields as absent', () => {
    expect(accepted({ ...base, expectedRange: null, stake: null })).toMatchObject({ range: null, stake: null });
  });

  it('accepts bytes (Uint8Array) as well as text', () => {
    const verdict = validateSignalFrame(new TextEncoder().encode(JSON.stringify(base)), { now: NOW });
    expect(verdict.verdict).toBe('accepted');
  });
});

describe('validateSignalFrame: rejections', () => {
  it.each([
    ['frame-too-large', JSON.stringify({ ...base, pad: 'x'.repeat(70_000) }), /larger than 65536 bytes/],
    ['not-json', '{"timestamp": 1', /not JSON/],
    ['not-json', '', /not JSON/],
    ['not-object', '[1,2]', /got an array/],
    ['not-object', 'null', /got null/],
    ['not-object', '"hello"', /got string/],
    ['invalid-field', { ...base, bet: undefined }, /missing field "bet"/],
    ['invalid-field', { ...base, bet: 'yes' }, /field "bet" must be true or false/],
    ['invalid-field', { ...base, roundId: '' }, /field "roundId"/],
    ['invalid-field', { ...base, roundId: 1.5 }, /field "roundId"/],
    ['invalid-field', { ...base, roundId: { a: 1 } }, /field "roundId"/],
    ['invalid-field', { ...base, expectedMultiplier: undefined }, /missing field "expectedMultiplier"/],
    ['invalid-field', { ...base, expectedMultiplier: '1.5x' }, /field "expectedMultiplier"/],
    ['invalid-field', { ...base, expectedMultiplier: 'NaN' }, /field "expectedMultiplier"/],
    ['invalid-field', { ...base, timestamp: '2025-06-01T11:59:59' }, /field "timestamp"/],
    ['invalid-field', { ...base, timestamp: '2025-02-30T00:00:00Z' }, /field "timestamp"/],
    ['invalid-field', { ...base, timestamp: 'yesterday' }, /field "timestamp"/],
    ['invalid-field', { ...base, timestamp: -5 }, /field "timestamp"/],
    ['invalid-field', { ...base, expectedRange: '1.4~1.6' }, /field "expectedRange"/],
    ['invalid-field', { ...base, expectedRange: [1.4] }, /field "expectedRange"/],
    ['invalid-field', { ...base, expectedRange: [0.5, 3] }, /field "expectedRange"/],
    ['invalid-field', { ...base, expectedRange: '0.5-3' }, /field "expectedRange.min" range bounds must be >= 1/],
    ['invalid-field', { ...base, expectedRange: { min: 0, max: 3 } }, /field "expectedRange/],
    ['invalid-field', { ...base, stake: -1 }, /field "stake"/],
    ['invalid-field', { ...base, stake: '5' }, /field "stake"/],
    ['target-not-finite', `{"timestamp":${NOW},"expectedMultiplier":1e999,"bet":true,"roundId":"r"}`, /not a finite/],
    ['target-too-low', { ...base, expectedMultiplier: 1.0 }, /below 1.01/],
    ['target-too-low', { ...base, expectedMultiplier: '0' }, /below 1.01/],
    ['target-too-high', { ...base, expectedMultiplier: 10_000.01 }, /above 10000/],
    ['range-inverted', { ...base, expectedRange: '1.6-1.4', expectedMultiplier: 1.5 }, /min 1.6 is above max 1.4/],
    ['target-outside-range', { ...base, expectedRange: { min: 1.4, max: 1.6 }, expectedMultiplier: 2 }, /outside expectedRange/],
    ['stale', { ...base, timestamp: NOW - 10_001 }, /10001 ms old/],
    ['future', { ...base, timestamp: NOW + 5_001 }, /in the future/],
  ])('%s', (code, frame, reason) => {
    const verdict = rejected(frame);
    expect(verdict.code).toBe(code);
    expect(verdict.reason).toMatch(reason);
  });

  it('counts UTF-8 bytes, not UTF-16 units (30k euro signs are 90 KB)', () => {
    expect(rejected({ ...base, pad: '€'.repeat(30_000) }).code).toBe('frame-too-large');
  });

  it('rejects deep nesting before parsing, ignoring brackets inside strings', () => {
    expect(rejected('['.repeat(17) + ']'.repeat(17))).toMatchObject({ code: 'too-deep', reason: 'frame nests deeper than 16 levels' });
    expect(rejected({ ...base, bet: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) }).code).toBe('too-deep');
    expect(check({ ...base, roundId: '[[[[[[[[[[[[[[[[[[[[\\"{{{{{{{{{{{{{{{{{{' }).verdict).toBe('accepted');
  });

  it('rejects invalid UTF-8 bytes', () => {
    expect(validateSignalFrame(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { now: NOW })).toMatchObject({ code: 'invalid-utf8' });
  });

  it('checks size before parsing (a huge invalid frame is too large, not not-json)', () => {
    expect(rejected('{'.repeat(100_000)).code).toBe('frame-too-large');
    expect(validateSignalFrame(new Uint8Array(65_537), { now: NOW })).toMatchObject({ code: 'frame-too-large' });
  });

  it('accepts exactly 64 KiB', () => {
    const frame = JSON.stringify({ ...base, pad: '' });
    const padded = frame.replace('"pad":""', `"pad":"${'x'.repeat(65_536 - frame.length)}"`);
    expect(padded.length).toBe(65_536);
    expect(check(padded).verdict).toBe('accepted');
  });

  it('honours staleMs and maxFutureMs options at the boundary', () => {
    expect(check({ ...base, timestamp: NOW - 3000 }, { staleMs: 3000 }).verdict).toBe('accepted');
    expect(rejected({ ...base, timestamp: NOW - 3001 }, { staleMs: 3000 }).code).toBe('stale');
    expect(check({ ...base, timestamp: NOW + 100 }, { maxFutureMs: 100 }).verdict).toBe('accepted');
    expect(rejected({ ...base, timestamp: NOW + 101 }, { maxFutureMs: 100 }).code).toBe('future');
  });

  it('rejects a duplicate roundId (number and string forms alike) and keeps the parsed signal', () => {
    const seen = new DuplicateTracker();
    seen.add('42');
    const verdict = rejected({ ...base, roundId: 42 }, { seenRoundIds: seen });
    expect(verdict).toMatchObject({ code: 'duplicate', roundId: '42', signal: { roundId: '42', target: 2 } });
    expect(rejected({ ...base, roundId: '42' }, { seenRoundIds: seen }).code).toBe('duplicate');
  });

  it('reports the roundId of a rejected frame when it can be read', () => {
    expect(rejected({ ...base, roundId: 7, bet: 'no' })).toMatchObject({ code: 'invalid-field', roundId: '7' });
    expect(rejected({ ...base, roundId: [] })).toMatchObject({ roundId: null });
  });
});
