import { Link, useParams } from 'react-router';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconHistory, IconPencil } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { useConnection } from './queries';
import { ConnectionActions } from './ConnectionActions';
import { OAuthSignInButton } from './OAuthSignInButton';
import { offersOAuthSignIn } from './connectionStatus';
import { ExpiryBadge, StatusDot } from './StatusDot';
import { ToolBrowser } from './tools/ToolBrowser';

/** `/connections/:id`: a connection's status and its tool browser. */
export function ConnectionPage() {
  const { id } = useParams();
  const query = useConnection(id);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const connection = query.data;
  const server = [connection.server_name, connection.server_version].filter(Boolean).join(' ');

  return (
    <>
      <PageHeader
        before={(
          <Breadcrumbs>
            <Anchor component={Link} to="/connections" size="sm">Connections</Anchor>
            <Text size="sm">{connection.name}</Text>
          </Breadcrumbs>
        )}
        title={connection.name}
        description={<Text span ff="monospace" size="sm">{connection.server_url}</Text>}
        actions={(
          <>
            <ConnectionActions connectionId={connection.id} name={connection.name} size="sm" />
            {offersOAuthSignIn(connection) && (
              <OAuthSignInButton connectionId={connection.id} again={connection.signed_in_with_oauth || connection.status === 'reauthorization_needed'} />
            )}
            <Button component={Link} to={`/connections/executions?connection=${connection.id}`} variant="default" leftSection={<IconHistory size={16} />}>
              Executions
            </Button>
            <Button component={Link} to={`/connections/${connection.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>Edit</Button>
          </>
        )}
      />
      <Group gap="sm" mb="md" mt={-8}>
        <StatusDot connection={connection} />
        <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }} data-testid="tool-count">{plural(num(connection.tool_count), 'tool')}</Badge>
        {server && <Badge size="sm" variant="light" color="iris" style={{ textTransform: 'none' }}>{server}</Badge>}
        {!connection.is_active && <Badge size="sm" variant="outline" color="gray">Inactive</Badge>}
        {connection.signed_in_with_oauth ? <Badge size="sm" variant="light" color="teal">Signed in with OAuth</Badge> : <ExpiryBadge connection={connection} />}
      </Group>
      {connection.description && <Text size="sm" mb="md">{connection.description}</Text>}
      {connection.status === 'error' && connection.last_error && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="The last check failed" mb="md">{connection.last_error}</Alert>
      )}
      {connection.status === 'reauthorization_needed' && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Re-authorization needed" mb="md">
          {connection.last_error ?? 'The OAuth sign-in expired or was revoked and could not be renewed. Sign in with OAuth again to use this server.'}
        </Alert>
      )}
      <ToolBrowser connectionId={connection.id} tools={connection.tools ?? []} />
    </>
  );
}

export { ConnectionPage as Component };
