import { useEffect, useMemo, useState } from 'react';
import { useSearchParams, Link } from 'react-router';
import {
  ActionIcon, Affix, Anchor, Badge, Button, Card, Checkbox, Group, Pagination, Paper, Skeleton, Stack, Text, Tooltip, Transition,
  Autocomplete, ColorSwatch,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconCopy, IconPlayerPlay, IconPlus, IconTag, IconBooks, IconFilterOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { api, num, unwrap } from '@/lib/api/client';
import { typeLabel, type Prompt } from '@/lib/api/types';
import { copyText } from '@/lib/clipboard';
import { timeAgo, plural } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useCollections } from '@/features/collections/queries';
import { collectionColor } from '@/features/collections/colors';
import { promptKeys, tagsKey, usePromptList, useTags } from '../queries';
import { isFiltered, pageSize, readView, toFilters, writeView, type LibraryView } from './libraryParams';
import { LibraryFilters } from './LibraryFilters';
import { ScanBadge } from '@/features/scan/ScanBadge';

export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const [search, setSearch] = useState(view.q);
  const [debounced] = useDebouncedValue(search, 300);
  const update = (change: Partial<LibraryView>) => setParams(writeView({ ...view, page: 1, ...change }), { replace: true });

  useEffect(() => {
    if (debounced !== view.q) update({ q: debounced });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = usePromptList(toFilters(view));
  const tags = useTags();
  const collections = useCollections();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const prompts = list.data?.prompts ?? [];
  const total = num(list.data?.total);
  const collectionById = useMemo(() => new Map((collections.data ?? []).map((c) => [c.id, c])), [collections.data]);
  const activeCollection = view.collection ? collectionById.get(view.collection) : undefined;

  useHotkeys([['/', () => document.getElementById('library-search')?.focus()]]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = prompts.length > 0 && prompts.every((p) => selected.has(p.id));

  return (
    <>
      <PageHeader
        title={activeCollection ? activeCollection.name : 'Library'}
        description={list.data ? countLine(total, isFiltered(view)) : 'Your prompts and templates'}
        actions={
          <Button component={Link} to={activeCollection ? `/prompts/new?collection=${activeCollection.id}` : '/prompts/new'} leftSection={<IconPlus size={16} />}>
            New prompt
          </Button>
        }
      />

      <LibraryFilters view={view} update={update} search={search} onSearch={setSearch} total={list.data ? total : undefined} />

      {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}

      {list.isPending && (
        <Stack gap="sm" aria-busy="true" aria-label="Loading prompts">
          {[0, 1, 2, 3].map((i) => (
            <Card key={i} withBorder radius="md" p="md">
              <Skeleton h={18} w="35%" mb="sm" />
              <Skeleton h={12} w="90%" mb={6} />
              <Skeleton h={12} w="70%" />
            </Card>
          ))}
        </Stack>
      )}

      {list.isSuccess && prompts.length === 0 && (
        isFiltered(view) ? (
          <EmptyState icon={<IconFilterOff size={26} />} title="No prompts match" action={<Button variant="light" onClick={() => { setSearch(''); setParams(new URLSearchParams()); }}>Clear filters</Button>}>
            Try another search, or clear the filters to see your whole library.
          </EmptyState>
        ) : (
          <EmptyState icon={<IconBooks size={26} />} title="Your library is empty" action={<Button component={Link} to="/prompts/new" leftSection={<IconPlus size={16} />}>Write your first prompt</Button>}>
            Save a prompt you use often. Add <Text span className="pm-mono" c="iris">{'{{variables}}'}</Text> and it becomes a template you can fill in and render here or from any MCP client.
          </EmptyState>
        )
      )}

      {prompts.length > 0 && (
        <Stack gap="sm">
          <Group gap="xs" px={4}>
            <Checkbox
              aria-label="Select all on this page"
              checked={allOnPage}
              indeterminate={!allOnPage && prompts.some((p) => selected.has(p.id))}
              onChange={() => setSelected((s) => {
                const next = new Set(s);
                prompts.forEach((p) => (allOnPage ? next.delete(p.id) : next.add(p.id)));
                return next;
              })}
              label={<Text size="sm" c="dimmed">Select all on this page</Text>}
            />
          </Group>
          {prompts.map((p) => (
            <PromptCard
              key={p.id}
              prompt={p}
              selected={selected.has(p.id)}
              onToggle={() => toggle(p.id)}
              collection={p.collection_id ? collectionById.get(p.collection_id) : undefined}
              onTag={(tag) => update({ tag })}
            />
          ))}
          {total > pageSize && (
            <Group justify="center" mt="md">
              <Pagination total={Math.ceil(total / pageSize)} value={view.page} onChange={(page) => setParams(writeView({ ...view, page }))} aria-label="Pages" />
            </Group>
          )}
        </Stack>
      )}

      <BulkBar selected={selected} onClear={() => setSelected(new Set())} tagOptions={(tags.data ?? []).map((t) => t.name)} />
    </>
  );
}

function PromptCard({ prompt, selected, onToggle, collection, onTag }: {
  prompt: Prompt; selected: boolean; onToggle: () => void; collection?: { name: string; color: string } | undefined; onTag: (tag: string) => void;
}) {
  return (
    <Card withBorder radius="md" p="md" data-testid="prompt-card" style={selected ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Checkbox mt={3} aria-label={`Select ${prompt.title}`} checked={selected} onChange={onToggle} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/prompts/${prompt.id}`} fw={600} c="var(--mantine-color-text)" size="md">{prompt.title}</Anchor>
            {prompt.is_template && <Badge size="sm" variant="light" color="iris">Template</Badge>}
            {prompt.remixed_id && <Badge size="sm" variant="light" color="orange">Remix</Badge>}
            {prompt.type_id !== 'general' && <Badge size="sm" variant="outline" color="gray">{typeLabel(prompt.type_id)}</Badge>}
            {prompt.is_public && <Badge size="sm" variant="dot" color="teal">Public</Badge>}
            <ScanBadge scan={prompt.scan} />
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2} className="pm-mono">{prompt.prompt}</Text>
          <Group gap={6} wrap="wrap">
            {collection && (
              <Badge size="sm" variant="default" leftSection={<ColorSwatch color={collectionColor(collection.color)} size={8} />}>{collection.name}</Badge>
            )}
            {prompt.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="light" color="gray" style={{ cursor: 'pointer', textTransform: 'none' }} onClick={() => onTag(tag)}>#{tag}</Badge>
            ))}
            <Text size="xs" c="dimmed">v{num(prompt.version)} · updated {timeAgo(prompt.updated_at)}</Text>
          </Group>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Copy content">
            <ActionIcon variant="subtle" color="gray" aria-label={`Copy the content of ${prompt.title}`} onClick={() => copyText(prompt.prompt, 'Prompt copied')}>
              <IconCopy size={18} />
            </ActionIcon>
          </Tooltip>
          {prompt.is_template && (
            <Tooltip label="Use template">
              <ActionIcon component={Link} to={`/prompts/${prompt.id}/use`} variant="subtle" aria-label={`Use the template ${prompt.title}`}>
                <IconPlayerPlay size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
    </Card>
  );
}

function BulkBar({ selected, onClear, tagOptions }: { selected: Set<string>; onClear: () => void; tagOptions: string[] }) {
  const [tag, setTag] = useState('');
  const client = useQueryClient();
  const bulk = useMutation({
    mutationFn: () => unwrap(api.POST('/api/tags/bulk', { body: { tag: tag.trim(), prompt_ids: [...selected] } })),
    onSuccess: (result) => {
      notifySuccess(`Tagged ${plural(num(result.updated), 'prompt')} with #${result.tag}`);
      setTag('');
      onClear();
      client.invalidateQueries({ queryKey: promptKeys.all });
      client.invalidateQueries({ queryKey: tagsKey });
    },
    onError: (e) => notifyError(e, 'Could not tag the prompts'),
  });
  return (
    <Affix position={{ bottom: 24, left: 0, right: 0 }} zIndex={150} style={{ pointerEvents: 'none' }}>
      <Transition mounted={selected.size > 0} transition="slide-up">
        {(styles) => (
          <Group justify="center" style={{ ...styles, pointerEvents: 'none' }}>
            <Paper shadow="lg" withBorder radius="xl" px="md" py="xs" style={{ pointerEvents: 'auto' }} role="region" aria-label="Bulk actions">
              <form onSubmit={(e) => { e.preventDefault(); if (tag.trim()) bulk.mutate(); }}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" fw={600}>{selected.size} selected</Text>
                  <Autocomplete aria-label="Tag to add" placeholder="Add a tag…" data={tagOptions} value={tag} onChange={setTag} size="xs" w={180} leftSection={<IconTag size={14} />} />
                  <Button type="submit" size="xs" loading={bulk.isPending} disabled={!tag.trim()}>Apply tag</Button>
                  <Button size="xs" variant="subtle" color="gray" onClick={onClear}>Clear</Button>
                </Group>
              </form>
            </Paper>
          </Group>
        )}
      </Transition>
    </Affix>
  );
}

/** "12 prompts", or with filters "1 prompt matches" / "3 prompts match". */
function countLine(total: number, filtered: boolean) {
  if (!filtered) return plural(total, 'prompt');
  return `${plural(total, 'prompt')} ${total === 1 ? 'matches' : 'match'}`;
}

export { LibraryPage as Component };
