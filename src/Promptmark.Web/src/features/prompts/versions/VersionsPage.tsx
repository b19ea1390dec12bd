import { Link, useParams } from 'react-router';
import { Badge, Button, Grid, Group, NavLink, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title, ScrollArea } from '@mantine/core';
import { useState } from 'react';
import { IconHistory, IconRestore } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import type { Prompt, PromptHistory, VersionSummary } from '@/lib/api/types';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { formatDate, timeAgo, plural } from '@/lib/format';
import { useConfirmedRestore } from '@/lib/useConfirmedRestore';
import { promptKeys, usePrompt, useVersions } from '../queries';
import { DiffView } from './DiffView';
import { LabelsPanel } from './LabelsPanel';

/** `/prompts/:id/versions` and `/prompts/:id/versions/:number`: history with notes and labels, compare any two versions, restore. */
export function VersionsPage() {
  const { id = '', number } = useParams();
  const prompt = usePrompt(id);
  const history = useVersions(id);
  if (prompt.isPending || history.isPending) return <PageSkeleton />;
  if (prompt.isError) return <ErrorState error={prompt.error} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  const versions = history.data.versions;
  if (versions.length === 0) {
    return (
      <EmptyState icon={<IconHistory size={26} />} title="No earlier versions yet">
        Every time you change the title, content or notes and save, the previous state is kept here as a numbered version you can compare and restore.
      </EmptyState>
    );
  }
  const selected = versions.find((v) => String(num(v.number)) === number) ?? versions[0]!;
  return <History key={selected.id} prompt={prompt.data} history={history.data} selected={selected} />;
}

/** The labels pointing at a version, as badges. */
function LabelBadges({ labels, version }: { labels: PromptHistory['labels']; version: number }) {
  const names = Object.entries(labels).filter(([, to]) => num(to) === version).map(([name]) => name).sort();
  return <>{names.map((name) => <Badge key={name} size="xs" variant="light" color={name === 'production' ? 'green' : 'blue'} tt="none">{name}</Badge>)}</>;
}

/** What the author said changed in a state, and the version it was restored from. */
function stateLine(note: string | null, restoredFrom: number | string | null) {
  const restored = restoredFrom != null ? `restored from v${num(restoredFrom)}` : null;
  return [note, restored].filter(Boolean).join(' · ');
}

