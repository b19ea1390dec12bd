import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Badge, Button, Code, CopyButton, Group, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconPlugConnected, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formatDate } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { playbookKeys, usePlaybook } from './queries';
import { curlExample, triggerUrl } from './triggerExample';

/** `/playbooks/:id/connect`: the ways in from outside: the trigger URL with its token, and the playbook as a tool on /mcp. */
export function PlaybookConnectPage() {
  const { id = '' } = useParams();
  const playbook = usePlaybook(id);
  if (playbook.isPending) return <PageSkeleton />;
  if (playbook.isError) return <ErrorState error={playbook.error} />;
  return (
    <Stack gap="lg">
      <TriggerTokenPanel playbookId={id} inputs={playbook.data.definition?.definition?.inputs ?? []} />
      <McpToolPanel playbookId={id} exposed={playbook.data.exposed_as_tool} toolName={playbook.data.tool_name} mode={playbook.data.tool_mode} />
    </Stack>
  );
}

type Inputs = { name: string; type: string; default: string | null; options: string[] | null }[];

function TriggerTokenPanel({ playbookId, inputs }: { playbookId: string; inputs: Inputs }) {
  const client = useQueryClient();
  const key = ['playbooks', 'trigger-token', playbookId] as const;
  const status = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/playbooks/{playbook_id}/trigger-token', { params: { path: { playbook_id: playbookId } } })),
  });
  // The secret is in the create/rotate answer only: kept in this component's state until the page is left.
  const [shown, setShown] = useState<string | null>(null);
  const path = { params: { path: { playbook_id: playbookId } } };
  const issue = useMutation({
    mutationFn: (rotate: boolean) => unwrap(rotate
      ? api.POST('/api/playbooks/{playbook_id}/trigger-token/rotate', path)
      : api.POST('/api/playbooks/{playbook_id}/trigger-token', path)),
    onSuccess: (issued) => { setShown(issued.token); client.invalidateQueries({ queryKey: key }); },
    onError: (error) => notifyError(error),
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/playbooks/{playbook_id}/trigger-token', path)),
    onSuccess: () => { setShown(null); notifySuccess('Trigger token revoked'); client.invalidateQueries({ queryKey: key }); },
    onError: (error) => notifyError(error),
  });

  if (status.isPending) return <PageSkeleton />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  const url = triggerUrl(window.location.origin, status.data.trigger_path);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="trigger-title">
      <Stack gap="sm">
        <Group gap="xs"><IconKey size={18} /><Title order={3} size="h4" id="trigger-title">Trigger URL</Title></Group>
        <Text size="sm" c="dimmed">
          A webhook or a script starts a run with a POST to this URL, sending the token as <Code>Authorization: Bearer …</Code> and
          the input values as a JSON body. The run uses the playbook's default model; at most a few triggers a minute per token.
        </Text>
        <TextInput label="URL" value={url} readOnly />
        {status.data.exists && (
          <Text size="sm">Token <Code>{status.data.hint}</Code> created {status.data.created_at ? formatDate(status.data.created_at) : ''}</Text>
        )}
        {shown && (
          <Alert color="yellow" title="Copy the token now: it is not shown again">
            <Stack gap="xs">
              <Group gap="xs"><Code data-testid="trigger-token">{shown}</Code><Copy value={shown} /></Group>
              <Code block data-testid="trigger-curl">{curlExample(url, shown, inputs)}</Code>
              <Group><Copy value={curlExample(url, shown, inputs)} label="Copy curl command" /></Group>
            </Stack>
          </Alert>
        )}
        <Group gap="xs">
          {status.data.exists ? (
            <>
              <Button leftSection={<IconRefresh size={16} />} variant="default" loading={issue.isPending} onClick={() => issue.mutate(true)}>Rotate token</Button>
              <Button leftSection={<IconTrash size={16} />} color="red" variant="light" loading={revoke.isPending} onClick={() => revoke.mutate()}>Revoke</Button>
            </>
          ) : (
            <Button leftSection={<IconKey size={16} />} loading={issue.isPending} onClick={() => issue.mutate(false)}>Create trigger token</Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function McpToolPanel({ playbookId, exposed, toolName, mode }: { playbookId: string; exposed: boolean; toolName: string | null; mode: string }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { expose_as_tool?: boolean; tool_mode?: string; rederive_tool_name?: boolean }) =>
      unwrap(api.PATCH('/api/playbooks/{id}/tool', { params: { path: { id: playbookId } }, body })),
    onSuccess: (saved) => { client.setQueryData(playbookKeys.one(playbookId), saved); client.invalidateQueries({ queryKey: playbookKeys.all }); },
    onError: (error) => notifyError(error),
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="mcp-tool-title">
      <Stack gap="sm">
        <Group gap="xs"><IconPlugConnected size={18} /><Title order={3} size="h4" id="mcp-tool-title">MCP tool</Title></Group>
        <Switch
          label="Offer this playbook on /mcp as a tool of its own"
          description="Its arguments are the playbook's inputs; a call runs it with the default model (needs a key with the execute scope)."
          checked={exposed}
          disabled={save.isPending}
          onChange={(e) => save.mutate({ expose_as_tool: e.currentTarget.checked })}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>How a call answers</Text>
          <SegmentedControl
            value={mode}
            disabled={save.isPending}
            onChange={(value) => save.mutate({ tool_mode: value })}
            data={[{ value: 'sync', label: 'Wait for the result' }, { value: 'inbound', label: 'Answer the run id at once' }]}
          />
        </Stack>
        {toolName && (
          <Group gap="xs">
            <Text size="sm">Tool name</Text><Badge variant="light" tt="none">{toolName}</Badge>
            {!exposed && <Text size="xs" c="dimmed">(kept while withdrawn)</Text>}
            <Button size="compact-xs" variant="subtle" disabled={save.isPending} onClick={() => save.mutate({ rederive_tool_name: true })}>Name it from the title again</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Copy({ value, label = 'Copy' }: { value: string; label?: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => <Button size="compact-xs" variant="light" onClick={copy}>{copied ? 'Copied' : label}</Button>}
    </CopyButton>
  );
}

export { PlaybookConnectPage as Component };
