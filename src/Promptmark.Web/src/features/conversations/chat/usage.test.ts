import { describe, expect, it } from 'vitest';
import type { ConversationMessage, Model } from '@/lib/api/types';
import { isPriced, usageLine } from './usage';

const answer = (over: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id: 'm1', role: 'assistant', content: 'Hi', model_id: 'local/m', input_tokens: 1234, output_tokens: 56, cost_usd: 0.000482,
  latency_ms: 1530, created_at: '2026-12-01T00:00:00Z',
  tool_calls: null, tool_call_id: null, tool_name: null, outcome: null, execution_id: null, findings: null, ...over,
});
const model = (id: string, price: number | null): Model => ({ id, provider: 'local', model: 'm', input_per_million_usd: price, output_per_million_usd: price });

describe('usageLine', () => {
  it('gives tokens, the cost with its small digits and the time', () => {
    expect(usageLine(answer(), true)).toBe('1,234 in · 56 out tokens · $0.000482 · 1.5 s');
  });

  it('says when the model has no price instead of claiming it was free', () => {
    expect(usageLine(answer({ cost_usd: 0, latency_ms: 80 }), false)).toBe('1,234 in · 56 out tokens · no price set for this model · 80 ms');
    expect(usageLine(answer({ cost_usd: 0 }), null)).toContain('$0.00');
  });

  it('is absent for questions and imported answers', () => {
    expect(usageLine(answer({ role: 'user' }), true)).toBeNull();
    expect(usageLine(answer({ input_tokens: null, output_tokens: null, cost_usd: null, latency_ms: null }), true)).toBeNull();
  });
});

describe('isPriced', () => {
  it('looks the model up in the list, and does not guess for one it does not know', () => {
    const models = [model('local/priced', 2), model('local/free', null)];
    expect(isPriced('local/priced', models)).toBe(true);
    expect(isPriced('local/free', models)).toBe(false);
    expect(isPriced('other/x', models)).toBeNull();
  });
});