function History({ prompt, history, selected }: { prompt: Prompt; history: PromptHistory; selected: VersionSummary }) {
  const client = useQueryClient();
  const versions = history.versions;
  const current = num(history.current_version);
  const selectedNumber = num(selected.number);
  const said = stateLine(selected.note, selected.restored_from);
  const [view, setView] = useState<'diff' | 'text'>('diff');
  // Compare the version on screen with the current text unless the reader picks two others.
  const [from, setFrom] = useState(selectedNumber);
  const [to, setTo] = useState(current);
  const base = `/prompts/${prompt.id}/versions`;
  const numbers = [current, ...versions.map((v) => num(v.number))];
  const nameOf = (n: number) => (n === current ? `v${n} (current)` : `v${n}`);
  const choices = numbers.map((n) => ({ value: String(n), label: nameOf(n) }));

  const diff = useQuery({
    queryKey: ['prompts', 'diff', prompt.id, from, to, current],
    queryFn: () => unwrap(api.GET('/api/prompts/{id}/versions/{a}/diff/{b}', { params: { path: { id: prompt.id, a: from, b: to } } })),
    enabled: from !== to,
  });
  const version = useQuery({
    queryKey: ['versions', selected.id],
    queryFn: () => unwrap(api.GET('/api/versions/{version_id}', { params: { path: { version_id: selected.id } } })),
    enabled: view === 'text',
  });

  const restore = useConfirmedRestore({
    what: 'The title, content and notes',
    restore: (versionId) => unwrap(api.POST('/api/prompts/{prompt_id}/versions/{version_id}/restore', { params: { path: { prompt_id: prompt.id, version_id: versionId } } })),
    restored: (restored) => {
      client.setQueryData(promptKeys.one(prompt.id), restored);
      client.invalidateQueries({ queryKey: promptKeys.all });
    },
    then: `/prompts/${prompt.id}`,
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper withBorder radius="md" p="xs" component="nav" aria-label="Versions">
          <NavLink label={<Group gap={6}><Text size="sm" fw={600}>v{current}</Text><Badge size="xs" variant="light">current</Badge><LabelBadges labels={history.labels} version={current} /></Group>}
            description={<>{`edited ${timeAgo(prompt.updated_at)}`}<StateLine note={history.current_note} restoredFrom={history.current_restored_from} /></>}
            component={Link} to={`/prompts/${prompt.id}`} style={{ borderRadius: 8 }} />
          <ScrollArea.Autosize mah={520}>
            {versions.map((v) => (
              <NavLink
                key={v.id}
                component={Link}
                to={`${base}/${num(v.number)}`}
                active={v.id === selected.id}
                label={<Group gap={6}><Text size="sm" fw={600}>v{num(v.number)} <Text span size="sm" fw={400} c="dimmed">· {v.title}</Text></Text><LabelBadges labels={history.labels} version={num(v.number)} /></Group>}
                description={<>{`${timeAgo(v.created_at)} · ${plural(num(v.content_length), 'char')}`}<StateLine note={v.note} restoredFrom={v.restored_from} /></>}
                style={{ borderRadius: 8 }}
              />
            ))}
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Title order={2} size="h4">Version {selectedNumber}</Title>
              <Text size="sm" c="dimmed">Replaced {formatDate(selected.created_at)}</Text>
              {said && <Text size="sm" data-testid="version-note">{said}</Text>}
            </Stack>
            <Group gap="xs">
              <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as 'diff' | 'text')} data={[{ value: 'diff', label: 'Changes' }, { value: 'text', label: 'Full text' }]} aria-label="Show" />
              <Button leftSection={<IconRestore size={16} />} onClick={() => restore.confirm({ id: selected.id, number: selectedNumber, current })} loading={restore.pending}>Restore this version</Button>
            </Group>
          </Group>
          {view === 'diff' && (
            <>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Select label="Compare" w={150} allowDeselect={false} data={choices} value={String(from)} onChange={(v) => setFrom(Number(v))} />
                <Select label="with" w={150} allowDeselect={false} data={choices} value={String(to)} onChange={(v) => setTo(Number(v))} />
                {diff.data && from !== to && <Text size="sm" c="dimmed" pb={6}>{num(diff.data.added)} added, {num(diff.data.removed)} removed</Text>}
              </Group>
              {from === to && <Text size="sm" c="dimmed">Pick two different versions to compare.</Text>}
              {from !== to && diff.isPending && <Skeleton h={200} />}
              {diff.isError && <ErrorState error={diff.error} onRetry={() => diff.refetch()} />}
              {diff.data && (diff.data.lines.length === 0 || (num(diff.data.added) === 0 && num(diff.data.removed) === 0)) && (
                <Text size="sm" c="dimmed">The content of {nameOf(from)} and {nameOf(to)} is the same{diff.data.title_a !== diff.data.title_b ? ` (the titles are “${diff.data.title_a}” and “${diff.data.title_b}”)` : ''}.</Text>
              )}
              {diff.data && (num(diff.data.added) > 0 || num(diff.data.removed) > 0) && (
                <DiffView lines={diff.data.lines} oldLabel={`${nameOf(from)} · ${diff.data.title_a}`} newLabel={`${nameOf(to)} · ${diff.data.title_b}`} />
              )}
            </>
          )}
          {view === 'text' && (
            <Paper withBorder radius="md" p="md">
              {version.isPending && <Skeleton h={120} />}
              {version.isError && <ErrorState error={version.error} />}
              {version.data && (
                <Stack gap="sm">
                  <Text fw={600}>{version.data.title}</Text>
                  <Text className="pm-mono" size="sm">{version.data.prompt}</Text>
                  {version.data.notes && <Text size="sm" c="dimmed">Notes: {version.data.notes}</Text>}
                </Stack>
              )}
            </Paper>
          )}
          <LabelsPanel promptId={prompt.id} labels={history.labels} numbers={numbers} current={current} selected={selectedNumber} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function StateLine({ note, restoredFrom }: { note: string | null; restoredFrom: number | string | null }) {
  const line = stateLine(note, restoredFrom);
  return line ? <Text component="span" display="block" size="xs" lineClamp={2}>{line}</Text> : null;
}

export { VersionsPage as Component };
