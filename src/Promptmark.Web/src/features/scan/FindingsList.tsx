import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ScanFinding } from '@/lib/api/types';
import { fieldLabel, groupFindings } from './scanState';

interface Props {
  findings: ScanFinding[];
  /** Per-category flags (prompts); without them every group is shown as found, with no acknowledge. */
  flags?: Record<string, number | string> | null;
  onAcknowledge?: (category: string) => void;
  acknowledging?: string | null;
}

/** Findings grouped by category: rule, field and the masked excerpt; an Acknowledge button per open category. */
export function FindingsList({ findings, flags, onAcknowledge, acknowledging }: Props) {
  const groups = groupFindings(findings, flags);
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <Stack key={g.category} gap={6} data-testid={`findings-${g.category}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6}>
              <Text fw={600} size="sm">{g.label}</Text>
              {flags && g.state === 1 && <Badge size="xs" color="orange" variant="light">Open</Badge>}
              {flags && g.state === 2 && <Badge size="xs" color="gray" variant="outline">Acknowledged</Badge>}
            </Group>
            {onAcknowledge && g.state === 1 && (
              <Button
                size="compact-xs"
                variant="light"
                color="orange"
                leftSection={<IconCheck size={12} />}
                loading={acknowledging === g.category}
                onClick={() => onAcknowledge(g.category)}
                aria-label={`Acknowledge ${g.label.toLowerCase()} findings`}
              >
                Acknowledge
              </Button>
            )}
          </Group>
          {g.findings.length > 0 && (
            <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Field</Table.Th><Table.Th>Excerpt</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.findings.map((f, i) => (
                  <Table.Tr key={`${f.rule}-${f.field}-${f.position}-${i}`}>
                    <Table.Td>{f.rule}</Table.Td>
                    <Table.Td>{fieldLabel(f.field)}</Table.Td>
                    <Table.Td><Code style={{ wordBreak: 'break-all' }}>{f.excerpt}</Code></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
