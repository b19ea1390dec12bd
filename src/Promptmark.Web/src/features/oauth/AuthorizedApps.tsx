import { ActionIcon, Code, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconApps, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, unwrap } from '@/lib/api/client';
import { ErrorState } from '@/components/ErrorState';
import { formatDate, timeAgo } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';

const grantsKey = ['oauth-grants'] as const;

/** The apps the user approved on the consent page, each revocable (its tokens stop working at once). */
export function AuthorizedApps() {
  const client = useQueryClient();
  const grants = useQuery({ queryKey: grantsKey, queryFn: async () => (await unwrap(api.GET('/api/oauth/grants'))).grants });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/oauth/grants/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess('App revoked: its tokens are refused from now on');
      client.invalidateQueries({ queryKey: grantsKey });
    },
    onError: (e) => notifyError(e, 'Could not revoke the app'),
  });
  const confirmRevoke = (id: string, name: string) =>
    modals.openConfirmModal({
      title: `Revoke “${name}”?`,
      children: <Text size="sm">The app loses access to your library immediately. To use it again, you approve it again.</Text>,
      labels: { confirm: 'Revoke app', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(id),
    });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="apps-title">
      <Group gap="xs" mb={4}><IconApps size={20} /><Title order={2} size="h4" id="apps-title">Authorized apps</Title></Group>
      <Text size="sm" c="dimmed" mb="md">Hosted MCP clients such as Claude.ai and ChatGPT that you approved over OAuth.</Text>
      <Stack gap={0}>
        {grants.isPending && <Skeleton h={80} />}
        {grants.isError && <ErrorState error={grants.error} onRetry={() => grants.refetch()} />}
        {grants.data?.length === 0 && <Text size="sm" c="dimmed">No authorized apps.</Text>}
        {grants.data && grants.data.length > 0 && (
          <Table verticalSpacing="sm" data-testid="authorized-apps">
            <Table.Thead><Table.Tr><Table.Th>App</Table.Th><Table.Th>Scopes</Table.Th><Table.Th>Authorized</Table.Th><Table.Th w={60} /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {grants.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td><Text size="sm" fw={500}>{g.client_name}</Text></Table.Td>
                  <Table.Td><Group gap={4}>{g.scopes.map((s) => <Code key={s}>{s}</Code>)}</Group></Table.Td>
                  <Table.Td><Tooltip label={formatDate(g.approved_at)}><Text size="sm" c="dimmed">{timeAgo(g.approved_at)}</Text></Tooltip></Table.Td>
                  <Table.Td>
                    <Tooltip label="Revoke"><ActionIcon variant="subtle" color="red" aria-label={`Revoke ${g.client_name}`} onClick={() => confirmRevoke(g.id, g.client_name)}><IconTrash size={16} /></ActionIcon></Tooltip>
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
