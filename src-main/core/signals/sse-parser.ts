// Runs in: anywhere (pure).
export interface SseEvent {
  type: string;
  data: string;
  /** The last event id seen so far (it persists across events, per the SSE spec). */
  lastEventId: string;
}

export interface SseParserOptions {
  /**
   * Longest line or event data kept, in UTF-16 units. Past it the rest is discarded (memory stays
   * bounded) but what is kept is still longer than any valid frame, so the event is rejected as too large.
   */
  maxChars?: number;
}

const LINE_END = /[\r\n]/g;

/**
 * Incremental text/event-stream parser (WHATWG "event stream interpretation"): CR, LF and CRLF line
 * ends, split anywhere across chunks; `data` lines joined with "\n"; comments; `id` without NUL;
 * `retry` digits only. Feed it already-decoded text.
 */
export class SseParser {
  private pending = '';
  private skipLeadingLf = false;
  private discardingLongLine = false;
  private data: string[] = [];
  private dataChars = 0;
  private type = '';
  lastEventId = '';
  retryMs: number | null = null;
  private readonly maxChars: number;

  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    { maxChars = 1024 * 1024 }: SseParserOptions = {},
  ) {
    this.maxChars = maxChars;
  }

  push(chunk: string): void {
    let text = chunk;
    if (this.skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
    this.skipLeadingLf = false;
    let start = 0;
    LINE_END.lastIndex = 0;
    for (let match = LINE_END.exec(text); match; match = LINE_END.exec(text)) {
      const end = match.index;
      this.appendPending(text.slice(start, end));
      this.processLine(this.pending);
      this.pending = '';
      this.discardingLongLine = false;
      start = end + 1;
      if (text[end] === '\r') {
        if (end + 1 === text.length) this.skipLeadingLf = true;
        else if (text[end + 1] === '\n') start++;
      }
      LINE_END.lastIndex = start;
    }
    this.appendPending(text.slice(start));
  }

  private appendPending(part: string): void {
    if (this.discardingLongLine || part.length === 0) return;
    if (this.pending.length + part.length > this.maxChars) {
      this.pending = (this.pending + part).slice(0, this.maxChars + 1);
      this.discardingLongLine = true;
      return;
    }
    this.pending += part;
  }

  private processLine(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        if (this.dataChars <= this.maxChars) {
          this.data.push(value);
          this.dataChars += value.length + 1;
        }
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    const hasData = this.data.length > 0;
    const event: SseEvent = { type: this.type || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId };
    this.data = [];
    this.dataChars = 0;
    this.type = '';
    if (hasData) this.onEvent(event);
  }
}
