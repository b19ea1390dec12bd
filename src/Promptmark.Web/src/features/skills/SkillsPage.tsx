import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconFilterOff, IconPlus, IconSearch, IconSparkles } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ListPagination } from '@/components/ListPagination';
import { ErrorState } from '@/components/ErrorState';
import { num } from '@/lib/api/client';
import type { SkillSummary } from '@/lib/api/types';
import { plural, timeAgo } from '@/lib/format';
import { useSkillList } from './queries';

const pageSize = 20;

/** `/skills?q=&page=`: your skills, searchable by name, title or description. */
export function SkillsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  const go = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    const np = next.page ?? 1;
    if (nq) p.set('q', nq);
    if (np > 1) p.set('page', String(np));
    setParams(p, { replace: true });
  };

  useEffect(() => {
    if (debounced.trim() !== q) go({ q: debounced.trim(), page: 1 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = useSkillList({ search: q || undefined, page, page_size: pageSize });
  const skills = list.data?.skills ?? [];
  const total = num(list.data?.total);
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <PageHeader
        title="Skills"
        description={list.data ? `${plural(total, 'skill')}${q ? ' match' : ''}` : 'Agent skills as SKILL.md files'}
        actions={<Button component={Link} to="/skills/new" leftSection={<IconPlus size={16} />}>New skill</Button>}
      />
      <TextInput
        mb="md"
        placeholder="Search names, titles and descriptions…"
        aria-label="Search skills"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending && (
        <Stack gap="sm" aria-busy="true">{[0, 1, 2].map((i) => <Skeleton key={i} h={84} radius="md" />)}</Stack>
      )}
      {list.data && skills.length === 0 && (q ? (
        <EmptyState icon={<IconFilterOff size={26} />} title="No skills match" action={<Button variant="light" onClick={() => { setSearch(''); go({ q: '' }); }}>Clear search</Button>}>
          Nothing is named or described like “{q}”.
        </EmptyState>
      ) : (
        <EmptyState icon={<IconSparkles size={26} />} title="No skills yet" action={<Button component={Link} to="/skills/new" leftSection={<IconPlus size={16} />}>Create your first skill</Button>}>
          A skill is a SKILL.md: front matter naming and describing it, then instructions an agent follows when the skill applies.
        </EmptyState>
      ))}
      {skills.length > 0 && (
        <Stack gap="sm" aria-label="Skills" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {skills.map((s) => <SkillCard key={s.id} skill={s} />)}
        </Stack>
      )}
      <ListPagination pages={pages} page={page} onChange={(p) => go({ page: p })} />
    </>
  );
}

function SkillCard({ skill }: { skill: SkillSummary }) {
  const findings = num(skill.finding_count);
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Text fz={28} lh={1} aria-hidden>{skill.icon_emoji || '✨'}</Text>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/skills/${skill.id}`} fw={600} c="var(--mantine-color-text)">{skill.title || skill.name}</Anchor>
            <Text size="xs" c="dimmed" ff="monospace">{skill.name}</Text>
            {skill.is_draft && <Badge size="sm" variant="light" color="gray">Draft</Badge>}
            {findings > 0 && (
              <Tooltip label="The content scan flagged parts of this SKILL.md">
                <Badge size="sm" variant="light" color="orange" leftSection={<IconAlertTriangle size={12} />}>{plural(findings, 'finding')}</Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2}>{skill.description}</Text>
          <Group gap={6}>
            {skill.tags.map((t) => <Badge key={t} size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>#{t}</Badge>)}
            <Text size="xs" c="dimmed">v{num(skill.version)} · updated {timeAgo(skill.updated_at)}</Text>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

export { SkillsPage as Component };
