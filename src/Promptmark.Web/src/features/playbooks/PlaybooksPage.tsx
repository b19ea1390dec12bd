import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, TagsInput, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFilterOff, IconPlus, IconRoute, IconSearch, IconTag } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ListPagination } from '@/components/ListPagination';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import type { Playbook } from '@/lib/api/types';
import { plural, timeAgo } from '@/lib/format';
import { usePlaybookList } from './queries';

const pageSize = 20;

/** `/playbooks?q=&tags=a,b&page=`: your playbooks, searched by name and filtered by tags (every tag must be on a playbook). */
export function PlaybooksPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tags = (params.get('tags') ?? '').split(',').filter(Boolean);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  const go = (next: { q?: string; tags?: string[]; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const nt = next.tags ?? tags;
    const np = next.page ?? 1;
    if (nq) p.set('q', nq);
    if (nt.length > 0) p.set('tags', nt.join(','));
    if (np > 1) p.set('page', String(np));
    setParams(p, { replace: true });
  };

  useEffect(() => {
    if (debounced.trim() !== q) go({ q: debounced.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = usePlaybookList({ search: q || undefined, tags: tags.length > 0 ? tags.join(',') : undefined, page, page_size: pageSize });
  const playbooks = list.data?.playbooks ?? [];
  const total = num(list.data?.total);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = !!q || tags.length > 0;
  const seenTags = [...new Set([...tags, ...playbooks.flatMap((p) => p.tags)])];
  const addTag = (tag: string) => { if (!tags.includes(tag)) go({ tags: [...tags, tag] }); };
  const newPlaybook = <Button component={Link} to="/playbooks/new" leftSection={<IconPlus size={16} />}>New playbook</Button>;

  return (
    <>
      <PageHeader
        title="Playbooks"
        description={list.data ? `${plural(total, 'playbook')}${filtered ? (total === 1 ? ' matches' : ' match') : ''}` : 'Multi-step AI workflows written as PLAYBOOK.md'}
        actions={newPlaybook}
      />
      <Group gap="sm" mb="md" wrap="wrap" align="flex-start">
        <TextInput
          placeholder="Search names…"
          aria-label="Search playbooks"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <TagsInput
          aria-label="Filter by tags"
          placeholder={tags.length > 0 ? '' : 'Filter by tags'}
          leftSection={<IconTag size={14} />}
          data={seenTags}
          value={tags}
          onChange={(next) => go({ tags: next.map((t) => t.trim()).filter(Boolean) })}
          clearable
          style={{ flex: '1 1 220px' }}
        />
      </Group>
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && (
        <Stack gap="sm" aria-busy="true" aria-label="Loading playbooks">{[0, 1, 2].map((i) => <Skeleton key={i} h={92} radius="md" />)}</Stack>
      )}
      {list.isSuccess && playbooks.length === 0 && (filtered ? (
        <EmptyState icon={<IconFilterOff size={26} />} title="No playbooks match" action={<Button variant="light" onClick={() => { setSearch(''); go({ q: '', tags: [] }); }}>Clear filters</Button>}>
          Try another search, or clear the filters to see all your playbooks.
        </EmptyState>
      ) : (
        <EmptyState icon={<IconRoute size={26} />} title="No playbooks yet" action={newPlaybook}>
          A playbook is a workflow in markdown: inputs, then numbered steps, each one an AI call that sees what the steps before it found.
          Start from a small example and make it yours.
        </EmptyState>
      ))}
      {playbooks.length > 0 && (
        <Stack gap="sm" aria-label="Playbooks" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {playbooks.map((p) => <PlaybookCard key={p.id} playbook={p} onTag={addTag} />)}
        </Stack>
      )}
      <ListPagination pages={pages} page={page} onChange={(p) => go({ page: p })} />
    </>
  );
}

function PlaybookCard({ playbook, onTag }: { playbook: Playbook; onTag: (tag: string) => void }) {
  const findings = playbook.scan.findings.length;
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="playbook-card">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/playbooks/${playbook.id}`} fw={600} c="var(--mantine-color-text)">{playbook.title}</Anchor>
          <Badge size="sm" variant="light">{plural(num(playbook.step_count), 'step')}</Badge>
          {playbook.artifact_type && <Badge size="sm" variant="default" tt="none">{playbook.artifact_type}</Badge>}
          {findings > 0 && (
            <Tooltip label="The content scan flagged parts of this playbook">
              <Badge size="sm" variant="light" color="orange" leftSection={<IconAlertTriangle size={12} />}>{plural(findings, 'finding')}</Badge>
            </Tooltip>
          )}
        </Group>
        {playbook.description && <Text size="sm" c="dimmed" lineClamp={2}>{playbook.description}</Text>}
        <Group gap={6} wrap="wrap">
          {playbook.tags.map((t) => (
            <UnstyledButton key={t} onClick={() => onTag(t)} aria-label={`Filter by the tag ${t}`}>
              <Badge size="sm" variant="light" color="gray" tt="none" style={{ cursor: 'pointer' }}>#{t}</Badge>
            </UnstyledButton>
          ))}
          <Text size="xs" c="dimmed">v{num(playbook.version)} · updated {timeAgo(playbook.updated_at)}</Text>
        </Group>
      </Stack>
    </Card>
  );
}

export { PlaybooksPage as Component };
