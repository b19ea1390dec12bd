import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Table, Text, Title } from '@mantine/core';
import { num } from '@/lib/api/client';
import { formatDate, timeAgo } from '@/lib/format';
import { formatCallCost } from '@/lib/money';
import { ErrorState } from '@/components/ErrorState';
import { ListPagination } from '@/components/ListPagination';
import { runsPageSize, useRunHistory } from './queries';
import { RunStatusBadge } from './RunStatusBadge';

/** The playbook's runs, newest first: status, model, steps, tokens, cost and when each started. */
export function RunHistory({ playbookId }: { playbookId: string }) {
  const [page, setPage] = useState(1);
  const history = useRunHistory(playbookId, page);
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const runs = history.data?.executions ?? [];
  return (
    <section aria-labelledby="run-history">
      <Title order={2} size="h4" id="run-history" mb="sm">History</Title>
      {history.isPending ? null : runs.length === 0 ? (
        <Text c="dimmed" size="sm">No runs yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover aria-labelledby="run-history" data-testid="run-history">
            <Table.Thead>
              <Table.Tr><Table.Th>Started</Table.Th><Table.Th>Status</Table.Th><Table.Th>Model</Table.Th><Table.Th>Steps</Table.Th><Table.Th>Tokens</Table.Th><Table.Th>Cost</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td><Anchor component={Link} to={`/playbooks/${playbookId}/runs/${run.id}`} title={formatDate(run.created_at)}>{timeAgo(run.created_at)}</Anchor></Table.Td>
                  <Table.Td><RunStatusBadge status={run.status} /></Table.Td>
                  <Table.Td><Text size="sm" className="pm-mono">{run.model_id}</Text></Table.Td>
                  <Table.Td>{num(run.step_count)}</Table.Td>
                  <Table.Td>{(num(run.totals.input_tokens) + num(run.totals.output_tokens)).toLocaleString('en')}</Table.Td>
                  <Table.Td>{formatCallCost(num(run.totals.cost_usd))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination pages={Math.ceil(num(history.data?.total) / runsPageSize)} page={page} onChange={setPage} />
    </section>
  );
}
