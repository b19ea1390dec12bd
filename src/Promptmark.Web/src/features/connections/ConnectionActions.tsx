import { Button } from '@mantine/core';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useConnectionActions } from './useConnectionActions';

/** Test and Refresh tools for one connection. */
export function ConnectionActions({ connectionId, name, size = 'xs' }: { connectionId: string; name: string; size?: 'xs' | 'sm' }) {
  const { test, refresh } = useConnectionActions(connectionId);
  return (
    <>
      <Button size={size} variant="light" leftSection={<IconPlugConnected size={14} />} loading={test.isPending} onClick={() => test.mutate()} aria-label={`Test ${name}`}>
        Test
      </Button>
      <Button size={size} variant="default" leftSection={<IconRefresh size={14} />} loading={refresh.isPending} onClick={() => refresh.mutate()} aria-label={`Refresh the tools of ${name}`}>
        Refresh
      </Button>
    </>
  );
}
