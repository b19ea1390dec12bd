import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Anchor, Breadcrumbs, Button, Grid, Group, Paper, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EditorView } from '@codemirror/view';
import { api, num, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Playbook } from '@/lib/api/types';
import { plural } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useConfirmedDelete } from '@/lib/useConfirmedDelete';
import { useSaveShortcut } from '@/lib/useSaveShortcut';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import { CodeEditor } from '@/components/CodeEditor';
import { EditorSaveBar } from '@/components/EditorSaveBar';
import { ErrorState } from '@/components/ErrorState';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { revealLine } from '@/components/lineDiagnostics';
import { ModelPicker } from '@/features/providers/ModelPicker';
import { ContentScanPanel } from '@/features/scan/ContentScanPanel';
import { playbookKeys, usePlaybook, usePlaybookValidation } from './queries';
import { playbookLanguage } from './playbookLanguage';
import { playbookOutline } from './playbookOutline';
import { changedFields, isDirty } from '@/lib/formChanges';
import { diagnosticsOf, emptyPlaybookForm, newPlaybookBody, playbookBody, playbookFormOf, starterPlaybook, type PlaybookForm } from './playbookForm';
import { ValidationPanel } from './ValidationPanel';
import { OutlinePanel } from './OutlinePanel';

/** `/playbooks/new` and the Edit tab of `/playbooks/:id`: PLAYBOOK.md checked as it is typed, its outline, its details, save and delete. */
export function PlaybookEditorPage() {
  const { id } = useParams();
  const playbook = usePlaybook(id);
  if (id && playbook.isPending) return <PageSkeleton />;
  if (id && playbook.isError) return <ErrorState error={playbook.error} onRetry={() => playbook.refetch()} />;
  return <Editor key={id ?? 'new'} saved={playbook.data} />;
}

