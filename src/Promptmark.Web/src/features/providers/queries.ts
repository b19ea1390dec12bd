import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const providerKeys = {
  list: ['providers'] as const,
  models: ['models'] as const,
};

/** The user's providers (no keys, only whether one is stored), their budgets and this month's spend. */
export function useProviders() {
  return useQuery({ queryKey: providerKeys.list, queryFn: () => unwrap(api.GET('/api/providers')) });
}

/** Every model the user's providers offer, and the providers that could not be asked. */
export function useModels() {
  return useQuery({ queryKey: providerKeys.models, queryFn: () => unwrap(api.GET('/api/models')), staleTime: 5 * 60_000 });
}
