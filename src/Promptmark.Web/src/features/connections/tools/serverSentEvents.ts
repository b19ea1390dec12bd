/** One Server-Sent Event: its name (`message` when the stream gave none) and its data lines joined by "\n". */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * An incremental `text/event-stream` parser (the WHATWG rules the stream route follows): feed it decoded chunks
 * as they arrive, cut anywhere, and it hands back each event once its blank line has been read.
 */
export class ServerSentEventParser {
  private pending = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): ServerSentEvent[] {
    this.pending += chunk;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const end = this.pending.search(/\r\n|\r|\n/);
      // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
      if (end < 0 || (end === this.pending.length - 1 && this.pending[end] === '\r')) break;
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + (this.pending.startsWith('\r\n', end) ? 2 : 1));
      const complete = this.line(line);
      if (complete) events.push(complete);
    }
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const event = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
    this.event = '';
    this.data = [];
    return event;
  }
}
