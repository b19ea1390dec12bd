import type { ReactNode } from 'react';
import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';

export function EmptyState({ icon, title, children, action }: { icon: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="xl" style={{ borderStyle: 'dashed' }}>
      <Stack align="center" gap="sm" py="lg" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light">{icon}</ThemeIcon>
        <Title order={3} size="h4">{title}</Title>
        {children && <Text c="dimmed" maw={460}>{children}</Text>}
        {action}
      </Stack>
    </Paper>
  );
}
