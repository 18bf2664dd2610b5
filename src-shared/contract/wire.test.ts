import { describe, expect, it } from 'vitest';
import { ServerFrame } from './wire';

describe('bridge frames', () => {
  it('accepts the result of a void method, whose data key JSON drops', () => {
    const frame = JSON.parse(JSON.stringify({ type: 'result', id: 3, result: { ok: true, data: undefined } }));
    expect(ServerFrame.safeParse(frame).success).toBe(true);
  });
  it('rejects a failed result without a coded error', () => {
    expect(ServerFrame.safeParse({ type: 'result', id: 3, result: { ok: false, error: { message: 'x' } } }).success).toBe(false);
  });
});
