import { describe, expect, it } from 'vitest';
import { ServerSentEventParser } from './serverSentEvents';

const feed = (chunks: string[]) => {
  const parser = new ServerSentEventParser();
  return chunks.flatMap((c) => parser.push(c));
};

describe('ServerSentEventParser', () => {
  it('reads named events with JSON data', () => {
    expect(feed(['event: progress\ndata: {"progress":1,"total":4}\n\nevent: result\ndata: {"status":"success"}\n\n'])).toEqual([
      { event: 'progress', data: '{"progress":1,"total":4}' },
      { event: 'result', data: '{"status":"success"}' },
    ]);
  });

  it('waits for the blank line, whatever the chunks cut', () => {
    const text = 'event: progress\ndata: {"progress":2}\n\nevent: result\ndata: {"ok":true}\n\n';
    const oneByOne = feed([...text]);
    expect(oneByOne).toEqual(feed([text]));
    const parser = new ServerSentEventParser();
    expect(parser.push('event: result\ndata: {"o')).toEqual([]);
    expect(parser.push('k":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'result', data: '{"ok":1}' }]);
  });

  it('accepts \\r\\n and \\r line ends, even split between chunks', () => {
    expect(feed(['event: a\r', '\ndata: 1\r\n\r', '\n'])).toEqual([{ event: 'a', data: '1' }]);
    expect(feed(['data: x\r\r', 'event: next'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('joins data lines, skips comments and events without data, keeps a colon inside the value', () => {
    expect(feed([': keep-alive\n\nevent: ping\n\ndata: a\ndata:b: c\n\n'])).toEqual([{ event: 'message', data: 'a\nb: c' }]);
  });

  it('forgets the event name after each event', () => {
    expect(feed(['event: error\ndata: 1\n\ndata: 2\n\n']).map((e) => e.event)).toEqual(['error', 'message']);
  });
});
