import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formatDate } from '@/lib/format';
import { formatCallCost } from '@/lib/money';
import { notifyError } from '@/lib/notify';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ArtifactView } from './ArtifactView';
import { ElicitationForm } from './ElicitationForm';
import { ResumeForm } from './ResumeForm';
import { RunStatusBadge } from './RunStatusBadge';
import { RunningStepCard, StepCard } from './StepCard';
import { runKeys, useRunStream } from './queries';
import { totalsOf } from './runEvents';

const over = new Set(['completed', 'failed', 'cancelled', 'expired']);

/** `/playbooks/:id/runs/:executionId`: one run as it happens, with what it waits for (resume, an answer) and cancel or retry. */
export function RunPage() {
  const { id = '', executionId = '' } = useParams();
  const client = useQueryClient();
  const { run, current, lost, follow } = useRunStream(executionId);
  const path = { params: { path: { execution_id: executionId } } };
  const changed = () => client.invalidateQueries({ queryKey: runKeys.all });

  // Resume and respond answer once the run comes to rest again; the stream shows it going on meanwhile.
  const resume = useMutation({
    mutationFn: (variables: Record<string, string>) => unwrap(api.POST('/api/playbook-executions/{execution_id}/resume', { ...path, body: { variables } })),
    onSettled: changed, onError: (e) => notifyError(e, 'The run did not resume'),
  });
  const respond = useMutation({
    mutationFn: (response: string) => unwrap(api.POST('/api/playbook-executions/{execution_id}/respond', { ...path, body: { response } })),
    onSettled: changed, onError: (e) => notifyError(e, 'The answer was not taken'),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/playbook-executions/{execution_id}/cancel', path)),
    onSettled: changed, onError: (e) => notifyError(e, 'The run was not cancelled'),
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/playbook-executions/{execution_id}/retry', { ...path, body: { wait: false } })),
    onSuccess: follow, onSettled: changed, onError: (e) => notifyError(e, 'The run was not retried'),
  });

  if (lost && !run) return <Alert color="red" title="This run cannot be followed">It was not found, or the connection was lost. Reload the page to try again.</Alert>;
  if (!run) return <PageSkeleton />;
  const totals = totalsOf(run.steps);

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/playbooks/${id}/runs`} size="sm"><Group gap={4}><IconArrowLeft size={14} />All runs</Group></Anchor>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Group gap="xs"><RunStatusBadge status={run.status} /><Text size="sm" className="pm-mono">{run.model_id}</Text></Group>
            <Text size="xs" c="dimmed" data-testid="run-totals">
              Started {formatDate(run.created_at)} · {(totals.inputTokens + totals.outputTokens).toLocaleString('en')} tokens · {formatCallCost(totals.costUsd)} · {totals.latencyMs.toLocaleString('en')} ms
            </Text>
          </Stack>
          <Group gap="xs">
            {!over.has(run.status) && <Button variant="default" color="red" leftSection={<IconPlayerStop size={16} />} loading={cancel.isPending} onClick={() => cancel.mutate()}>Cancel run</Button>}
            {run.status === 'failed' && <Button leftSection={<IconRefresh size={16} />} loading={retry.isPending} onClick={() => retry.mutate()}>Retry failed step</Button>}
          </Group>
        </Group>
        {run.error && <Text c="red" size="sm" mt="xs" data-testid="run-error">{run.error}</Text>}
      </Paper>
      {lost && <Alert color="yellow">The live updates stopped. Reload the page to see where the run stands.</Alert>}
      <Stack gap="sm" component="ol" aria-label="Steps" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {run.steps.map((step) => <StepCard key={`${step.label}-${step.status}`} step={step} />)}
        {current && <RunningStepCard step={current} />}
      </Stack>
      {run.status === 'paused' && <ResumeForm key={run.updated_at} run={run} resuming={resume.isPending} onResume={(v) => resume.mutate(v)} />}
      {run.status === 'awaiting_input' && run.elicitation && (
        <ElicitationForm key={run.elicitation.step} elicitation={run.elicitation} answering={respond.isPending} onAnswer={(r) => respond.mutate(r)} />
      )}
      {run.artifact && <ArtifactView artifact={run.artifact} />}
    </Stack>
  );
}

export { RunPage as Component };
