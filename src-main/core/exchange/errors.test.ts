import { describe, expect, it } from 'vitest';
import { classifyBinance, classifyBybit, decideRetry } from './errors';

describe('binance error classification', () => {
  it('treats 5xx, timeouts and -1007 on writes as unknown status (query, never assume failed)', () => {
    expect(classifyBinance({ transport: 'ok', httpStatus: 503, isWrite: true }).kind).toBe('unknown-status');
    expect(classifyBinance({ transport: 'timeout', isWrite: true }).kind).toBe('unknown-status');
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -1007, isWrite: true }).kind).toBe('unknown-status');
    expect(classifyBinance({ transport: 'ok', httpStatus: 503, isWrite: false }).kind).toBe('retriable');
    expect(classifyBinance({ transport: 'refused', isWrite: true }).kind).toBe('retriable');
  });
  it('maps limits, bans, skew, auth and rejections', () => {
    expect(classifyBinance({ transport: 'ok', httpStatus: 429, retryAfterSec: 7, isWrite: false })).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
    expect(classifyBinance({ transport: 'ok', httpStatus: 418, retryAfterSec: 120, isWrite: false })).toMatchObject({ kind: 'ip-banned', retryAfterMs: 120_000 });
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -1021, isWrite: true }).kind).toBe('clock-skew');
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -1022, isWrite: true }).kind).toBe('auth');
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -2013, isWrite: false }).kind).toBe('not-found');
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -2010, message: 'Account has insufficient balance for requested action.', isWrite: true }).kind).toBe('rejected');
    expect(classifyBinance({ transport: 'ok', httpStatus: 400, code: -2010, message: 'Duplicate order sent.', isWrite: true }).kind).toBe('duplicate');
  });
});

describe('bybit error classification', () => {
  it('maps 10002, 10004, 10006, 110072 and 403', () => {
    expect(classifyBybit({ transport: 'ok', httpStatus: 200, code: 10002, isWrite: true }).kind).toBe('clock-skew');
    expect(classifyBybit({ transport: 'ok', httpStatus: 200, code: 10004, isWrite: true }).kind).toBe('auth');
    expect(classifyBybit({ transport: 'ok', httpStatus: 200, code: 10006, isWrite: false, limitResetAtMs: 5_000, nowMs: 3_500 })).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1500 });
    expect(classifyBybit({ transport: 'ok', httpStatus: 200, code: 110072, isWrite: true }).kind).toBe('duplicate');
    expect(classifyBybit({ transport: 'ok', httpStatus: 403, isWrite: false })).toMatchObject({ kind: 'ip-banned', retryAfterMs: 600_000 });
    expect(classifyBybit({ transport: 'ok', httpStatus: 502, isWrite: true }).kind).toBe('unknown-status');
  });
});

describe('retry decisions', () => {
  it('queries on unknown status, resyncs the clock exactly once, backs off on retriable', () => {
    expect(decideRetry({ kind: 'unknown-status', message: '' }, 1, 0)).toEqual({ action: 'query-order' });
    expect(decideRetry({ kind: 'clock-skew', message: '' }, 1, 0)).toEqual({ action: 'resync-clock-and-retry' });
    expect(decideRetry({ kind: 'clock-skew', message: '' }, 2, 1)).toEqual({ action: 'fail' });
    expect(decideRetry({ kind: 'retriable', message: '' }, 2, 0)).toEqual({ action: 'retry', delayMs: 400 });
    expect(decideRetry({ kind: 'retriable', message: '' }, 3, 0)).toEqual({ action: 'fail' });
    expect(decideRetry({ kind: 'rejected', message: '' }, 1, 0)).toEqual({ action: 'fail' });
    expect(decideRetry({ kind: 'rate-limited', retryAfterMs: 60_000, message: '' }, 1, 0)).toEqual({ action: 'fail' });
  });
});
