import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export interface SkillListParams {
  search?: string;
  page: number;
  page_size: number;
}

export const skillKeys = {
  all: ['skills'] as const,
  list: (params: SkillListParams) => ['skills', 'list', params] as const,
  one: (id: string) => ['skills', 'one', id] as const,
};

export function useSkillList(params: SkillListParams) {
  return useQuery({
    queryKey: skillKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/skills', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useSkill(id: string | undefined) {
  return useQuery({
    queryKey: skillKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/skills/lookup', { params: { query: { id: id! } } })),
    enabled: !!id,
  });
}
