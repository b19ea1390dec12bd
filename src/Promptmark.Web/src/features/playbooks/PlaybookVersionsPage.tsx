import { useParams } from 'react-router';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHistory, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import { formatDate, plural, timeAgo } from '@/lib/format';
import { useConfirmedRestore } from '@/lib/useConfirmedRestore';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { playbookKeys, usePlaybook, usePlaybookVersions } from './queries';

/** `/playbooks/:id/versions`: the states a playbook had before each save, newest first, each one restorable. */
export function PlaybookVersionsPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const playbook = usePlaybook(id);
  const history = usePlaybookVersions(id);
  const restore = useConfirmedRestore({
    what: 'The name, content, description, tags, default model and artifact type',
    restore: (versionId) => unwrap(api.POST('/api/playbooks/{playbook_id}/versions/{version_id}/restore', { params: { path: { playbook_id: id, version_id: versionId } } })),
    restored: (restored) => {
      client.setQueryData(playbookKeys.one(id), restored);
      client.invalidateQueries({ queryKey: playbookKeys.all });
    },
    then: `/playbooks/${id}`,
  });

  if (playbook.isPending || history.isPending) return <PageSkeleton />;
  if (playbook.isError) return <ErrorState error={playbook.error} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const versions = history.data.versions;
  const current = num(history.data.current_version);
  if (versions.length === 0) {
    return (
      <EmptyState icon={<IconHistory size={26} />} title="No earlier versions yet">
        Every save keeps the state it replaces here as a numbered version you can restore.
      </EmptyState>
    );
  }

  return (
    <Stack gap="sm" component="ul" aria-label="Versions" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <Paper component="li" withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Group gap={6}><Text fw={600}>v{current}</Text><Badge size="xs" variant="light">current</Badge><Text size="sm" c="dimmed">· {playbook.data.title}</Text></Group>
            <Text size="xs" c="dimmed">Saved {timeAgo(playbook.data.updated_at)} · {plural(playbook.data.content.length, 'char')}</Text>
          </Stack>
        </Group>
      </Paper>
      {versions.map((v) => {
        const number = num(v.number);
        return (
          <Paper key={v.id} component="li" withBorder radius="md" p="md" data-testid="playbook-version">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap"><Text fw={600}>v{number}</Text><Text size="sm" c="dimmed" truncate>· {v.title}</Text></Group>
                <Text size="xs" c="dimmed">Replaced {formatDate(v.created_at)} · {plural(num(v.content_length), 'char')}</Text>
              </Stack>
              <Button
                variant="default" size="xs" leftSection={<IconRestore size={14} />} aria-label={`Restore version ${number}`}
                loading={restore.restoring === v.id}
                onClick={() => restore.confirm({ id: v.id, number, current })}
              >
                Restore
              </Button>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

export { PlaybookVersionsPage as Component };
