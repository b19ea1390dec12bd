import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, List, Paper, Stack, Switch, TagsInput, Text, TextInput, Title,
} from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Skill } from '@/lib/api/types';
import { formatDate, plural } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useConfirmedDelete } from '@/lib/useConfirmedDelete';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { PageHeader } from '@/components/PageHeader';
import { EditorSaveBar } from '@/components/EditorSaveBar';
import { PromptContentEditor } from '@/features/prompts/editor/PromptContentEditor';
import { useSaveShortcut } from '@/lib/useSaveShortcut';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import { ContentScanPanel } from '@/features/scan/ContentScanPanel';
import { skillKeys, useSkill } from './queries';
import { emptySkillForm, isSkillDirty, skillBody, skillFieldErrors, skillFormOf, starterSkill, type SkillForm } from './skillForm';

/** `/skills/new` and `/skills/:id`: a SKILL.md with its display fields, its scan findings, save and delete. */
export function SkillEditorPage() {
  const { id } = useParams();
  const skill = useSkill(id);
  if (id && skill.isPending) return <PageSkeleton />;
  if (id && skill.isError) return <ErrorState error={skill.error} onRetry={() => skill.refetch()} />;
  return <Editor key={id ?? 'new'} saved={skill.data} />;
}

function Editor({ saved }: { saved: Skill | undefined }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const initial = useMemo(() => (saved ? skillFormOf(saved) : emptySkillForm), [saved]);
  const [form, setForm] = useState<SkillForm>(initial);
  const baseline = useRef(initial);
  const set = <K extends keyof SkillForm>(key: K, value: SkillForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    if (!isSkillDirty(baseline.current, form)) setForm(initial);
    baseline.current = initial;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  const dirty = isSkillDirty(initial, form);
  const allowLeaving = useUnsavedGuard(saved ? dirty : dirty && form.content !== starterSkill);

  const save = useMutation({
    mutationFn: (): Promise<Skill> =>
      saved
        ? unwrap(api.PUT('/api/skills/{id}', { params: { path: { id: saved.id } }, body: skillBody(form) }))
        : unwrap(api.POST('/api/skills', { body: skillBody(form) })),
    onSuccess: (result) => {
      client.setQueryData(skillKeys.one(result.id), result);
      client.invalidateQueries({ queryKey: ['skills', 'list'] });
      const flagged = result.findings.length > 0 ? ` — the scan flagged ${plural(result.findings.length, 'part')}` : '';
      if (!saved) {
        allowLeaving();
        notifySuccess(`Skill created${flagged}`);
        navigate(`/skills/${result.id}`, { replace: true });
      } else {
        notifySuccess(`Saved as version ${num(result.version)}${flagged}`);
      }
    },
    onError: (e) => { if (!(e instanceof ApiError && e.status === 400)) notifyError(e, 'Could not save'); },
  });

  const remove = useConfirmedDelete({
    title: 'Delete this skill?',
    consequence: <>“{saved?.title || saved?.name}” will be removed from your skills and from MCP clients.</>,
    remove: () => unwrap(api.DELETE('/api/skills/{id}', { params: { path: { id: saved!.id } } })),
    invalidate: skillKeys.all,
    done: 'Skill deleted',
    then: '/skills',
    beforeLeaving: allowLeaving,
  });

  const problems = save.error instanceof ApiError && save.error.status === 400 ? skillFieldErrors(save.error.fieldErrors) : null;
  const submit = () => { if (!save.isPending && (dirty || !saved)) save.mutate(); };
  useSaveShortcut(submit);

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to="/skills" size="sm">Skills</Anchor>
      <Text size="sm">{saved ? saved.name : 'New skill'}</Text>
    </Breadcrumbs>
  );

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={saved ? 'Edit skill' : 'New skill'}>
      <PageHeader
        before={crumbs}
        title={saved ? <Group gap="sm" component="span"><span aria-hidden>{saved.icon_emoji || '✨'}</span>{saved.title || saved.name}</Group> : 'New skill'}
        description={saved
          ? <>{saved.description}</>
          : 'A skill is a SKILL.md: YAML front matter with a name and a description, then the instructions. Start from the template below.'}
      />
      {saved && (
        <Group gap="xs" mb="md" mt={-8}>
          <Badge variant="light" color="gray" style={{ textTransform: 'none' }} ff="monospace">{saved.name}</Badge>
          <Badge variant="light" color="iris">Version {num(saved.version)}</Badge>
          {saved.is_draft && <Badge variant="light" color="gray">Draft</Badge>}
          <Text size="xs" c="dimmed">Updated {formatDate(saved.updated_at)}</Text>
        </Group>
      )}
      <EditorSaveBar
        saved={!!saved} dirty={dirty} saving={save.isPending} deleting={remove.pending} createLabel="Create skill"
        onDelete={remove.confirm} onDiscard={() => setForm(initial)}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            {problems && problems.content.length > 0 && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="The SKILL.md is not valid yet" data-testid="skill-problems">
                <List size="sm" spacing={4}>
                  {problems.content.map((p, i) => (
                    <List.Item key={i}>{p.part && <Text span fw={600} size="sm">{p.part}: </Text>}{p.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <PromptContentEditor
              label="SKILL.md"
              description="Front matter between --- lines: name (lowercase letters, digits and hyphens) and description are required."
              value={form.content}
              error={problems && problems.content.length > 0 ? 'Fix the problems listed above.' : problems?.fields.content}
              onChange={(v) => set('content', v)}
              minHeight={420}
            />
            {!saved && form.content !== starterSkill && (
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => set('content', starterSkill)}>Start over from the template</Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={2} size="h5">Details</Title>
                <TextInput label="Title" description="Shown instead of the name; optional." placeholder="e.g. PR reviewer" value={form.title} onChange={(e) => set('title', e.currentTarget.value)} error={problems?.fields.title} />
                <TextInput label="Icon" description="One emoji." placeholder="✨" maw={140} value={form.icon_emoji} onChange={(e) => set('icon_emoji', e.currentTarget.value)} error={problems?.fields.icon_emoji} />
                <TagsInput label="Tags" placeholder="Add a tag and press Enter" value={form.tags} onChange={(v) => set('tags', v)} clearable error={problems?.fields.tags} />
                <Switch label="Draft" description="Still being written" checked={form.is_draft} onChange={(e) => set('is_draft', e.currentTarget.checked)} />
              </Stack>
            </Paper>
            {saved && <ContentScanPanel findings={saved.findings} what="the SKILL.md" />}
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}

export { SkillEditorPage as Component };
