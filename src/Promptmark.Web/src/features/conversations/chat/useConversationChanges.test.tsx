import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useDecideToolCall, useSendMessage } from './useConversationChanges';

/** A stream that never ends, and the signal each request was sent with. */
function openStreams() {
  const signals: AbortSignal[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    signals.push(init.signal!);
    return new Response(new ReadableStream<Uint8Array>({ start() {} }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  }));
  return signals;
}

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>{children}</QueryClientProvider>
);

describe('a streamed turn', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  it('is left when the page goes, so that the server cancels it instead of leaving it orphaned', async () => {
    const signals = openStreams();
    const { result, unmount } = renderHook(() => useSendMessage('c1'), { wrapper });
    act(() => { result.current.send.mutate('hi'); });
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]!.aborted).toBe(false);

    unmount();

    expect(signals[0]!.aborted).toBe(true);
  });

  it('after a decision streams from the decision route and is left the same way', async () => {
    const signals = openStreams();
    const { result, unmount } = renderHook(() => useDecideToolCall('c1'), { wrapper });
    act(() => { result.current.decide.mutate({ callId: 'call 1', decision: 'approve' }); });
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('/api/conversations/c1/tool-calls/call%201/approve/stream');

    unmount();

    expect(signals[0]!.aborted).toBe(true);
  });
});
