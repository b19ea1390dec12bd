import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Button, Card, ColorSwatch, Group, Modal, SimpleGrid, Skeleton, Stack, Text, TextInput, Textarea, Tooltip, CheckIcon, rem } from '@mantine/core';
import { IconEdit, IconFolders, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, num, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Collection } from '@/lib/api/types';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { notifyError, notifySuccess } from '@/lib/notify';
import { plural } from '@/lib/format';
import { promptKeys } from '@/features/prompts/queries';
import { collectionColor, collectionColors } from './colors';
import { collectionsKey, useCollections } from './queries';

type Editing = { mode: 'create' } | { mode: 'edit'; collection: Collection } | null;

export function CollectionsPage() {
  const collections = useCollections();
  const [editing, setEditing] = useState<Editing>(null);
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

function CollectionModal({ editing, onClose }: { editing: NonNullable<Editing>; onClose: () => void }) {
  const existing = editing.mode === 'edit' ? editing.collection : undefined;
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [color, setColor] = useState(existing?.color ?? 'blue');
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null, color };
      return existing
        ? unwrap(api.PATCH('/api/collections/{id}', { params: { path: { id: existing.id } }, body }))
        : unwrap(api.POST('/api/collections', { body }));
    },
    onSuccess: () => {
      notifySuccess(existing ? 'Collection saved' : 'Collection created');
      client.invalidateQueries({ queryKey: collectionsKey });
      onClose();
    },
    onError: (e) => { if (!(e instanceof ApiError && Object.keys(e.fieldErrors).length)) notifyError(e); },
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.field(f) : undefined);
  return (
    <Modal opened onClose={onClose} title={existing ? 'Edit collection' : 'New collection'} centered>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="colour-label">Colour</Text>
            <Group gap={8} role="radiogroup" aria-labelledby="colour-label">
              {collectionColors.map((c) => (
                <ColorSwatch key={c} component="button" type="button" color={collectionColor(c)} size={26} role="radio" aria-checked={color === c} aria-label={c}
                  onClick={() => setColor(c)} style={{ color: '#fff', cursor: 'pointer' }}>
                  {color === c && <CheckIcon style={{ width: rem(12), height: rem(12) }} />}
                </ColorSwatch>
              ))}
            </Group>
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>{existing ? 'Save' : 'Create'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export { CollectionsPage as Component };
