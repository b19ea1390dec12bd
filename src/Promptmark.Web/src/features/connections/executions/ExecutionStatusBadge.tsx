import { Badge } from '@mantine/core';
import { executionStatusBadge } from './executionStatus';

export function ExecutionStatusBadge({ status }: { status: string }) {
  const badge = executionStatusBadge(status);
  return <Badge size="sm" variant="light" color={badge.color} data-testid="execution-status">{badge.label}</Badge>;
}
