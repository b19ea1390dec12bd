import { num } from '@/lib/api/client';
import type { ConversationMessage, Model } from '@/lib/api/types';
import { formatCallCost } from '@/lib/money';

const count = new Intl.NumberFormat('en');

/** Whether the operator's price table has the model: null when the model list does not know it (e.g. its provider is down). */
export function isPriced(modelId: string | null | undefined, models: Model[] | undefined): boolean | null {
  const model = models?.find((m) => m.id === modelId);
  if (!model) return null;
  return model.input_per_million_usd != null || model.output_per_million_usd != null;
}

/**
 * The usage of one assistant answer, in the words shown under it: tokens in and out, cost, time. A model without a
 * price costs nothing and says so. Null for a message no model was asked for here (a question, an import).
 */
export function usageLine(message: ConversationMessage, priced: boolean | null): string | null {
  if (message.role !== 'assistant' || message.input_tokens == null) return null;
  const parts = [`${count.format(num(message.input_tokens))} in · ${count.format(num(message.output_tokens))} out tokens`];
  const cost = num(message.cost_usd);
  parts.push(priced === false && cost === 0 ? 'no price set for this model' : formatCallCost(cost));
  if (message.latency_ms != null) parts.push(seconds(num(message.latency_ms)));
  return parts.join(' · ');
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
