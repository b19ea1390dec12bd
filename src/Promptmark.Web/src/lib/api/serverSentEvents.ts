import { ApiError, toApiError } from './errors';

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

/**
 * POSTs `body` as JSON to a Server-Sent Events route (which the generated client cannot read) and hands each event to
 * `onEvent` as it arrives, until `onEvent` returns the answer (the rest is not read) or the stream ends (null). A refusal
 * before the stream (404, 409, 422 with its problems) is thrown as an ApiError; an abort through `signal` as fetch throws it.
 */
export async function postEventStream<T>(url: string, body: unknown, onEvent: (event: ServerSentEvent) => T | null, signal?: AbortSignal): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      // Pre-flight problems come back with an empty body unless problem+json is acceptable too.
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
      body: JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'Promptmark could not be reached. Check your connection.');
  }
  if (!response.ok || !response.body) throw toApiError(response.status, await response.json().catch(() => undefined));

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new ServerSentEventParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    for (const event of parser.push(value)) {
      const answer = onEvent(event);
      if (answer !== null) {
        await reader.cancel();
        return answer;
      }
    }
  }
}

/** The problem details of an `error` event (the stream failed after it began) as an ApiError. */
export function errorEvent(data: unknown): ApiError {
  return toApiError(Number((data as { status?: unknown } | null)?.status) || 502, data);
}
