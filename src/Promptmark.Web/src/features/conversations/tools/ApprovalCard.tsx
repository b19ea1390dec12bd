import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { errorMessage } from '@/lib/api/errors';
import type { MessageToolCall } from '@/lib/api/types';
import { formatArguments } from './toolPolicy';

interface Props {
  call: MessageToolCall;
  onDecide: (decision: 'approve' | 'deny') => void;
  /** The decision being sent, while the turn goes on. */
  deciding: 'approve' | 'deny' | null;
  error: unknown;
}

/** The call a paused turn waits on: what the model wants to run, with which arguments, and Approve / Deny. */
export function ApprovalCard({ call, onDecide, deciding, error }: Props) {
  return (
    <Alert color="orange" variant="light" icon={<IconHandStop size={18} />} title={`The model wants to run ${call.name}`}
      role="region" aria-label="Tool call awaiting approval" data-testid="approval-card">
      <Stack gap="xs">
        <Text size="sm">Its policy is Ask me: nothing runs until you decide. Denying tells the model the call was denied.</Text>
        <Code block aria-label={`Arguments of ${call.name}`}>{formatArguments(call.arguments)}</Code>
        {error != null && <Text size="sm" c="red" role="alert">{errorMessage(error)}</Text>}
        <Group gap="xs">
          <Button size="xs" color="teal" loading={deciding === 'approve'} disabled={deciding === 'deny'} onClick={() => onDecide('approve')}>Approve</Button>
          <Button size="xs" variant="default" loading={deciding === 'deny'} disabled={deciding === 'approve'} onClick={() => onDecide('deny')}>Deny</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
