import { Link } from 'react-router';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingBridge2, IconArrowRight } from '@tabler/icons-react';

/** The featured Civic hub, offered until the user has a Civic connection. */
export function CivicCard() {
  return (
    <Paper
      withBorder radius="lg" p="lg" mb="lg" component="section" aria-labelledby="civic-title" data-testid="civic-card"
      style={{ background: 'linear-gradient(135deg, var(--mantine-color-iris-light), var(--mantine-color-cyan-light))' }}
    >
      <Group justify="space-between" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="md" variant="gradient" gradient={{ from: 'iris.6', to: 'cyan.6', deg: 135 }} aria-hidden>
            <IconBuildingBridge2 size={24} />
          </ThemeIcon>
          <Stack gap={2} maw={560}>
            <Title order={2} size="h4" id="civic-title">Connect Civic</Title>
            <Text size="sm" c="dimmed">
              Civic’s MCP hub brings the tools of the services you link there into one server. Paste a Civic token and its tools appear here.
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to="/connections/new?preset=civic" rightSection={<IconArrowRight size={16} />}>Connect Civic</Button>
      </Group>
    </Paper>
  );
}
