import { Switch } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { notifyError } from '@/lib/notify';

const mcpSettingsKey = ['mcp-settings'] as const;

/** "Hide what I can't call": tools/list shows a key or an app only the tools its scopes allow. Off by default. */
export function HideUncallableTools() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: mcpSettingsKey, queryFn: () => unwrap(api.GET('/api/mcp/settings')) });
  const change = useMutation({
    mutationFn: (hide: boolean) => unwrap(api.PUT('/api/mcp/settings', { body: { hide_uncallable_tools: hide } })),
    onSuccess: (saved) => client.setQueryData(mcpSettingsKey, saved),
    onError: (e) => notifyError(e, 'Could not change the setting'),
  });
  return (
    <Switch
      mt="md"
      label="Hide what I can't call"
      description="MCP clients list only the tools their key's or app's scopes allow (off: every tool is listed, and a call beyond the scopes is refused)"
      checked={settings.data?.hide_uncallable_tools ?? false}
      disabled={settings.isPending || change.isPending}
      onChange={(e) => change.mutate(e.currentTarget.checked)}
    />
  );
}
