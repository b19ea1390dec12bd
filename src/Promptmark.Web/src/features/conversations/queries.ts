import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export interface ConversationFilters {
  search?: string;
  source?: string;
  page: number;
}

/** Where a conversation came from: made here, or imported (the API's `source`). */
export const conversationSources = [
  { value: 'native', label: 'Made here' },
  { value: 'json', label: 'JSON import' },
  { value: 'chatgpt', label: 'ChatGPT' },
  { value: 'claude', label: 'Claude' },
  { value: 'markdown', label: 'Markdown' },
] as const;
export const sourceLabel = (source: string) => conversationSources.find((s) => s.value === source)?.label ?? source;

/** The chat page shows this many of the newest messages, then older ones on request (the API's largest page). */
export const messageWindow = 200;

export const conversationKeys = {
  all: ['conversations'] as const,
  lists: ['conversations', 'list'] as const,
  list: (filters: ConversationFilters) => ['conversations', 'list', filters] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
};

export function useConversations(filters: ConversationFilters) {
  return useQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: () => unwrap(api.GET('/api/conversations', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** One conversation with its newest messages, oldest first. */
export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: conversationKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/conversations/{id}', { params: { path: { id: id! }, query: { message_limit: messageWindow } } })),
    enabled: !!id,
  });
}
