import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export interface LibraryFilters {
  search?: string;
  tag?: string;
  collection_id?: string;
  type_id?: string;
  is_template?: boolean;
  is_remix?: boolean;
  limit: number;
  offset: number;
}

export const promptKeys = {
  all: ['prompts'] as const,
  list: (filters: LibraryFilters) => ['prompts', 'list', filters] as const,
  one: (id: string) => ['prompts', 'one', id] as const,
  schema: (id: string) => ['prompts', 'schema', id] as const,
  versions: (id: string) => ['prompts', 'versions', id] as const,
  responses: (id: string) => ['prompts', 'responses', id] as const,
};
export const tagsKey = ['tags'] as const;

export function usePromptList(filters: LibraryFilters) {
  return useQuery({
    queryKey: promptKeys.list(filters),
    queryFn: () => unwrap(api.GET('/api/prompts', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function usePrompt(id: string | undefined) {
  return useQuery({
    queryKey: promptKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/prompts/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function usePromptSchema(id: string | undefined) {
  return useQuery({
    queryKey: promptKeys.schema(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/prompts/{id}/schema', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/**
 * The variables of the text in the editor: the saved schema while the text is the saved one, otherwise the server's
 * reading of the draft, asked for once typing pauses (the server's grammar stays the only one).
 */
export function useContentSchema(promptId: string | undefined, content: string, edited: boolean) {
  const live = !promptId || edited;
  const [draft] = useDebouncedValue(content, 300);
  const saved = usePromptSchema(live ? undefined : promptId);
  const read = useQuery({
    queryKey: ['template-schema', draft] as const,
    queryFn: () => unwrap(api.POST('/api/templates/schema', { body: { content: draft } })),
    enabled: live,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return live ? read : saved;
}

export function useTags() {
  return useQuery({
    queryKey: tagsKey,
    // Every tag with its count: the Tags page and the library's tag filter show how often each is used.
    queryFn: async () => (await unwrap(api.GET('/api/tags', { params: { query: { include_counts: true, limit: 1000 } } }))).tags,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: promptKeys.versions(id),
    queryFn: () => unwrap(api.GET('/api/prompts/{prompt_id}/versions', { params: { path: { prompt_id: id } } })),
  });
}
