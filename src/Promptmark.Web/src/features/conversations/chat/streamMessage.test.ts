import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationMessage, MessageToolCall } from '@/lib/api/types';
import { applyTurnEvent, emptyTurn, streamMessage, type TurnEvent } from './streamMessage';

const call = (id: string) => ({ call_id: id, name: 'echo', arguments: '{}' }) as MessageToolCall;
const result = (callId: string) => ({ role: 'tool', tool_call_id: callId, content: 'Echo: hi' }) as ConversationMessage;
const play = (events: TurnEvent[]) => events.reduce(applyTurnEvent, emptyTurn);

describe('applyTurnEvent', () => {
  it('joins text pieces into the answer being written', () => {
    expect(play([{ type: 'text', delta: 'Arr, ' }, { type: 'text', delta: 'matey' }]).parts).toEqual([{ role: 'assistant', text: 'Arr, matey', calls: [] }]);
  });

  it('puts calls on their answer, results after it, and the next text in a new answer', () => {
    const turn = play([
      { type: 'text', delta: 'Let me ask.' }, { type: 'tool_call', call: call('a') }, { type: 'tool_call', call: call('b') },
      { type: 'tool_result', message: result('a') }, { type: 'tool_result', message: result('b') },
      { type: 'tool_call', call: call('c') }, { type: 'tool_result', message: result('c') }, { type: 'text', delta: 'Done.' },
    ]);
    expect(turn.parts.map((p) => (p.role === 'tool' ? `result ${p.message.tool_call_id}` : `${p.text}|${p.calls.map((c) => c.call_id).join(',')}`)))
      .toEqual(['Let me ask.|a,b', 'result a', 'result b', '|c', 'result c', 'Done.|']);
  });

  it("keeps an authorization until its call's result comes", () => {
    const pending = { call_id: 'a', tool_name: 'gmail', auth_url: 'https://auth.example/x', expires_at: '2030-01-01T00:00:00Z', step: 1 };
    const waiting = play([{ type: 'tool_call', call: call('a') }, { type: 'authorization', pending }]);
    expect(waiting.authorization).toEqual(pending);
    expect(applyTurnEvent(waiting, { type: 'tool_result', message: result('other') }).authorization).toEqual(pending);
    expect(applyTurnEvent(waiting, { type: 'tool_result', message: result('a') }).authorization).toBeNull();
  });

  it("keeps a tool's question until its call's result comes", () => {
    const pending = { elicitation_id: 'e1', call_id: 'a', tool_name: 'ask', message: 'Name?', requested_schema: { type: 'object' }, expires_at: '2030-01-01T00:00:00Z' };
    const waiting = play([{ type: 'tool_call', call: call('a') }, { type: 'elicitation', pending }]);
    expect(waiting.elicitation).toEqual(pending);
    expect(applyTurnEvent(waiting, { type: 'tool_result', message: result('other') }).elicitation).toEqual(pending);
    expect(applyTurnEvent(waiting, { type: 'tool_result', message: result('a') }).elicitation).toBeNull();
  });
});

describe('streamMessage', () => {
  afterEach(() => { vi.unstubAllGlobals(); });
  const respond = (chunks: string[]) => vi.fn(async () => new Response(new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));

  it('passes each step on as it comes and resolves with the done event', async () => {
    const fetchMock = respond([
      'event: text\ndata: {"delta":"Ahoy"}\n\nevent: usage\ndata: {"model_id":"m","input_tokens":1,"output_tokens":2,"cost_usd":0}\n\nevent: te',
      'xt\ndata: {"delta":" there"}\n\nevent: tool_call\ndata: {"call_id":"a","name":"echo","arguments":"{}"}\n\n',
      'event: done\ndata: {"conversation_id":"c","status":"completed","messages":[]}\n\n',
    ]);
    vi.stubGlobal('fetch', fetchMock);
    const events: TurnEvent[] = [];
    const sent = await streamMessage({ conversationId: 'c 1', content: 'hi', onEvent: (e) => events.push(e), signal: new AbortController().signal });
    expect(sent.status).toBe('completed');
    expect(events).toEqual([{ type: 'text', delta: 'Ahoy' }, { type: 'text', delta: ' there' }, { type: 'tool_call', call: { call_id: 'a', name: 'echo', arguments: '{}' } }]);
    expect(fetchMock).toHaveBeenCalledWith('/api/conversations/c%201/messages/stream', expect.objectContaining({ method: 'POST', body: '{"content":"hi"}' }));
  });

  it("throws an error event as an ApiError with the provider's words", async () => {
    vi.stubGlobal('fetch', respond(['event: text\ndata: {"delta":"Ah"}\n\nevent: error\ndata: {"status":502,"detail":"Local answered 503: overloaded"}\n\n']));
    await expect(streamMessage({ conversationId: 'c', content: 'hi', onEvent: () => {}, signal: new AbortController().signal }))
      .rejects.toMatchObject({ status: 502, message: 'Local answered 503: overloaded' });
  });

  it('throws when the stream ends without done', async () => {
    vi.stubGlobal('fetch', respond(['event: text\ndata: {"delta":"Ah"}\n\n']));
    await expect(streamMessage({ conversationId: 'c', content: 'hi', onEvent: () => {}, signal: new AbortController().signal }))
      .rejects.toMatchObject({ status: 502 });
  });
});
