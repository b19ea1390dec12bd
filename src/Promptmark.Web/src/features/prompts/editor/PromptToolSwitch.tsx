import { Button, Code, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Prompt } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';
import { promptKeys } from '../queries';

/**
 * "Expose as tool": the prompt appears on /mcp as a tool of its own, for its owner only. Saved at once, apart from the
 * editor's form: the name is kept through renames until the owner asks for it to follow the title again.
 */
export function PromptToolSwitch({ prompt }: { prompt: Prompt }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (body: { expose_as_tool?: boolean; rederive_tool_name?: boolean }) =>
      unwrap(api.PATCH('/api/prompts/{id}', { params: { path: { id: prompt.id } }, body })),
    onSuccess: (result) => {
      client.setQueryData(promptKeys.one(result.id), result);
      client.invalidateQueries({ queryKey: promptKeys.all });
    },
    onError: (e) => notifyError(e, 'Could not change the tool'),
  });

  return (
    <Stack gap={4}>
      <Switch
        label="Expose as tool"
        description="MCP clients signed in as you see it as a tool of its own (at most 50)"
        checked={prompt.exposed_as_tool}
        disabled={change.isPending}
        onChange={(e) => change.mutate({ expose_as_tool: e.currentTarget.checked })}
      />
      {prompt.exposed_as_tool && prompt.tool_name && (
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">Tool name <Code>{prompt.tool_name}</Code></Text>
          <Button variant="subtle" size="compact-xs" loading={change.isPending} onClick={() => change.mutate({ rederive_tool_name: true })}>
            Rename from title
          </Button>
        </Group>
      )}
    </Stack>
  );
}
