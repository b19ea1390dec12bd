import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { settle } from './streamToolCall';

describe('settle', () => {
  it('reports progress and waits for the result', () => {
    const onProgress = vi.fn();
    expect(settle({ event: 'progress', data: '{"progress":1,"total":4,"message":null}' }, onProgress)).toBeNull();
    expect(onProgress).toHaveBeenCalledWith({ progress: 1, total: 4, message: null });
    const result = settle({ event: 'result', data: '{"execution_id":"e","status":"success","is_error":false,"result":{},"latency_ms":12}' }, onProgress);
    expect(result).toMatchObject({ status: 'success', latency_ms: 12 });
  });

  it("throws an error event as an ApiError with the problem's detail", () => {
    const error = (() => {
      try {
        settle({ event: 'error', data: '{"status":502,"title":"Bad Gateway","detail":"the server closed the session"}' }, vi.fn());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, message: 'the server closed the session' });
  });

  it('ignores events it does not know', () => {
    expect(settle({ event: 'message', data: '{}' }, vi.fn())).toBeNull();
  });
});
