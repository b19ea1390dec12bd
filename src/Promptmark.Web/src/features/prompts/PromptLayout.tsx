import { Anchor, Badge, Breadcrumbs, Group, Tabs, Text } from '@mantine/core';
import { IconEdit, IconHistory, IconMessage2, IconPlayerPlay } from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { typeLabel } from '@/lib/api/types';
import { usePrompt } from './queries';
import { RunInConversationButton } from './RunInConversationButton';
import classes from './PromptTabs.module.css';

/** `/prompts/:id/*`: the prompt's header and its tabs (edit, use, versions, responses). */
export function PromptLayout() {
  const { id } = useParams();
  const prompt = usePrompt(id);
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/prompts/${id}`;
  const rest = location.pathname.slice(base.length).split('/')[1] ?? '';
  const tab = ['use', 'versions', 'responses'].includes(rest) ? rest : 'edit';

  if (prompt.isPending) return <PageSkeleton />;
  if (prompt.isError) return <ErrorState error={prompt.error} onRetry={() => prompt.refetch()} />;
  const p = prompt.data;

  return (
    <>
      <PageHeader
        before={<Breadcrumbs><Anchor component={Link} to="/" size="sm">Library</Anchor><Text size="sm" truncate maw={360}>{p.title}</Text></Breadcrumbs>}
        title={
          <Group gap="sm" component="span">
            <span>{p.title}</span>
            {p.is_template && <Badge variant="light">Template</Badge>}
            {p.type_id !== 'general' && <Badge variant="outline" color="gray">{typeLabel(p.type_id)}</Badge>}
          </Group>
        }
        description={`Version ${num(p.version)}`}
        actions={<RunInConversationButton prompt={p} />}
      />
      <Tabs value={tab} onChange={(t) => navigate(t === 'edit' ? base : `${base}/${t}`)} mb="lg" keepMounted={false} classNames={{ list: classes.list, tab: classes.tab, tabSection: classes.section }}>
        <Tabs.List>
          <Tabs.Tab value="edit" leftSection={<IconEdit size={16} />}>Edit</Tabs.Tab>
          <Tabs.Tab value="use" leftSection={<IconPlayerPlay size={16} />}>{p.is_template ? 'Use template' : 'Use'}</Tabs.Tab>
          <Tabs.Tab value="versions" leftSection={<IconHistory size={16} />}>Versions</Tabs.Tab>
          <Tabs.Tab value="responses" leftSection={<IconMessage2 size={16} />}>Responses</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}

export { PromptLayout as Component };
