import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const collectionsKey = ['collections'] as const;

export function useCollections() {
  return useQuery({
    queryKey: collectionsKey,
    queryFn: async () => (await unwrap(api.GET('/api/collections', { params: { query: { include_counts: true } } }))).collections,
  });
}
