import { Link, useSearchParams } from 'react-router';
import { Anchor, Breadcrumbs, Button, Group, Pagination, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { executionPageSize, useConnections, useExecutions } from '../queries';
import { ExecutionLog } from './ExecutionLog';

/** `/connections/executions?connection=&page=`: every tool run, newest first. */
export function ExecutionsPage() {
  const [params, setParams] = useSearchParams();
  const connectionId = params.get('connection') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const connections = useConnections();
  const list = useExecutions({ connectionId, page });
  const total = num(list.data?.total);
  const pages = Math.max(1, Math.ceil(total / executionPageSize));

  const go = (next: { connection?: string | null; page?: number }) => {
    const p = new URLSearchParams();
    const c = next.connection === undefined ? connectionId : next.connection;
    if (c) p.set('connection', c);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        before={<Breadcrumbs><Anchor component={Link} to="/connections" size="sm">Connections</Anchor><Text size="sm">Execution log</Text></Breadcrumbs>}
        title="Execution log"
        description={list.data ? `${plural(total, 'run')}, newest first` : 'Every tool run, from the web app and from MCP clients'}
      />
      <Select
        mb="md" maw={360} label="Connection" placeholder="All connections" clearable
        data={(connections.data?.connections ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={connectionId ?? null} onChange={(v) => go({ connection: v, page: 1 })}
      />
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && <Stack gap="sm" aria-busy="true">{[0, 1, 2, 3].map((i) => <Skeleton key={i} h={52} radius="md" />)}</Stack>}
      {list.data?.executions.length === 0 && (
        <EmptyState icon={<IconHistory size={26} />} title="No runs yet" action={<Button component={Link} to="/connections" variant="light">Open your connections</Button>}>
          Open a tool of a connection and press Run in “Try it”: every run is recorded here with its input, output, status and latency.
        </EmptyState>
      )}
      {list.data && list.data.executions.length > 0 && <ExecutionLog executions={list.data.executions} showConnection={!connectionId} />}
      {pages > 1 && <Group justify="center" mt="lg"><Pagination total={pages} value={page} onChange={(p) => go({ page: p })} aria-label="Pages" /></Group>}
    </>
  );
}

export { ExecutionsPage as Component };
