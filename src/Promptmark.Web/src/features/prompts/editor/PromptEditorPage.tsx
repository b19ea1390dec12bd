import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams, Link } from 'react-router';
import {
  Anchor, Grid, Paper, Rating, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title, Breadcrumbs,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { promptTypes, type Prompt } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useConfirmedDelete } from '@/lib/useConfirmedDelete';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { PageHeader } from '@/components/PageHeader';
import { EditorSaveBar } from '@/components/EditorSaveBar';
import { collectionsKey } from '@/features/collections/queries';
import { promptKeys, tagsKey, usePrompt, useTags } from '../queries';
import { PromptContentEditor } from './PromptContentEditor';
import { SchemaPanel } from './SchemaPanel';
import { PromptToolSwitch } from './PromptToolSwitch';
import { CollectionPicker } from './CollectionPicker';
import { changedFields, emptyForm, formOf, isDirty, type PromptForm } from './promptForm';
import { useSaveShortcut } from '@/lib/useSaveShortcut';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import { ScanPanel } from '@/features/scan/ScanPanel';
import { ScanBanner } from '@/features/scan/ScanBanner';
import { findingMarks, openCategories } from '@/features/scan/scanState';

const commonModels = ['claude-opus-4', 'claude-sonnet-4', 'gpt-5', 'gpt-4.1', 'gemini-2.5-pro', 'llama-4', 'mistral-large'];

/** `/prompts/new` and the Edit tab of `/prompts/:id`. */
export function PromptEditorPage() {
  const { id } = useParams();
  const prompt = usePrompt(id);
  if (id && prompt.isPending) return <PageSkeleton />;
  if (id && prompt.isError) return <ErrorState error={prompt.error} onRetry={() => prompt.refetch()} />;
  return <Editor key={id ?? 'new'} saved={prompt.data} />;
}

