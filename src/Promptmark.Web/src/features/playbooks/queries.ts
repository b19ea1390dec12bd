import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { PlaybookParseResult } from '@/lib/api/types';

export interface PlaybookListParams {
  search?: string;
  tags?: string;
  page: number;
  page_size: number;
}

export const playbookKeys = {
  all: ['playbooks'] as const,
  list: (params: PlaybookListParams) => ['playbooks', 'list', params] as const,
  one: (id: string) => ['playbooks', 'one', id] as const,
  versions: (id: string) => ['playbooks', 'versions', id] as const,
};

export function usePlaybookList(params: PlaybookListParams) {
  return useQuery({
    queryKey: playbookKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/playbooks', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function usePlaybook(id: string | undefined) {
  return useQuery({
    queryKey: playbookKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/playbooks/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function usePlaybookVersions(id: string) {
  return useQuery({
    queryKey: playbookKeys.versions(id),
    queryFn: () => unwrap(api.GET('/api/playbooks/{playbook_id}/versions', { params: { path: { playbook_id: id } } })),
  });
}

export interface PlaybookValidation {
  result: PlaybookParseResult | undefined;
  /** The text `result` is about (diagnostics are placed only on that text), undefined while it is an older draft's. */
  resultFor: string | undefined;
  checking: boolean;
  error: unknown;
}

/** What the parser makes of the text in the editor: the saved reading while the text is the saved one, else the server's reading of the draft once typing pauses. */
export function usePlaybookValidation(content: string, saved: { content: string; result: PlaybookParseResult | null } | undefined): PlaybookValidation {
  const [draft] = useDebouncedValue(content, 350);
  const live = !saved?.result || content !== saved.content;
  const read = useQuery({
    queryKey: ['playbooks', 'validate', draft] as const,
    queryFn: () => unwrap(api.POST('/api/playbooks/validate', { body: { content: draft } })),
    enabled: live && draft.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  if (!live) return { result: saved!.result!, resultFor: saved!.content, checking: false, error: null };
  return {
    result: read.data,
    resultFor: read.data && !read.isPlaceholderData ? draft : undefined,
    checking: read.isFetching || draft !== content,
    error: read.error,
  };
}
