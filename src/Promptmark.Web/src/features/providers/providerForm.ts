import type { Provider } from '@/lib/api/types';
import { num } from '@/lib/api/client';
import { formatCallCost, formatUsd } from '@/lib/money';

/** The three hosted providers are known by name; anything else is an OpenAI-compatible server at a base URL. */
export const hostedProviders = [
  { value: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1' },
  { value: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com/' },
  { value: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1' },
] as const;
export const customKind = 'openai_compatible';

export const providerKindLabel = (kind: string) =>
  hostedProviders.find((h) => h.value === kind)?.label ?? 'OpenAI-compatible';

const isHosted = (name: string) => hostedProviders.some((h) => h.value === name);
const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export interface ProviderForm {
  /** A hosted provider's name, or customKind. */
  kind: string;
  /** The user's own name for an OpenAI-compatible server (e.g. ollama). */
  customName: string;
  baseUrl: string;
  /** Empty keeps the stored key (or sets none). */
  apiKey: string;
  /** Dollars, or '' for no ceiling. */
  budget: number | string;
}

export function providerFormOf(existing?: Provider): ProviderForm {
  if (!existing) return { kind: 'openai', customName: '', baseUrl: '', apiKey: '', budget: '' };
  const hosted = isHosted(existing.name);
  const defaultUrl = hostedProviders.find((h) => h.value === existing.name)?.baseUrl;
  return {
    kind: hosted ? existing.name : customKind,
    customName: hosted ? '' : existing.name,
    // A hosted provider shows an empty URL unless it was overridden.
    baseUrl: defaultUrl && sameUrl(defaultUrl, existing.base_url) ? '' : existing.base_url,
    apiKey: '',
    budget: existing.monthly_budget_usd == null ? '' : num(existing.monthly_budget_usd),
  };
}

export const providerName = (form: ProviderForm) => (form.kind === customKind ? form.customName.trim() : form.kind);

/** The PUT body: a key only when one was typed (absent keeps the stored key), the URL only when given, the budget or none. */
export function providerBody(form: ProviderForm) {
  const key = form.apiKey.trim();
  const url = form.baseUrl.trim();
  return {
    ...(key ? { api_key: key } : {}),
    ...(url ? { base_url: url } : {}),
    monthly_budget_usd: form.budget === '' ? null : Number(form.budget),
  };
}

/** What stops the form from being sent, before asking the server; null when it may go. */
export function providerFormProblem(form: ProviderForm, existing?: Provider): string | null {
  if (form.kind === customKind) {
    if (!form.customName.trim()) return 'Give the server a name (e.g. ollama).';
    if (isHosted(form.customName.trim())) return `${form.customName.trim()} is a hosted provider: pick it in the list instead.`;
    if (!form.baseUrl.trim()) return 'An OpenAI-compatible server needs its base URL.';
    return null;
  }
  if (!form.apiKey.trim() && !existing?.has_api_key) return 'Paste the API key.';
  return null;
}

/** "spent of budget" for a provider or the whole account; a small spend keeps its digits. */
export function spendLine(spent: number | string, budget: number | string | null | undefined): string {
  const used = formatCallCost(num(spent));
  return budget == null ? `${used} this month, no ceiling` : `${used} of ${formatUsd(num(budget))} this month`;
}
