import { useState } from 'react';
import { useParams } from 'react-router';
import { ActionIcon, Button, Card, Collapse, Grid, Group, Paper, Skeleton, Stack, Text, Textarea, TextInput, Title, Tooltip, Badge } from '@mantine/core';
import { IconCopy, IconMessage2, IconTrash, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, num, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { CapturedResponseSummary } from '@/lib/api/types';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { copyText } from '@/lib/clipboard';
import { timeAgo } from '@/lib/format';
import { notifyError, notifySuccess } from '@/lib/notify';
import { promptKeys } from '../queries';

/** `/prompts/:id/responses`: what models answered to this prompt, kept for comparison. */
export function ResponsesPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: promptKeys.responses(id),
    queryFn: () => unwrap(api.GET('/api/responses', { params: { query: { prompt_id: id, limit: 100 } } })),
  });
  const [model, setModel] = useState('');
  const [content, setContent] = useState('');
  const capture = useMutation({
    mutationFn: () => unwrap(api.POST('/api/prompts/{prompt_id}/responses', { params: { path: { prompt_id: id } }, body: { model_id: model.trim(), content } })),
    onSuccess: () => {
      notifySuccess('Response captured');
      setContent('');
      client.invalidateQueries({ queryKey: promptKeys.responses(id) });
    },
    onError: (e) => notifyError(e, 'Could not capture the response'),
  });
  const fieldError = (name: string) => (capture.error instanceof ApiError ? capture.error.field(name) : undefined);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          {list.isPending && [0, 1].map((i) => <Skeleton key={i} h={90} radius="md" />)}
          {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
          {list.data?.responses.length === 0 && (
            <EmptyState icon={<IconMessage2 size={26} />} title="No captured responses">
              Paste what a model answered to this prompt to keep it beside the prompt, and compare models over time.
            </EmptyState>
          )}
          {list.data?.responses.map((r) => <ResponseCard key={r.id} response={r} promptId={id} />)}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="capture-title">
          <Title order={2} size="h5" id="capture-title" mb="sm">Capture a response</Title>
          <form onSubmit={(e) => { e.preventDefault(); capture.mutate(); }}>
            <Stack gap="sm">
              <TextInput label="Model" placeholder="e.g. claude-sonnet-4" required value={model} onChange={(e) => setModel(e.currentTarget.value)} error={fieldError('model_id')} />
              <Textarea label="Response" required autosize minRows={5} maxRows={16} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={fieldError('content')} />
              <Group justify="flex-end"><Button type="submit" loading={capture.isPending} disabled={!model.trim() || !content.trim()}>Capture</Button></Group>
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function ResponseCard({ response, promptId }: { response: CapturedResponseSummary; promptId: string }) {
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const full = useQuery({
    queryKey: ['responses', response.id],
    queryFn: () => unwrap(api.GET('/api/responses/{id}', { params: { path: { id: response.id } } })),
    enabled: open,
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/responses/{id}', { params: { path: { id: response.id } } })),
    onSuccess: () => {
      notifySuccess('Response deleted');
      client.invalidateQueries({ queryKey: promptKeys.responses(promptId) });
    },
    onError: (e) => notifyError(e, 'Could not delete'),
  });
  const confirmDelete = () => modals.openConfirmModal({
    title: 'Delete this response?', children: <Text size="sm">The captured text from {response.model_id} is removed.</Text>,
    labels: { confirm: 'Delete', cancel: 'Cancel' }, confirmProps: { color: 'red' }, onConfirm: () => remove.mutate(),
  });
  return (
    <Card withBorder radius="md" p="md" data-testid="response-card">
      <Group justify="space-between" mb={6}>
        <Group gap="xs"><Badge variant="light" color="cyan" tt="none">{response.model_id}</Badge><Text size="xs" c="dimmed">{timeAgo(response.created_at)} · {num(response.content_length)} chars</Text></Group>
        <Group gap={4}>
          <Tooltip label="Copy"><ActionIcon variant="subtle" color="gray" aria-label="Copy response" onClick={async () => copyText((full.data ?? (await unwrap(api.GET('/api/responses/{id}', { params: { path: { id: response.id } } })))).content)}><IconCopy size={16} /></ActionIcon></Tooltip>
          <Tooltip label="Delete"><ActionIcon variant="subtle" color="red" aria-label="Delete response" onClick={confirmDelete} loading={remove.isPending}><IconTrash size={16} /></ActionIcon></Tooltip>
        </Group>
      </Group>
      {!open && <Text size="sm" className="pm-mono" lineClamp={3}>{response.preview}</Text>}
      <Collapse expanded={open}>
        {full.isPending ? <Skeleton h={60} /> : <Text size="sm" className="pm-mono">{full.data?.content}</Text>}
      </Collapse>
      <Button variant="subtle" size="compact-xs" mt={6} onClick={() => setOpen((o) => !o)} rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}>
        {open ? 'Show less' : 'Show all'}
      </Button>
    </Card>
  );
}

export { ResponsesPage as Component };
