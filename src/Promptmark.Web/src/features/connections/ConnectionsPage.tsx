import { Link } from 'react-router';
import { Button, SimpleGrid, Skeleton } from '@mantine/core';
import { IconHistory, IconPlugConnected, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { civic } from './connectionForm';
import { useConnections } from './queries';
import { ConnectionCard } from './ConnectionCard';
import { CivicCard } from './CivicCard';

/** `/connections`: the remote MCP servers you use, with their status and tools. */
export function ConnectionsPage() {
  const list = useConnections();
  const connections = list.data?.connections ?? [];
  const hasCivic = connections.some((c) => c.preset === civic.preset);

  return (
    <>
      <PageHeader
        title="Connections"
        description={list.data ? `${plural(num(list.data.total), 'MCP server')} connected to Promptmark` : 'Remote MCP servers and their tools'}
        actions={(
          <>
            <Button component={Link} to="/connections/executions" variant="default" leftSection={<IconHistory size={16} />}>Execution log</Button>
            <Button component={Link} to="/connections/new" leftSection={<IconPlus size={16} />}>Add connection</Button>
          </>
        )}
      />
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-busy="true" aria-label="Loading connections">
          {[0, 1, 2, 3].map((i) => <Skeleton key={i} h={150} radius="md" />)}
        </SimpleGrid>
      )}
      {list.data && !hasCivic && <CivicCard />}
      {list.data && connections.length === 0 && (
        <EmptyState
          icon={<IconPlugConnected size={26} />}
          title="No connections yet"
          action={<Button component={Link} to="/connections/new" leftSection={<IconPlus size={16} />}>Add your first connection</Button>}
        >
          Add the URL of a remote MCP server (Streamable HTTP) and how to sign in to it. Promptmark tests it, lists its tools, and lets you try each one.
        </EmptyState>
      )}
      {connections.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" aria-label="Connections" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {connections.map((c) => <ConnectionCard key={c.id} connection={c} />)}
        </SimpleGrid>
      )}
    </>
  );
}

export { ConnectionsPage as Component };
