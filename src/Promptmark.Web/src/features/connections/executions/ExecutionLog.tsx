import { Accordion, Badge, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { num } from '@/lib/api/client';
import type { Execution } from '@/lib/api/types';
import { formatDate, timeAgo } from '@/lib/format';
import { ExecutionStatusBadge } from './ExecutionStatusBadge';
import { formatBytes, formatLatency } from './executionStatus';
import { prettyOutput } from './prettyOutput';

/** Executions, newest first; each opens to its input and output (truncated outputs are marked). */
export function ExecutionLog({ executions, showConnection }: { executions: Execution[]; showConnection: boolean }) {
  return (
    <Accordion variant="separated" radius="md" multiple aria-label="Executions" data-testid="execution-log">
      {executions.map((execution) => (
        <Accordion.Item key={execution.id} value={execution.id} data-testid="execution">
          <Accordion.Control aria-label={`${execution.tool_name}, ${execution.status}, ${timeAgo(execution.created_at)}`}>
            <Group gap="sm" wrap="nowrap">
              <ExecutionStatusBadge status={execution.status} />
              <Text ff="monospace" size="sm" fw={600}>{execution.tool_name}</Text>
              {showConnection && <Text size="sm" c="dimmed" truncate>{execution.connection_name}</Text>}
              <Group gap="md" ml="auto" wrap="nowrap">
                <Text size="xs" c="dimmed">{formatLatency(num(execution.latency_ms))}</Text>
                <Tooltip label={formatDate(execution.created_at)}><Text size="xs" c="dimmed" miw={90} ta="right">{timeAgo(execution.created_at)}</Text></Tooltip>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <ExecutionDetail execution={execution} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function ExecutionDetail({ execution }: { execution: Execution }) {
  return (
    <Stack gap="sm">
      {execution.error && <Text size="sm" c="red">{execution.error}</Text>}
      <Stack gap={4}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">Input</Text>
        <Code block>{JSON.stringify(execution.input ?? {}, null, 2)}</Code>
      </Stack>
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">Output</Text>
          <Text size="xs" c="dimmed">via {execution.via} · {formatBytes(num(execution.output_bytes))}</Text>
          {execution.output_truncated && <Badge size="xs" color="yellow" variant="light">Truncated at 64 KB</Badge>}
        </Group>
        {execution.output === null
          ? <Text size="sm" c="dimmed">No output was recorded.</Text>
          : <Code block style={{ maxHeight: 360, overflow: 'auto' }}>{prettyOutput(execution.output, execution.output_truncated)}</Code>}
      </Stack>
    </Stack>
  );
}
