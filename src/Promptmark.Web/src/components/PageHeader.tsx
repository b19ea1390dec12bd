import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

export function PageHeader({ title, description, actions, before }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  return (
    <Stack gap={6} mb="lg">
      {before}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h2">{title}</Title>
          {description && <Text c="dimmed" size="sm">{description}</Text>}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
