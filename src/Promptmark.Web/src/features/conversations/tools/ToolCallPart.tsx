import { Link } from 'react-router';
import { Anchor, Badge, Code, Group, Stack, Text } from '@mantine/core';
import type { ConversationMessage, MessageToolCall } from '@/lib/api/types';
import { FindingsList } from '@/features/scan/FindingsList';
import { formatArguments, outcomes } from './toolPolicy';
import classes from './ToolCallPart.module.css';

const callStates: Record<string, { label: string; color: string }> = {
  awaiting_approval: { label: 'Waiting for your approval', color: 'orange' },
  pending: { label: 'Not run yet', color: 'gray' },
};

/** One call the model made, folded: its name and state; open, its arguments as indented JSON. */
export function ToolCallPart({ call }: { call: MessageToolCall }) {
  const state = call.decision === 'approved' ? { label: 'Approved', color: 'teal' }
    : call.decision === 'denied' ? { label: 'Denied', color: 'gray' } : callStates[call.status ?? ''];
  return (
    <details className={classes.fold} data-testid="tool-call">
      <summary>
        <Group gap="xs" component="span" display="inline-flex">
          <Text size="sm" component="span">Called <span className="pm-mono">{call.name}</span></Text>
          {state && <Badge size="xs" variant="light" color={state.color}>{state.label}</Badge>}
        </Group>
      </summary>
      <Code block className={classes.code} aria-label={`Arguments of ${call.name}`}>{formatArguments(call.arguments)}</Code>
    </details>
  );
}

/**
 * What a tool answered (a `tool` message): its outcome, the text the model read (folded), what the content scan found in
 * it, and where its execution is logged.
 */
export function ToolResultPart({ message, call }: { message: ConversationMessage; call: MessageToolCall | undefined }) {
  const outcome = outcomes[message.outcome ?? ''] ?? { label: message.outcome ?? 'Result', color: 'gray' };
  const findings = message.findings ?? [];
  return (
    <Stack gap="xs">
      <details className={classes.fold} data-testid="tool-result" open={message.outcome !== 'ran'}>
        <summary>
          <Group gap="xs" component="span" display="inline-flex">
            <Text size="sm" component="span"><span className="pm-mono">{message.tool_name ?? call?.name}</span> answered</Text>
            <Badge size="xs" variant="light" color={outcome.color} data-testid="tool-outcome">{outcome.label}</Badge>
          </Group>
        </summary>
        <Code block className={classes.code}>{message.content}</Code>
      </details>
      {findings.length > 0 && (
        <Stack gap={4} data-testid="tool-findings">
          <Text size="xs" c="orange" fw={600}>The content scan found this in the result:</Text>
          <FindingsList findings={findings} />
        </Stack>
      )}
      {message.execution_id && call?.connection_id && (
        <Anchor component={Link} to={`/connections/executions?connection=${call.connection_id}`} size="xs">See the execution log</Anchor>
      )}
    </Stack>
  );
}
