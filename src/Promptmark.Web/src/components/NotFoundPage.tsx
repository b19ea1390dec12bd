import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh">
      <Stack align="center" gap="xs">
        <Title order={1}>Nothing here</Title>
        <Text c="dimmed">This page does not exist, or it moved.</Text>
        <Button component={Link} to="/" mt="sm">Back to the library</Button>
      </Stack>
    </Center>
  );
}
export { NotFoundPage as Component };
