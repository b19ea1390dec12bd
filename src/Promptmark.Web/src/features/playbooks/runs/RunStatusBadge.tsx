import { Badge } from '@mantine/core';

const colors: Record<string, string> = {
  running: 'blue', completed: 'teal', failed: 'red', cancelled: 'gray', expired: 'gray', paused: 'yellow', awaiting_input: 'violet', skipped: 'gray',
};

/** A run's or a step's status, in words and colour. */
export function RunStatusBadge({ status }: { status: string }) {
  return <Badge variant="light" color={colors[status] ?? 'gray'} data-testid="run-status">{status.replace('_', ' ')}</Badge>;
}