function Editor({ saved }: { saved: Prompt | undefined }) {
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  // What the last save found: the server's notice (why a prompt asked to be public stayed private) and whether the scan
  // banner is up; both survive the redirect after create.
  const arrived = location.state as { notice?: string; scanned?: boolean } | null;
  const [notice, setNotice] = useState<string | null>(() => arrived?.notice ?? null);
  const [bannerOpen, setBannerOpen] = useState(() => !!arrived?.scanned);
  // "New prompt" from a collection's view starts in that collection.
  const [params] = useSearchParams();
  const startIn = params.get('collection');
  const initial = useMemo(() => (saved ? formOf(saved) : { ...emptyForm, collection_id: startIn }), [saved, startIn]);
  const [form, setForm] = useState<PromptForm>(initial);
  // What the author says this save changes: kept with the new state in the version history, then cleared.
  const [versionNote, setVersionNote] = useState('');
  const baseline = useRef(initial);
  const tags = useTags();
  const set = <K extends keyof PromptForm>(key: K, value: PromptForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // When the saved prompt changes underneath (after a save or a restore), adopt it if there are no local edits.
  useEffect(() => {
    if (!isDirty(baseline.current, form)) setForm(initial);
    baseline.current = initial;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial]);

  const dirty = isDirty(initial, form);
  const allowLeaving = useUnsavedGuard(dirty);

  const save = useMutation({
    mutationFn: async (): Promise<Prompt> => {
      if (!saved) {
        return unwrap(api.POST('/api/prompts', {
          body: { ...form, notes: form.notes || null, collection_id: form.collection_id || null },
        }));
      }
      const { collection_id, ...changes } = changedFields(initial, form);
      let result = saved;
      const note = versionNote.trim();
      if (Object.keys(changes).length > 0 || note) {
        result = await unwrap(api.PATCH('/api/prompts/{id}', { params: { path: { id: saved.id } }, body: { ...changes, ...(note && { version_note: note }) } }));
      }
      if (collection_id !== undefined) {
        await unwrap(api.PUT('/api/prompts/{prompt_id}/collection', { params: { path: { prompt_id: saved.id } }, body: { collection_id } }));
        result = { ...result, collection_id };
      }
      return result;
    },
    onSuccess: (result) => {
      // The form takes what the server saved (a prompt the scan keeps private comes back private).
      const savedForm = formOf(result);
      baseline.current = savedForm;
      setForm(savedForm);
      setVersionNote('');
      setNotice(result.notice ?? null);
      setBannerOpen(true);
      // The banner says what was found; a toast beside it would be a second message about the same save.
      const flagged = !!result.notice || openCategories(result.scan?.flags).length > 0;
      client.setQueryData(promptKeys.one(result.id), result);
      client.invalidateQueries({ queryKey: promptKeys.all });
      client.invalidateQueries({ queryKey: tagsKey });
      client.invalidateQueries({ queryKey: collectionsKey });
      if (!saved) {
        allowLeaving();
        if (!flagged) notifySuccess('Prompt created');
        navigate(`/prompts/${result.id}`, { replace: true, state: { notice: result.notice ?? null, scanned: true } });
      } else if (!flagged) {
        notifySuccess('Saved');
      }
    },
    onError: (e) => notifyError(e, 'Could not save'),
  });

  const remove = useConfirmedDelete({
    title: 'Delete this prompt?',
    consequence: <>“{saved?.title}” leaves your library. Its versions and captured responses go with it.</>,
    remove: () => unwrap(api.DELETE('/api/prompts/{id}', { params: { path: { id: saved!.id } } })),
    invalidate: promptKeys.all,
    done: 'Prompt deleted',
    then: '/',
    beforeLeaving: allowLeaving,
  });

  const contentMarks = useMemo(() => findingMarks(saved?.scan?.findings, 'prompt'), [saved?.scan?.findings]);
  const fieldError = (name: string) => (save.error instanceof ApiError ? save.error.field(name) : undefined);
  const submit = () => { if (!save.isPending && (dirty || !saved)) save.mutate(); };
  useSaveShortcut(submit);

  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={saved ? 'Edit prompt' : 'New prompt'}>
      {!saved && (
        <PageHeader
          before={<Breadcrumbs><Anchor component={Link} to="/" size="sm">Library</Anchor><Text size="sm">New prompt</Text></Breadcrumbs>}
          title="New prompt"
          description="Write it once, reuse it everywhere. Variables in double braces make it a template."
        />
      )}
      <EditorSaveBar
        saved={!!saved} dirty={dirty} saving={save.isPending} deleting={remove.pending} createLabel="Create prompt"
        onDelete={remove.confirm} onDiscard={() => { setForm(initial); setVersionNote(''); }}
      >
        {saved && dirty && (
          <TextInput
            mt="xs" size="xs" aria-label="What changed?" placeholder="What changed? (optional, shown in the version history)"
            maxLength={500} value={versionNote} error={fieldError('version_note')} onChange={(e) => setVersionNote(e.currentTarget.value)}
          />
        )}
      </EditorSaveBar>
      {bannerOpen && saved && <ScanBanner scan={saved.scan} notice={notice} onClose={() => { setBannerOpen(false); setNotice(null); }} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <TextInput label="Title" placeholder="e.g. Summarise a support ticket" required value={form.title} error={fieldError('title')} onChange={(e) => set('title', e.currentTarget.value)} size="md" data-autofocus />
            <PromptContentEditor
              label="Content"
              description="Use {{name}}, {{name:type}}, {{name:type:default}} or {{name:enum:a,b,c}} for variables."
              placeholder="You are a helpful assistant. Summarise {{ticket:text}} in a {{tone:enum:friendly,formal:friendly}} tone…"
              value={form.prompt}
              error={fieldError('prompt')}
              onChange={(v) => set('prompt', v)}
              marks={contentMarks}
            />
            <Textarea label="Notes" description="Private: only you see them." autosize minRows={2} maxRows={8} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Title order={2} size="h5">Details</Title>
                <TagsInput label="Tags" placeholder="Add a tag and press Enter" data={(tags.data ?? []).map((t) => t.name)} value={form.tags} onChange={(v) => set('tags', v)} clearable error={fieldError('tags')} />
                <CollectionPicker value={form.collection_id} onChange={(v) => set('collection_id', v)} />
                <Select label="Type" data={promptTypes.map((t) => ({ ...t }))} value={form.type_id} onChange={(v) => set('type_id', v ?? 'general')} allowDeselect={false} error={fieldError('type_id')} />
                <TagsInput label="Models" placeholder="Models it works well with" data={commonModels} value={form.models} onChange={(v) => set('models', v)} clearable />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="rating-label">Your rating</Text>
                  <Rating value={form.self_rating} onChange={(v) => set('self_rating', v)} aria-labelledby="rating-label" />
                </Stack>
                <Switch label="Public" description="Others can find and read it" checked={form.is_public} onChange={(e) => set('is_public', e.currentTarget.checked)} />
                <Switch label="Remixable" description="Others can make their own copy" checked={form.is_remixable} onChange={(e) => set('is_remixable', e.currentTarget.checked)} />
                {saved && <PromptToolSwitch prompt={saved} />}
              </Stack>
            </Paper>
            {saved && <ScanPanel prompt={saved} />}
            <SchemaPanel promptId={saved?.id} content={form.prompt} edited={form.prompt !== initial.prompt} />
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}

export { PromptEditorPage as Component };