function Editor({ saved }: { saved: Playbook | undefined }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const initial = useMemo(() => (saved ? playbookFormOf(saved) : emptyPlaybookForm), [saved]);
  const [form, setForm] = useState<PlaybookForm>(initial);
  const baseline = useRef(initial);
  const view = useRef<EditorView | null>(null);
  // On a phone the problems and the outline come below the editor: a shorter editor keeps them in reach.
  const phone = useMediaQuery('(max-width: 48em)');
  const set = <K extends keyof PlaybookForm>(key: K, value: PlaybookForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // When the saved playbook changes underneath (after a save or a restore), adopt it if there are no local edits.
  useEffect(() => {
    if (!isDirty(baseline.current, form)) setForm(initial);
    baseline.current = initial;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  const validation = usePlaybookValidation(form.content, saved && { content: saved.content, result: saved.definition });
  const parsed = validation.result;
  // Diagnostics are placed on the text they were found in; while typing, the last ones follow the edits.
  const [diagnostics, setDiagnostics] = useState(() => diagnosticsOf(parsed));
  useEffect(() => {
    if (validation.resultFor === form.content) setDiagnostics(diagnosticsOf(parsed));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, validation.resultFor]);
  const outline = useMemo(() => playbookOutline(parsed?.definition, validation.resultFor ?? form.content), [parsed, validation.resultFor, form.content]);
  const outputs = useMemo(() => {
    const steps = (parsed?.definition?.steps ?? []).flatMap((s) => [s, ...(s.branches ?? []).flatMap((b) => b.steps)]);
    return [...new Set(steps.map((s) => s.output_var).filter(Boolean))];
  }, [parsed]);

  const dirty = isDirty(initial, form);
  const allowLeaving = useUnsavedGuard(saved ? dirty : dirty && form.content !== starterPlaybook);

  const save = useMutation({
    mutationFn: (): Promise<Playbook> => {
      const title = parsed?.definition?.title;
      return saved
        ? unwrap(api.PATCH('/api/playbooks/{id}', { params: { path: { id: saved.id } }, body: playbookBody(changedFields(initial, form), title) }))
        : unwrap(api.POST('/api/playbooks', { body: newPlaybookBody(form, title) }));
    },
    onSuccess: (result) => {
      const savedForm = playbookFormOf(result);
      baseline.current = savedForm;
      setForm(savedForm);
      client.setQueryData(playbookKeys.one(result.id), result);
      client.invalidateQueries({ queryKey: ['playbooks', 'list'] });
      client.invalidateQueries({ queryKey: playbookKeys.versions(result.id) });
      const flagged = result.scan.findings.length > 0 ? ` — the content scan flagged ${plural(result.scan.findings.length, 'part')}` : '';
      if (!saved) {
        allowLeaving();
        notifySuccess(`Playbook created${flagged}`);
        navigate(`/playbooks/${result.id}`, { replace: true });
      } else {
        notifySuccess(`Saved as version ${num(result.version)}${flagged}`);
      }
    },
    onError: (e) => notifyError(e, 'Could not save'),
  });

  const remove = useConfirmedDelete({
    title: 'Delete this playbook?',
    consequence: <>“{saved?.title}” leaves your playbooks, with its versions.</>,
    remove: () => unwrap(api.DELETE('/api/playbooks/{id}', { params: { path: { id: saved!.id } } })),
    invalidate: playbookKeys.all,
    done: 'Playbook deleted',
    then: '/playbooks',
    beforeLeaving: allowLeaving,
  });

  const fieldError = (name: string) => (save.error instanceof ApiError ? save.error.field(name) : undefined);
  const submit = () => { if (!save.isPending && (dirty || !saved)) save.mutate(); };
  useSaveShortcut(submit);
  const goTo = (line: number) => { if (view.current) revealLine(view.current, line); };

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={saved ? 'Edit playbook' : 'New playbook'}>
      {!saved && (
        <PageHeader
          before={<Breadcrumbs><Anchor component={Link} to="/playbooks" size="sm">Playbooks</Anchor><Text size="sm">New playbook</Text></Breadcrumbs>}
          title="New playbook"
          description="A playbook is a PLAYBOOK.md: a # title, optional ## INPUTS, then ## STEP sections run one after another. Start from the example below."
        />
      )}
      <EditorSaveBar
        saved={!!saved} dirty={dirty} saving={save.isPending} deleting={remove.pending} createLabel="Create playbook"
        onDelete={remove.confirm} onDiscard={() => setForm(initial)}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xs">
            <CodeEditor
              label="PLAYBOOK.md"
              description="Steps, {{variables}}, @output / @elicit / @prompt / @tool directives and ```if``` branches are checked as you type."
              value={form.content}
              onChange={(v) => set('content', v)}
              error={fieldError('content')}
              language={playbookLanguage}
              diagnostics={diagnostics}
              viewRef={view}
              minHeight={phone ? 300 : 520}
              testId="playbook-content"
            />
            {!saved && form.content !== starterPlaybook && (
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => set('content', starterPlaybook)}>Start over from the example</Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ValidationPanel validation={validation} diagnostics={diagnostics} empty={!form.content.trim()} onGoTo={goTo} />
            <OutlinePanel items={outline} outputs={outputs} onGoTo={goTo} />
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="playbook-details">
              <Stack gap="sm">
                <Title order={2} size="h5" id="playbook-details">Details</Title>
                <TextInput
                  label="Name" description="Left empty, the playbook is named after its # title."
                  placeholder={parsed?.definition?.title ? `${parsed.definition.title} (the # title)` : 'e.g. Topic brief'} value={form.title} error={fieldError('title')}
                  onChange={(e) => set('title', e.currentTarget.value)}
                />
                <Textarea
                  label="Description" autosize minRows={2} maxRows={6} value={form.description} error={fieldError('description')}
                  placeholder="What it does, shown in your list of playbooks"
                  onChange={(e) => set('description', e.currentTarget.value)}
                />
                <TagsInput label="Tags" placeholder="Add a tag and press Enter" value={form.tags} onChange={(v) => set('tags', v)} clearable error={fieldError('tags')} />
                <ModelPicker label="Default model" value={form.default_model_id} onChange={(v) => set('default_model_id', v)} onClear={() => set('default_model_id', null)} />
              </Stack>
            </Paper>
            {saved && <ContentScanPanel findings={saved.scan.findings} what="the playbook" />}
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}

export { PlaybookEditorPage as Component };
