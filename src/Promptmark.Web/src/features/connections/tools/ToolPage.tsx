import { Link, useParams } from 'react-router';
import { Anchor, Breadcrumbs, Button, Code, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { plural, timeAgo } from '@/lib/format';
import { useConnection, useTool } from '../queries';
import { useFavoriteTool } from '../useConnectionActions';
import { TryIt } from './TryIt';
import { ToolExecutions } from './ToolExecutions';

/** `/connections/:id/tools/:toolName`: a tool's description and input schema, "Try it", and its runs. */
export function ToolPage() {
  const { id, toolName } = useParams();
  const tool = useTool(id!, toolName!);
  const connection = useConnection(id);
  const favorite = useFavoriteTool(id!);
  if (tool.isPending) return <PageSkeleton />;
  if (tool.isError) return <ErrorState error={tool.error} onRetry={() => tool.refetch()} />;
  const t = tool.data;

  return (
    <>
      <PageHeader
        before={(
          <Breadcrumbs>
            <Anchor component={Link} to="/connections" size="sm">Connections</Anchor>
            <Anchor component={Link} to={`/connections/${id}`} size="sm">{connection.data?.name ?? 'Connection'}</Anchor>
            <Text size="sm">{t.name}</Text>
          </Breadcrumbs>
        )}
        title={<Text span inherit ff="monospace">{t.name}</Text>}
        description={t.title && t.title !== t.name ? t.title : `${plural(num(t.parameter_count), 'parameter')} · cached ${timeAgo(t.cached_at)}`}
        actions={(
          <Button variant={t.is_favorite ? 'light' : 'default'} color={t.is_favorite ? 'yellow' : undefined} aria-pressed={t.is_favorite}
            leftSection={t.is_favorite ? <IconStarFilled size={16} /> : <IconStar size={16} />} loading={favorite.isPending}
            onClick={() => favorite.mutate({ toolName: t.name, favorite: !t.is_favorite })}>
            {t.is_favorite ? 'Favourite' : 'Add to favourites'}
          </Button>
        )}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {t.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{t.description}</Text>}
            <TryIt key={t.name} tool={t} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="schema-title">
            <Title order={2} size="h5" id="schema-title" mb="xs">Input schema</Title>
            <Code block style={{ maxHeight: 420, overflow: 'auto' }} data-testid="input-schema">{JSON.stringify(t.input_schema, null, 2)}</Code>
          </Paper>
        </Grid.Col>
      </Grid>
      <ToolExecutions connectionId={id!} toolName={t.name} />
    </>
  );
}

export { ToolPage as Component };
