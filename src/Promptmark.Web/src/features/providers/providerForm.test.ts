import { describe, expect, it } from 'vitest';
import type { Provider } from '@/lib/api/types';
import { customKind, providerBody, providerFormOf, providerFormProblem, providerName, spendLine } from './providerForm';

const saved = (over: Partial<Provider>): Provider => ({
  name: 'openai', kind: 'openai', base_url: 'https://api.openai.com/v1', has_api_key: true, monthly_budget_usd: null,
  spent_this_month_usd: 0, created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', ...over,
});

describe('providerFormOf', () => {
  it('shows a hosted provider at its own URL with no URL override and never a key', () => {
    expect(providerFormOf(saved({ monthly_budget_usd: 20 }))).toEqual({ kind: 'openai', customName: '', baseUrl: '', apiKey: '', budget: 20 });
  });

  it('keeps an overridden URL and a custom server name', () => {
    expect(providerFormOf(saved({ base_url: 'https://proxy.example.com/v1' })).baseUrl).toBe('https://proxy.example.com/v1');
    const custom = providerFormOf(saved({ name: 'ollama', kind: customKind, base_url: 'http://127.0.0.1:11434/v1', has_api_key: false }));
    expect(custom).toMatchObject({ kind: customKind, customName: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(providerName(custom)).toBe('ollama');
  });
});

describe('providerBody', () => {
  it('leaves the key out when none was typed, so the stored one is kept', () => {
    const body = providerBody({ kind: 'anthropic', customName: '', baseUrl: '', apiKey: '  ', budget: '' });
    expect(body).toEqual({ monthly_budget_usd: null });
  });

  it('sends a typed key, a given URL and a budget', () => {
    expect(providerBody({ kind: customKind, customName: 'vllm', baseUrl: ' http://127.0.0.1:8000/v1 ', apiKey: 'sk-1', budget: 12.5 }))
      .toEqual({ api_key: 'sk-1', base_url: 'http://127.0.0.1:8000/v1', monthly_budget_usd: 12.5 });
  });
});

describe('providerFormProblem', () => {
  it('asks a new hosted provider for its key, but not one whose key is stored', () => {
    const form = providerFormOf();
    expect(providerFormProblem(form)).toMatch(/API key/);
    expect(providerFormProblem(form, saved({}))).toBeNull();
  });

  it('asks a custom server for a name that is not a hosted one, and a base URL', () => {
    const form = { ...providerFormOf(), kind: customKind };
    expect(providerFormProblem(form)).toMatch(/name/);
    expect(providerFormProblem({ ...form, customName: 'openai' })).toMatch(/hosted provider/);
    expect(providerFormProblem({ ...form, customName: 'ollama' })).toMatch(/base URL/);
    expect(providerFormProblem({ ...form, customName: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' })).toBeNull();
  });
});

describe('spendLine', () => {
  it('says the ceiling when there is one, and keeps a small spend visible', () => {
    expect(spendLine(1.5, 10)).toBe('$1.50 of $10.00 this month');
    expect(spendLine(0.0048, '5')).toBe('$0.0048 of $5.00 this month');
    expect(spendLine('0', null)).toBe('$0.00 this month, no ceiling');
  });
});
