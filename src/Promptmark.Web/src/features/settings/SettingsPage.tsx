import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Code, CopyButton, Group, Paper, Skeleton, Stack, Table, Tabs, Text, TextInput, Title, Tooltip, Badge, ScrollArea } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { CreatedApiKey } from '@/lib/api/types';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, timeAgo } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useMe } from '@/features/auth/session';
import { mcpSnippets, mcpUrl } from './mcpSnippets';
import { HideUncallableTools } from './HideUncallableTools';
import { KeyCollectionsLabel, KeyCollectionsPicker } from './KeyCollections';
import { ModelProviders } from '@/features/providers/ModelProviders';
import { AuthorizedApps } from '@/features/oauth/AuthorizedApps';

const keysKey = ['api-keys'] as const;

/** What a key may do; a new key gets all three unless the user unticks some. */
const scopeChoices = [
  { value: 'read', label: 'Read', description: 'see your prompts and everything else' },
  { value: 'write', label: 'Write', description: 'create, change and delete' },
  { value: 'execute', label: 'Execute', description: 'run remote MCP tools and models' },
];

export function SettingsPage() {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const me = useMe();
  return (
    <>
      <PageHeader title="Settings" description={me.data ? `Signed in as ${me.data.email}` : undefined} />
      <Stack gap="xl">
        <ApiKeys created={created} onCreated={setCreated} />
        <ConnectMcp apiKey={created?.key} />
        <AuthorizedApps />
        <ModelProviders />
      </Stack>
    </>
  );
}

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function ApiKeys({ created, onCreated }: { created: CreatedApiKey | null; onCreated: (k: CreatedApiKey | null) => void }) {
  const client = useQueryClient();
  const keys = useQuery({ queryKey: keysKey, queryFn: async () => (await unwrap(api.GET('/api/keys'))).keys });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState(scopeChoices.map((c) => c.value));
  const [collectionIds, setCollectionIds] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/keys', { body: { name: name.trim(), scopes, collection_ids: collectionIds.length ? collectionIds : null } })),
    onSuccess: (key) => {
      onCreated(key);
      setName('');
      setScopes(scopeChoices.map((c) => c.value));
      setCollectionIds([]);
      client.invalidateQueries({ queryKey: keysKey });
    },
    onError: (e) => { if (!(e instanceof ApiError && e.field('name'))) notifyError(e, 'Could not create the key'); },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/keys/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      notifySuccess('Key revoked: clients using it are refused from now on');
      if (created?.id === id) onCreated(null);
      client.invalidateQueries({ queryKey: keysKey });
    },
    onError: (e) => notifyError(e, 'Could not revoke the key'),
  });
  const confirmRevoke = (id: string, keyName: string) =>
    modals.openConfirmModal({
      title: `Revoke “${keyName}”?`,
      children: <Text size="sm">Any MCP client or script using this key stops working immediately. This cannot be undone.</Text>,
      labels: { confirm: 'Revoke key', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(id),
    });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="keys-title">
      <Group gap="xs" mb={4}><IconKey size={20} /><Title order={2} size="h4" id="keys-title">API keys</Title></Group>
      <Text size="sm" c="dimmed" mb="md">Keys let MCP clients and scripts use your library. Promptmark keeps only a hash: a key is shown once, when you create it.</Text>

      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <Group align="flex-end" gap="sm">
          <TextInput label="New key name" placeholder="e.g. Claude Desktop on my laptop" value={name} onChange={(e) => setName(e.currentTarget.value)}
            error={create.error instanceof ApiError ? create.error.field('name') : undefined} style={{ flex: 1, maxWidth: 420 }} />
          <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>Create key</Button>
        </Group>
        <Checkbox.Group label="The key may" value={scopes} onChange={setScopes} mt="sm"
          error={create.error instanceof ApiError ? create.error.field('scopes') : undefined}>
          <Group gap="lg" mt={6}>
            {scopeChoices.map((c) => <Checkbox key={c.value} value={c.value} label={c.label} description={c.description} />)}
          </Group>
        </Checkbox.Group>
        <KeyCollectionsPicker value={collectionIds} onChange={setCollectionIds}
          error={create.error instanceof ApiError ? create.error.field('collection_ids') : undefined} />
      </form>

      {created && (
        <Alert color="teal" mt="md" title={`Your new key “${created.name}”`} withCloseButton onClose={() => onCreated(null)} closeButtonLabel="Hide the key">
          <Stack gap={6}>
            <Text size="sm">Copy it now: it will not be shown again.</Text>
            <Group gap={4} wrap="nowrap">
              <Code fz="sm" data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>{created.key}</Code>
              <CopyIcon value={created.key} label="Copy the key" />
            </Group>
          </Stack>
        </Alert>
      )}

      <Stack mt="lg" gap={0}>
        {keys.isPending && <Skeleton h={80} />}
        {keys.isError && <ErrorState error={keys.error} onRetry={() => keys.refetch()} />}
        {keys.data?.length === 0 && <Text size="sm" c="dimmed">No keys yet.</Text>}
        {keys.data && keys.data.length > 0 && (
          <Table verticalSpacing="sm" data-testid="api-keys">
            <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Key</Table.Th><Table.Th>Scopes</Table.Th><Table.Th>Created</Table.Th><Table.Th w={60} /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {keys.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td><Text size="sm" fw={500}>{k.name}</Text></Table.Td>
                  <Table.Td><Code>{k.hint}</Code></Table.Td>
                  <Table.Td><Group gap={4}>{k.scopes.map((s) => <Badge key={s} size="sm" variant="light">{s}</Badge>)}</Group><KeyCollectionsLabel ids={k.collection_ids} /></Table.Td>
                  <Table.Td><Tooltip label={formatDate(k.created_at)}><Text size="sm" c="dimmed">{timeAgo(k.created_at)}</Text></Tooltip></Table.Td>
                  <Table.Td>
                    <Tooltip label="Revoke"><ActionIcon variant="subtle" color="red" aria-label={`Revoke ${k.name}`} onClick={() => confirmRevoke(k.id, k.name)}><IconTrash size={16} /></ActionIcon></Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function ConnectMcp({ apiKey }: { apiKey: string | undefined }) {
  const origin = window.location.origin;
  const snippets = mcpSnippets(origin, apiKey);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="mcp-title">
      <Group gap="xs" mb={4}><IconPlugConnected size={20} /><Title order={2} size="h4" id="mcp-title">Connect an MCP client</Title></Group>
      <Text size="sm" c="dimmed" mb="md">
        Promptmark's MCP endpoint is <Code>{mcpUrl(origin)}</Code> (Streamable HTTP). Clients send an API key as <Code>Authorization: Bearer pm_…</Code>.
        {apiKey ? ' The snippets below already contain your new key.' : ' Create a key above and it is filled into the snippets.'}
      </Text>
      <Tabs defaultValue="claude" variant="pills" radius="md">
        <Tabs.List mb="sm">
          {snippets.map((s) => <Tabs.Tab key={s.id} value={s.id}>{s.client}</Tabs.Tab>)}
        </Tabs.List>
        {snippets.map((s) => (
          <Tabs.Panel key={s.id} value={s.id}>
            <Group justify="space-between" mb={6}>
              <Text size="sm">In <Text span fw={500}>{s.where}</Text>:</Text>
              <Group gap={4}>{apiKey && <Badge size="xs" color="teal" variant="light">key filled in</Badge>}<CopyIcon value={s.text} label={`Copy the ${s.client} configuration`} /></Group>
            </Group>
            <ScrollArea type="auto">
              <Code block fz="xs" data-testid={`snippet-${s.id}`}>{s.text}</Code>
            </ScrollArea>
          </Tabs.Panel>
        ))}
      </Tabs>
      <HideUncallableTools />
    </Paper>
  );
}

export { SettingsPage as Component };
