import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The list page shows every connection at once (the API's largest page): a person keeps a handful. */
export const connectionListLimit = 100;
export const executionPageSize = 20;

export const connectionKeys = {
  all: ['connections'] as const,
  list: ['connections', 'list'] as const,
  one: (id: string) => ['connections', 'one', id] as const,
  tool: (id: string, name: string) => ['connections', 'tool', id, name] as const,
  allExecutions: ['connections', 'executions'] as const,
  executions: (connectionId: string | undefined, toolName: string | undefined, page: number, limit: number) =>
    ['connections', 'executions', connectionId ?? 'all', toolName ?? 'all', page, limit] as const,
};

export function useConnections() {
  return useQuery({
    queryKey: connectionKeys.list,
    queryFn: () => unwrap(api.GET('/api/mcp/connections', { params: { query: { limit: connectionListLimit } } })),
  });
}

/** One connection with its cached tools, favourites first. */
export function useConnection(id: string | undefined) {
  return useQuery({ ...connectionQuery(id ?? ''), enabled: !!id });
}

/** The query of one connection with its cached tools, for pages that read several at once (useQueries). */
export const connectionQuery = (id: string) => ({
  queryKey: connectionKeys.one(id),
  queryFn: () => unwrap(api.GET('/api/mcp/connections/{id}', { params: { path: { id } } })),
});

export function useTool(connectionId: string, toolName: string) {
  return useQuery({
    queryKey: connectionKeys.tool(connectionId, toolName),
    queryFn: () => unwrap(api.GET('/api/mcp/connections/{connection_id}/tools/{tool_name}', {
      params: { path: { connection_id: connectionId, tool_name: toolName } },
    })),
  });
}

/** Executions, newest first: all of them, one connection's, or one tool's; `limit` per page. */
export function useExecutions({ connectionId, toolName, page = 1, limit = executionPageSize }: {
  connectionId?: string | undefined; toolName?: string | undefined; page?: number; limit?: number;
}) {
  return useQuery({
    queryKey: connectionKeys.executions(connectionId, toolName, page, limit),
    queryFn: () => unwrap(api.GET('/api/mcp/executions', {
      params: {
        query: {
          ...(connectionId ? { connection_id: connectionId } : {}),
          ...(toolName ? { tool_name: toolName } : {}),
          limit,
          offset: (page - 1) * limit,
        },
      },
    })),
    placeholderData: keepPreviousData,
  });
}
