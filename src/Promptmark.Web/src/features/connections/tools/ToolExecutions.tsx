import { Link } from 'react-router';
import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '@/components/ErrorState';
import { useExecutions } from '../queries';
import { ExecutionLog } from '../executions/ExecutionLog';

/** The latest runs of one tool, under its "Try it". */
export function ToolExecutions({ connectionId, toolName }: { connectionId: string; toolName: string }) {
  const list = useExecutions({ connectionId, toolName });
  const runs = list.data?.executions ?? [];
  return (
    <Stack gap="sm" mt="xl" component="section" aria-labelledby="tool-runs-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="tool-runs-title">Runs of this tool</Title>
        <Anchor component={Link} to={`/connections/executions?connection=${connectionId}`} size="sm">All runs of this connection</Anchor>
      </Group>
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Skeleton h={52} radius="md" aria-busy="true" />}
      {list.data && runs.length === 0 && <Text size="sm" c="dimmed">No runs yet: fill in the arguments above and press Run.</Text>}
      {runs.length > 0 && <ExecutionLog executions={runs} showConnection={false} />}
    </Stack>
  );
}
