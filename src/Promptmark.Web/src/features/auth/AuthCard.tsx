import type { ReactNode } from 'react';
import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Logo } from '@/components/Logo';
import classes from './AuthCard.module.css';

export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <Box className={classes.page}>
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={420} gap="lg">
          <Center>
            <Logo size="lg" />
          </Center>
          <Paper withBorder shadow="md" p="xl" radius="lg">
            <Stack gap={4} mb="lg">
              <Title order={1} size="h2">{title}</Title>
              <Text c="dimmed" size="sm">{subtitle}</Text>
            </Stack>
            {children}
          </Paper>
          <Text ta="center" size="sm" c="dimmed">{footer}</Text>
        </Stack>
      </Center>
    </Box>
  );
}
