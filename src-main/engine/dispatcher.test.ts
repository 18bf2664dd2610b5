import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CallFailure, method } from '../../src-shared/contract';
import { createDispatcher } from './dispatcher';

const contract = {
  math: {
    double: method(z.object({ n: z.number() }), z.number()),
    explode: method(z.void(), z.void()),
    refuse: method(z.void(), z.void()),
  },
};

const dispatch = createDispatcher(contract, {
  math: {
    double: ({ n }) => n * 2,
    explode: () => {
      throw new Error('boom');
    },
    refuse: () => {
      throw new CallFailure('REFUSED', 'kill switch engaged');
    },
  },
});

describe('createDispatcher', () => {
  it('parses input and runs the handler', async () => {
    expect(await dispatch('math.double', { n: 21 })).toEqual({ ok: true, data: 42 });
  });

  it('rejects unknown methods by name, including prototype keys', async () => {
    for (const name of ['math.triple', 'nope.double', 'math.__proto__', 'math.constructor', 'math', '']) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('rejects bad input with the field that is wrong', async () => {
    const result = await dispatch('math.double', { n: 'two' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.message).toMatch(/^Invalid input for math.double: n: /);
    }
  });

  it('turns thrown errors into results, keeping CallFailure codes', async () => {
    expect(await dispatch('math.explode', undefined)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'math.explode failed: boom' } });
    expect(await dispatch('math.refuse', undefined)).toEqual({ ok: false, error: { code: 'REFUSED', message: 'kill switch engaged' } });
  });
});
