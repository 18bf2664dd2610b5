import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse-parser';

function parse(chunks: string[], options?: { maxChars?: number }) {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event), options);
  for (const chunk of chunks) parser.push(chunk);
  return { events, parser };
}

describe('SseParser', () => {
  it('joins multi-line data, tracks id and event type, skips comments', () => {
    const { events } = parse([': hello\n', 'id: 7\nevent: signal\ndata: {"a":\ndata: 1}\n\n', 'data:x\n\n']);
    expect(events).toEqual([
      { type: 'signal', data: '{"a":\n1}', lastEventId: '7' },
      { type: 'message', data: 'x', lastEventId: '7' },
    ]);
  });

  it('handles CR, LF and CRLF split across chunks at any point', () => {
    const stream = 'data: a\r\n\r\ndata: b\r\rdata: c\n\n';
    const whole = parse([stream]).events.map((e) => e.data);
    expect(whole).toEqual(['a', 'b', 'c']);
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)]).events.map((e) => e.data)).toEqual(whole);
    }
  });

  it('does not dispatch an event without data, nor an unterminated one', () => {
    expect(parse(['id: 1\n\nevent: x\n\ndata: pending']).events).toEqual([]);
  });

  it('reads retry and ignores an id containing NUL', () => {
    const { parser } = parse(['retry: 1500\nid: ok\n\nid: bad\0\nretry: soon\n\n']);
    expect(parser.retryMs).toBe(1500);
    expect(parser.lastEventId).toBe('ok');
  });

  it('bounds memory on an endless line but keeps it recognisably oversized', () => {
    const { events } = parse(['data: ', 'x'.repeat(600), 'x'.repeat(600), '\n\n'], { maxChars: 1000 });
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBeGreaterThan(900);
    expect(events[0]?.data.length).toBeLessThanOrEqual(1001);
  });
});
