import { useParams } from 'react-router';
import { Stack } from '@mantine/core';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { usePlaybook } from '../queries';
import { RunForm } from './RunForm';
import { RunHistory } from './RunHistory';

/** The Runs tab of `/playbooks/:id`: start a run, and the runs so far. */
export function PlaybookRunsPage() {
  const { id = '' } = useParams();
  const playbook = usePlaybook(id);
  if (playbook.isPending) return <PageSkeleton />;
  if (playbook.isError) return <ErrorState error={playbook.error} onRetry={() => playbook.refetch()} />;
  return (
    <Stack gap="xl">
      <RunForm key={playbook.data.updated_at} playbook={playbook.data} />
      <RunHistory playbookId={id} />
    </Stack>
  );
}

export { PlaybookRunsPage as Component };
