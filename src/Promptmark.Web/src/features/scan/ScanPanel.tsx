import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Prompt } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';
import { promptKeys } from '@/features/prompts/queries';
import { FindingsList } from './FindingsList';
import { categoryLabel, scanBadgeState } from './scanState';

/** The prompt editor's "Content scan" panel: findings by category, and acknowledging an open category. */
export function ScanPanel({ prompt }: { prompt: Prompt }) {
  const client = useQueryClient();
  const scan = prompt.scan;
  const acknowledge = useMutation({
    mutationFn: (category: string) =>
      unwrap(api.POST('/api/prompts/{prompt_id}/scan/acknowledge', { params: { path: { prompt_id: prompt.id } }, body: { category } })),
    onSuccess: (result, category) => {
      client.setQueryData(promptKeys.one(prompt.id), { ...result, notice: null });
      client.invalidateQueries({ queryKey: ['prompts', 'list'] });
      notifySuccess(`${categoryLabel(category)} findings acknowledged`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) client.invalidateQueries({ queryKey: promptKeys.one(prompt.id) });
      notifyError(e, 'Could not acknowledge');
    },
  });

  // A secret the scanner reports is live (stand-ins and documentation samples are not reported): say what sharing it means.
  const confirmAcknowledge = (category: string) => {
    if (category !== 'secrets') return acknowledge.mutate(category);
    modals.openConfirmModal({
      title: 'Acknowledge the secrets in this prompt?',
      children: (
        <Text size="sm">
          They look like real credentials. Once the prompt is public, anyone who reads it can use them. Revoke them with
          their issuer, or take them out of the text, unless you are sure they are harmless.
        </Text>
      ),
      labels: { confirm: 'Acknowledge anyway', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => acknowledge.mutate(category),
    });
  };

  if (!scan) return null;
  const state = scanBadgeState(scan.flags);
  return (
    <Paper withBorder radius="md" p="md" aria-label="Content scan" component="section">
      <Stack gap="sm">
        <Title order={2} size="h5">Content scan</Title>
        {state === 'none' && (
          <Text size="sm" c="dimmed"><IconShieldCheck size={14} style={{ verticalAlign: -2 }} /> No secrets, personal data or risky content found.</Text>
        )}
        {state === 'open' && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="xs">
              Open findings keep this prompt private. Remove them from the content, or acknowledge a category once you have checked it is safe to share.
            </Text>
          </Alert>
        )}
        {state === 'acknowledged' && <Text size="xs" c="dimmed">Every finding was acknowledged; the prompt may be public.</Text>}
        {state !== 'none' && (
          <FindingsList
            findings={scan.findings}
            flags={scan.flags}
            onAcknowledge={confirmAcknowledge}
            acknowledging={acknowledge.isPending ? acknowledge.variables : null}
          />
        )}
        <Text size="xs" c="dimmed">
          Example values are not reported: documentation keys (such as AWS&apos;s AKIAIOSFODNN7EXAMPLE), addresses at example.com
          and other reserved domains, and the test card numbers payment providers publish. They identify nobody and fill countless
          integration prompts, so reporting them would only teach you to ignore the scan.
        </Text>
      </Stack>
    </Paper>
  );
}
