import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Pagination, Paper, Select, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconMessages, IconPlus, IconSearch, IconSettings, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { api, num, unwrap } from '@/lib/api/client';
import type { Conversation } from '@/lib/api/types';
import { plural, timeAgo } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useProviders } from '@/features/providers/queries';
import { conversationKeys, conversationSources, sourceLabel, useConversations } from '../queries';
import { NewConversationModal } from '../NewConversationModal';
import { ImportButton } from './ImportButton';

/** `/conversations`: your conversations with models, newest first, searchable by title and filtered by where they came from. */
export function ConversationsPage() {
  const [params, setParams] = useSearchParams();
  const source = params.get('source');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ page: null, ...change })) if (v) next.set(k, v); else next.delete(k);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (debounced !== (params.get('q') ?? '')) update({ q: debounced || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = useConversations({ search: params.get('q') || undefined, source: source || undefined, page });
  const providers = useProviders();
  const noProvider = providers.data?.providers.length === 0;
  const conversations = list.data?.conversations ?? [];
  const pages = list.data ? Math.ceil(num(list.data.total) / num(list.data.page_size)) : 0;
  const filtered = !!params.get('q') || !!source;

  return (
    <>
      <PageHeader
        title="Conversations"
        description={list.data ? plural(num(list.data.total), 'conversation') : 'Chats with your models'}
        actions={(
          <>
            <ImportButton />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={noProvider}>New conversation</Button>
          </>
        )}
      />
      {noProvider && (conversations.length > 0 ? (
        <Alert color="yellow" icon={<IconSettings size={18} />} title="No model provider">
          These conversations can be read, but sending needs a model: <Anchor component={Link} to="/settings#model-providers">add a provider in Settings</Anchor>.
        </Alert>
      ) : (
        <EmptyState icon={<IconSettings size={26} />} title="Add a model provider first"
          action={<Button component={Link} to="/settings#model-providers" leftSection={<IconSettings size={16} />}>Open Settings</Button>}>
          Conversations need a model. Add an OpenAI, Anthropic or OpenRouter key, or the URL of an OpenAI-compatible server (Ollama, vLLM, LM Studio), in Settings → Model providers.
        </EmptyState>
      ))}

      <Paper withBorder p="sm" radius="md" my="md">
        <Group gap="sm" wrap="wrap">
          <TextInput aria-label="Search conversations" placeholder="Search titles…" leftSection={<IconSearch size={16} />} value={search}
            onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 220px' }}
            rightSection={search ? <ActionIcon variant="subtle" color="gray" aria-label="Clear search" onClick={() => setSearch('')}><IconX size={14} /></ActionIcon> : null} />
          <Select aria-label="Filter by source" placeholder="Any source" data={conversationSources.map((s) => ({ ...s }))} value={source}
            onChange={(s) => update({ source: s })} clearable w={180} />
        </Group>
      </Paper>

      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && (
        <Stack gap="sm" aria-busy="true" aria-label="Loading conversations">{[0, 1, 2].map((i) => <Skeleton key={i} h={72} radius="md" />)}</Stack>
      )}
      {list.isSuccess && conversations.length === 0 && (filtered ? (
        <EmptyState icon={<IconFilterOff size={26} />} title="No conversations match"
          action={<Button variant="light" onClick={() => { setSearch(''); setParams(new URLSearchParams(), { replace: true }); }}>Clear filters</Button>}>
          Try another search, or clear the filters to see every conversation.
        </EmptyState>
      ) : !noProvider && (
        <EmptyState icon={<IconMessages size={26} />} title="No conversations yet"
          action={<Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>Start a conversation</Button>}>
          Talk to any of your models, with a system prompt or a prompt of your library as its instructions. You can also import a conversation from a JSON file.
        </EmptyState>
      ))}
      {conversations.length > 0 && (
        <Stack gap="sm" component="ul" aria-label="Conversations" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {conversations.map((c) => <ConversationRow key={c.id} conversation={c} />)}
        </Stack>
      )}
      {pages > 1 && <Group justify="center" mt="lg"><Pagination total={pages} value={page} onChange={(p) => update({ page: String(p) })} /></Group>}
      {creating && <NewConversationModal onClose={() => setCreating(false)} />}
    </>
  );
}

function ConversationRow({ conversation: c }: { conversation: Conversation }) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/conversations/{id}', { params: { path: { id: c.id } } })),
    onSuccess: () => {
      notifySuccess('Conversation deleted');
      client.invalidateQueries({ queryKey: conversationKeys.all });
    },
    onError: (e) => notifyError(e, 'Could not delete the conversation'),
  });
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${c.title}”?`,
      children: <Text size="sm">The conversation and its {plural(num(c.message_count), 'message')} are removed from your list.</Text>,
      labels: { confirm: 'Delete conversation', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(),
    });
  return (
    <Card component="li" withBorder radius="md" p="md" data-testid="conversation-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/conversations/${c.id}`} fw={600} c="var(--mantine-color-text)" truncate>{c.title}</Anchor>
          <Group gap="xs">
            {c.model_id && <Badge variant="light" color="gray" tt="none">{c.model_id}</Badge>}
            {c.source !== 'native' && <Badge variant="light" color="gray">{sourceLabel(c.source)}</Badge>}
            <Text size="xs" c="dimmed">{plural(num(c.message_count), 'message')} · {timeAgo(c.updated_at)}</Text>
          </Group>
        </Stack>
        <Tooltip label="Delete"><ActionIcon variant="subtle" color="red" aria-label={`Delete ${c.title}`} onClick={confirmDelete} loading={remove.isPending}><IconTrash size={16} /></ActionIcon></Tooltip>
      </Group>
    </Card>
  );
}

export { ConversationsPage as Component };
