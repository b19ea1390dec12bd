import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '@/lib/api/errors';

export function ErrorState({ error, onRetry, fullPage }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const body = (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Could not load this" maw={560} w="100%">
      <Stack gap="sm" align="flex-start">
        {errorMessage(error)}
        {onRetry && <Button size="xs" variant="default" onClick={onRetry}>Try again</Button>}
      </Stack>
    </Alert>
  );
  return fullPage ? <Center h="100vh" p="md">{body}</Center> : body;
}
