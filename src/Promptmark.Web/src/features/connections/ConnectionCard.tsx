import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTool } from '@tabler/icons-react';
import { num } from '@/lib/api/client';
import type { Connection } from '@/lib/api/types';
import { plural } from '@/lib/format';
import { ConnectionActions } from './ConnectionActions';
import { ExpiryBadge, StatusDot } from './StatusDot';

export function ConnectionCard({ connection }: { connection: Connection }) {
  const tools = num(connection.tool_count);
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="connection-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/connections/${connection.id}`} fw={600} c="var(--mantine-color-text)" truncate>{connection.name}</Anchor>
            <Text size="xs" c="dimmed" ff="monospace" truncate title={connection.server_url}>{connection.server_url}</Text>
          </Stack>
          <Tooltip label="Edit">
            <ActionIcon component={Link} to={`/connections/${connection.id}/edit`} variant="subtle" color="gray" aria-label={`Edit ${connection.name}`}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {connection.description && <Text size="sm" c="dimmed" lineClamp={2}>{connection.description}</Text>}
        <Group gap="xs">
          <StatusDot connection={connection} />
          <Badge size="sm" variant="light" color="gray" leftSection={<IconTool size={12} />} style={{ textTransform: 'none' }}>{plural(tools, 'tool')}</Badge>
          {!connection.is_active && <Badge size="sm" variant="outline" color="gray">Inactive</Badge>}
          <ExpiryBadge connection={connection} />
        </Group>
        <Group gap="xs" mt="auto" pt={4}>
          <ConnectionActions connectionId={connection.id} name={connection.name} />
        </Group>
      </Stack>
    </Card>
  );
}
