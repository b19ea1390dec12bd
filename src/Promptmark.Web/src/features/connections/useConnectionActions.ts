import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api, num, unwrap } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { connectionKeys } from './queries';

/** Connects, lists and caches the server's tools and records the status; answers whether it worked (never throws for a server that failed). */
export const testConnection = (connectionId: string) =>
  unwrap(api.POST('/api/mcp/connections/{id}/test', { params: { path: { id: connectionId } } }));

/** What a test found, as a toast. */
export function announceTest(result: Awaited<ReturnType<typeof testConnection>>) {
  if (result.ok) notifySuccess(`Connected: ${plural(num(result.connection.tool_count), 'tool')} available`);
  else notifications.show({ color: 'orange', title: 'Could not connect', message: result.error ?? 'The server could not be used.', autoClose: 8000 });
}

/** Test (connect, list and cache the tools, record the status) and Refresh tools, with what happened as a toast. */
export function useConnectionActions(connectionId: string) {
  const client = useQueryClient();
  const refreshLists = () => client.invalidateQueries({ queryKey: connectionKeys.all });

  const test = useMutation({
    mutationFn: () => testConnection(connectionId),
    onSuccess: (result) => {
      refreshLists();
      announceTest(result);
    },
    onError: (e) => notifyError(e, 'Could not test the connection'),
  });

  const refresh = useMutation({
    mutationFn: () => unwrap(api.POST('/api/mcp/connections/{connection_id}/refresh-tools', { params: { path: { connection_id: connectionId } } })),
    onSuccess: (list) => notifySuccess(`Tools refreshed: ${plural(list.tools.length, 'tool')}`),
    onError: (e) => notifyError(e, 'Could not refresh the tools'),
    // A failed refresh records the error on the connection too.
    onSettled: refreshLists,
  });

  return { test, refresh };
}

/** Favourite or unfavourite a tool; favourites come first in the tool browser. */
export function useFavoriteTool(connectionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ toolName, favorite }: { toolName: string; favorite: boolean }) =>
      unwrap(api.POST('/api/mcp/connections/{connection_id}/tools/{tool_name}/favorite', {
        params: { path: { connection_id: connectionId, tool_name: toolName } },
        body: { is_favorite: favorite },
      })),
    onSuccess: (tool) => {
      client.setQueryData(connectionKeys.tool(connectionId, tool.name), tool);
      client.invalidateQueries({ queryKey: connectionKeys.one(connectionId) });
    },
    onError: (e) => notifyError(e, 'Could not change the favourite'),
  });
}
