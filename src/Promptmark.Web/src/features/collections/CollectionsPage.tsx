import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Button, Card, ColorSwatch, Group, SimpleGrid, Skeleton, Text, Tooltip, rem } from '@mantine/core';
import { IconEdit, IconFolders, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, num, unwrap } from '@/lib/api/client';
import type { Collection } from '@/lib/api/types';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { notifyError, notifySuccess } from '@/lib/notify';
import { plural } from '@/lib/format';
import { promptKeys } from '@/features/prompts/queries';
import { collectionColor } from './colors';
import { CollectionModal, type Editing } from './CollectionModal';
import { collectionsKey, useCollections } from './queries';


export function CollectionsPage() {
  const collections = useCollections();
  const [editing, setEditing] = useState<Editing | null>(null);
  const client = useQueryClient();

  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/collections/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess('Collection deleted; its prompts stay in your library');
      client.invalidateQueries({ queryKey: collectionsKey });
      client.invalidateQueries({ queryKey: promptKeys.all });
    },
    onError: (e) => notifyError(e, 'Could not delete the collection'),
  });
  const confirmDelete = (c: Collection) =>
    modals.openConfirmModal({
      title: `Delete “${c.name}”?`,
      children: <Text size="sm">The collection goes; its {plural(num(c.prompt_count), 'prompt')} stay in your library, without a collection.</Text>,
      labels: { confirm: 'Delete collection', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(c.id),
    });

  return (
    <>
      <PageHeader title="Collections" description="Group related prompts: a project, a client, a workflow."
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>New collection</Button>} />
      {collections.isError && <ErrorState error={collections.error} onRetry={() => collections.refetch()} />}
      {collections.isPending && <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{[0, 1, 2].map((i) => <Skeleton key={i} h={110} radius="md" />)}</SimpleGrid>}
      {collections.data?.length === 0 && (
        <EmptyState icon={<IconFolders size={26} />} title="No collections yet" action={<Button onClick={() => setEditing({ mode: 'create' })}>Create a collection</Button>}>
          Collections keep related prompts together. Create one, then pick it in a prompt's details.
        </EmptyState>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {collections.data?.map((c) => (
          <Card key={c.id} withBorder radius="md" p="md" data-testid="collection-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="sm" wrap="nowrap">
                <ColorSwatch color={collectionColor(c.color)} size={14} />
                <Anchor component={Link} to={`/?collection=${c.id}`} fw={600} c="var(--mantine-color-text)">{c.name}</Anchor>
              </Group>
              <Group gap={2} wrap="nowrap">
                <Tooltip label="Edit"><ActionIcon variant="subtle" color="gray" aria-label={`Edit ${c.name}`} onClick={() => setEditing({ mode: 'edit', collection: c })}><IconEdit size={16} /></ActionIcon></Tooltip>
                <Tooltip label="Delete"><ActionIcon variant="subtle" color="red" aria-label={`Delete ${c.name}`} onClick={() => confirmDelete(c)}><IconTrash size={16} /></ActionIcon></Tooltip>
              </Group>
            </Group>
            <Text size="sm" c="dimmed" mt={6} lineClamp={2} mih={rem(20)}>{c.description || 'No description'}</Text>
            <Text size="xs" c="dimmed" mt="sm">{plural(num(c.prompt_count), 'prompt')}</Text>
          </Card>
        ))}
      </SimpleGrid>
      {editing && <CollectionModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

export { CollectionsPage as Component };
