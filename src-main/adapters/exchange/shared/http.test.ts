import { describe, expect, it } from 'vitest';
import { timedSend, TransportError, type HttpRequest, type HttpResponse, type RestTiming } from './http';

const REQ: HttpRequest = { method: 'GET', url: 'http://127.0.0.1:1/api/v3/time', timeoutMs: 1_000 };
const answer = (status: number): HttpResponse => ({ status, headers: new Headers(), text: '{}' });

/** A clock that moves only when the fake transport says so. */
function harness(result: () => Promise<HttpResponse>, tookMs: number) {
  let now = 1_000;
  const seen: RestTiming[] = [];
  const send = timedSend(
    async () => {
      now += tookMs;
      return result();
    },
    (t) => seen.push(t),
    () => now,
  );
  return { send, seen };
}

describe('timedSend', () => {
  it('reports the wall time of an answered request, and a 4xx/5xx answer as an error', async () => {
    const ok = harness(async () => answer(200), 42);
    expect((await ok.send(REQ)).status).toBe(200);
    expect(ok.seen).toEqual([{ ms: 42, outcome: 'ok' }]);
    const refused = harness(async () => answer(503), 7);
    expect((await refused.send(REQ)).status).toBe(503);
    expect(refused.seen).toEqual([{ ms: 7, outcome: 'error' }]);
  });

  it('reports a request with no answer as an error, and rethrows it unchanged', async () => {
    const failure = new TransportError('timeout', 'timed out');
    const h = harness(() => Promise.reject(failure), 8_000);
    await expect(h.send(REQ)).rejects.toBe(failure);
    expect(h.seen).toEqual([{ ms: 8_000, outcome: 'error' }]);
  });

  it('never lets a failing observer change the result of the request', async () => {
    const send = timedSend(
      async () => answer(200),
      () => {
        throw new Error('observer broke');
      },
    );
    expect((await send(REQ)).status).toBe(200);
  });
});
