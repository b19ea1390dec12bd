import { Anchor, Badge, Breadcrumbs, Group, Tabs, Text } from '@mantine/core';
import { IconEdit, IconHistory, IconPlayerPlay, IconPlugConnected } from '@tabler/icons-react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { usePlaybook } from './queries';

/** `/playbooks/:id/*`: the playbook's header and its tabs (edit, versions, runs). */
export function PlaybookLayout() {
  const { id } = useParams();
  const playbook = usePlaybook(id);
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/playbooks/${id}`;
  const section = location.pathname.slice(base.length).split('/')[1];
  const tab = section === 'versions' || section === 'runs' || section === 'connect' ? section : 'edit';

  if (playbook.isPending) return <PageSkeleton />;
  if (playbook.isError) return <ErrorState error={playbook.error} onRetry={() => playbook.refetch()} />;
  const p = playbook.data;

  return (
    <>
      <PageHeader
        before={<Breadcrumbs><Anchor component={Link} to="/playbooks" size="sm">Playbooks</Anchor><Text size="sm" truncate maw={360}>{p.title}</Text></Breadcrumbs>}
        title={p.title}
        description={
          <Group gap="xs" component="span">
            <span>Version {num(p.version)} · {plural(num(p.step_count), 'step')}</span>
            {p.artifact_type && <Badge size="sm" variant="light" color="gray" tt="none">{p.artifact_type}</Badge>}
          </Group>
        }
      />
      <Tabs value={tab} onChange={(t) => navigate(t === 'edit' ? base : `${base}/${t}`)} mb="lg" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit" leftSection={<IconEdit size={16} />}>Edit</Tabs.Tab>
          <Tabs.Tab value="versions" leftSection={<IconHistory size={16} />}>Versions</Tabs.Tab>
          <Tabs.Tab value="runs" leftSection={<IconPlayerPlay size={16} />}>Runs</Tabs.Tab>
          <Tabs.Tab value="connect" leftSection={<IconPlugConnected size={16} />}>Connect</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}

export { PlaybookLayout as Component };
