import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { settle, streamToolCall } from './streamToolCall';

describe('settle', () => {
  it('reports progress and waits for the result', () => {
    const onProgress = vi.fn();
    expect(settle({ event: 'progress', data: '{"progress":1,"total":4,"message":null}' }, onProgress, vi.fn())).toBeNull();
    expect(onProgress).toHaveBeenCalledWith({ progress: 1, total: 4, message: null });
    const result = settle({ event: 'result', data: '{"execution_id":"e","status":"success","is_error":false,"result":{},"latency_ms":12}' }, onProgress, vi.fn());
    expect(result).toMatchObject({ status: 'success', latency_ms: 12 });
  });

  it('hands on the question a tool asks and keeps waiting for the result', () => {
    const onQuestion = vi.fn();
    const data = '{"elicitation_id":"q1","tool_name":"ask","message":"Name?","requested_schema":{"type":"object","properties":{}},"expires_at":"2030-01-01T00:00:00Z"}';
    expect(settle({ event: 'elicitation', data }, vi.fn(), onQuestion)).toBeNull();
    expect(onQuestion).toHaveBeenCalledWith(expect.objectContaining({ elicitation_id: 'q1', tool_name: 'ask', message: 'Name?' }));
  });

  it("throws an error event as an ApiError with the problem's detail", () => {
    const error = (() => {
      try {
        settle({ event: 'error', data: '{"status":502,"title":"Bad Gateway","detail":"the server closed the session"}' }, vi.fn(), vi.fn());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, message: 'The server closed the session' });
  });

  it('ignores events it does not know', () => {
    expect(settle({ event: 'message', data: '{}' }, vi.fn(), vi.fn())).toBeNull();
  });
});

describe('streamToolCall', () => {
  const streamOf = (chunks: string[]) => new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

  it('posts the arguments, reports progress as it arrives and resolves with the result', async () => {
    const fetchMock = vi.fn(async () => new Response(streamOf([
      'event: progress\ndata: {"progress":1,"total":2,"message":null}\n\nevent: prog',
      'ress\ndata: {"progress":2,"total":2,"message":"almost"}\n\n',
      'event: result\ndata: {"execution_id":"e","status":"success","is_error":false,"result":{"content":[]},"latency_ms":5}\n\n',
    ]), { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
    vi.stubGlobal('fetch', fetchMock);
    const progress: unknown[] = [];
    const result = await streamToolCall({ connectionId: 'c 1', toolName: 'echo', arguments: { message: 'hi' }, onProgress: (p) => progress.push(p), onQuestion: vi.fn() });
    expect(result.status).toBe('success');
    expect(progress).toEqual([{ progress: 1, total: 2, message: null }, { progress: 2, total: 2, message: 'almost' }]);
    expect(fetchMock).toHaveBeenCalledWith('/api/mcp/connections/c%201/tools/echo/stream', expect.objectContaining({ method: 'POST', body: '{"arguments":{"message":"hi"}}' }));
    vi.unstubAllGlobals();
  });

  it("throws a pre-flight 422 with the API's list of argument problems", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 422, detail: 'The arguments do not fit.', errors: ['message: is required'] }), { status: 422 })));
    await expect(streamToolCall({ connectionId: 'c', toolName: 'echo', arguments: {}, onProgress: vi.fn(), onQuestion: vi.fn() }))
      .rejects.toMatchObject({ status: 422, message: 'The arguments do not fit.', problems: ['message: is required'] });
    vi.unstubAllGlobals();
  });
});
