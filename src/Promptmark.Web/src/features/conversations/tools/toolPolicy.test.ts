import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationMessage } from '@/lib/api/types';
import { choicesOf, formatArguments, initialChoices, nativeRefs, pendingCall } from './toolPolicy';

const message = (id: string, role: string, extra: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id, role, content: '', model_id: null, input_tokens: null, output_tokens: null, cost_usd: null, latency_ms: null,
  created_at: '2026-01-01T00:00:00Z', tool_calls: null, tool_call_id: null, tool_name: null, outcome: null, execution_id: null,
  findings: null, ...extra,
});

const asking = message('a1', 'assistant', { tool_calls: [{ call_id: 'c1', name: 'echo', arguments: '{"message":"hi"}', status: 'awaiting_approval' }] });
const conversation = (extra: Partial<Conversation> = {}): Conversation => ({
  id: 'conv', title: 't', model_id: 'm', linked_prompt_id: null, system_prompt: null, source: 'native', message_count: 2,
  tools: [], awaiting_approval: { message_id: 'a1', call_id: 'c1', iterations: 1 }, awaiting_authorization: null, awaiting_input: null, created_at: '', updated_at: '',
  messages: [message('u1', 'user'), asking], ...extra,
});

describe('tool policy', () => {
  it('finds the call a paused turn waits on among the messages shown', () => {
    expect(pendingCall(conversation())?.name).toBe('echo');
    expect(pendingCall(conversation({ awaiting_approval: null }))).toBeNull();
  });

  it('formats arguments as indented JSON and keeps what is not JSON as it came', () => {
    expect(formatArguments('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatArguments('not json')).toBe('not json');
  });

  it('starts the picker from the attached connection tools and keeps native tools aside for saving', () => {
    const tools = [
      { connection_id: 'k1', tool_name: 'echo', approval: 'ask', is_native: false },
      { tool_name: 'web_search', is_native: true, native_provider: 'anthropic', native_type: 'web_search_20250305', approval: 'always' },
    ];
    expect(choicesOf(tools)).toEqual([{ connection_id: 'k1', tool_name: 'echo', approval: 'ask' }]);
    expect(nativeRefs(tools)).toEqual([{ tool_name: 'web_search', is_native: true, native_provider: 'anthropic', native_type: 'web_search_20250305', approval: 'always' }]);
  });

  it('pre-checks the Civic defaults a Civic connection offers for a new conversation, and only then', () => {
    const fresh = conversation({ awaiting_approval: null, messages: [], message_count: 0 });
    const connections = [
      { connection: { id: 'civic', preset: 'civic' }, tools: [{ name: 'help' }, { name: 'gmail-search' }, { name: 'continue_job' }] },
      { connection: { id: 'other', preset: null }, tools: [{ name: 'help' }] },
    ];
    expect(initialChoices(fresh, connections)).toEqual([
      { connection_id: 'civic', tool_name: 'help', approval: 'always' },
      { connection_id: 'civic', tool_name: 'continue_job', approval: 'always' },
    ]);
    expect(initialChoices(conversation(), connections)).toEqual([]);
    const attached = { connection_id: 'other', tool_name: 'help', is_native: false, approval: 'ask', description_findings: [] };
    expect(initialChoices({ ...fresh, tools: [attached] }, connections)).toEqual([{ connection_id: 'other', tool_name: 'help', approval: 'ask' }]);
  });
});
