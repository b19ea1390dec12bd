import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Autocomplete, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Tooltip, Alert } from '@mantine/core';
import { IconArrowMerge, IconEdit, IconTags } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/errors';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { notifySuccess } from '@/lib/notify';
import { plural } from '@/lib/format';
import { promptKeys, tagsKey, useTags } from '@/features/prompts/queries';

export function TagsPage() {
  const tags = useTags();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="Tags" description="Rename a tag everywhere at once. Renaming onto an existing tag merges the two." />
      {tags.isError && <ErrorState error={tags.error} onRetry={() => tags.refetch()} />}
      {tags.isPending && <Stack gap={6}>{[0, 1, 2, 3].map((i) => <Skeleton key={i} h={36} />)}</Stack>}
      {tags.data?.length === 0 && (
        <EmptyState icon={<IconTags size={26} />} title="No tags yet">
          Add tags to prompts in the editor, or select several prompts in the library and tag them at once.
        </EmptyState>
      )}
      {tags.data && tags.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead><Table.Tr><Table.Th>Tag</Table.Th><Table.Th>Prompts</Table.Th><Table.Th w={100} /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {tags.data.map((t) => (
                <Table.Tr key={t.name}>
                  <Table.Td><Anchor component={Link} to={`/?tag=${encodeURIComponent(t.name)}`}>#{t.name}</Anchor></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{num(t.count)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end">
                      <Tooltip label="Rename or merge"><ActionIcon variant="subtle" color="gray" aria-label={`Rename ${t.name}`} onClick={() => setRenaming(t.name)}><IconEdit size={16} /></ActionIcon></Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {renaming && <RenameModal tag={renaming} others={(tags.data ?? []).map((t) => t.name).filter((n) => n !== renaming)} onClose={() => setRenaming(null)} />}
    </>
  );
}

function RenameModal({ tag, others, onClose }: { tag: string; others: string[]; onClose: () => void }) {
  const [name, setName] = useState(tag);
  const client = useQueryClient();
  const merging = others.some((o) => o.toLowerCase() === name.trim().toLowerCase());
  const rename = useMutation({
    mutationFn: () => unwrap(api.POST('/api/tags/rename', { body: { old_name: tag, new_name: name.trim() } })),
    onSuccess: (r) => {
      notifySuccess(`${merging ? 'Merged' : 'Renamed'} #${r.old_name} into #${r.new_name} on ${plural(num(r.prompts_updated), 'prompt')}`);
      client.invalidateQueries({ queryKey: tagsKey });
      client.invalidateQueries({ queryKey: promptKeys.all });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Rename #${tag}`} centered>
      <form onSubmit={(e) => { e.preventDefault(); rename.mutate(); }}>
        <Stack>
          {rename.isError && <Alert color="red">{errorMessage(rename.error)}</Alert>}
          <Autocomplete label="New name" data={others} value={name} onChange={setName} data-autofocus required />
          {merging && <Alert color="iris" icon={<IconArrowMerge size={16} />}>#{tag} will be merged into the existing tag #{name.trim()}.</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={rename.isPending} disabled={!name.trim() || name.trim() === tag}>{merging ? 'Merge' : 'Rename'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export { TagsPage as Component };
