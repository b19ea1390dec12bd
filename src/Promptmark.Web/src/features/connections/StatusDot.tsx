import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import type { Connection } from '@/lib/api/types';
import { expiryNotice, statusDot } from './connectionStatus';

/** The coloured dot and its label; hover or focus it for the last connected time or the error. */
export function StatusDot({ connection }: { connection: Connection }) {
  const dot = statusDot(connection);
  return (
    <Tooltip label={dot.detail} multiline maw={360} withArrow>
      <Group gap={6} wrap="nowrap" tabIndex={0} aria-label={`${dot.label}: ${dot.detail}`} data-testid="status-dot" data-status={connection.status} style={{ borderRadius: 4 }}>
        <Box w={10} h={10} bg={`${dot.color}.6`} style={{ borderRadius: '50%', flex: 'none', boxShadow: `0 0 0 3px var(--mantine-color-${dot.color}-light)` }} />
        <Text size="xs" c="dimmed" fw={500}>{dot.label}</Text>
      </Group>
    </Tooltip>
  );
}

export function ExpiryBadge({ connection }: { connection: Connection }) {
  const notice = expiryNotice(connection);
  return notice && <Badge size="sm" variant="light" color={notice.color} style={{ textTransform: 'none' }}>{notice.label}</Badge>;
}
