import { Badge, Tooltip } from '@mantine/core';
import { IconShieldCheck, IconAlertTriangle } from '@tabler/icons-react';
import type { ScanView } from '@/lib/api/types';
import { scanBadgeState } from './scanState';

/** "Needs review" (open findings) or a muted "Reviewed" (all acknowledged); nothing for a clean prompt. */
export function ScanBadge({ scan }: { scan: ScanView | null | undefined }) {
  const state = scanBadgeState(scan?.flags);
  if (state === 'none') return null;
  if (state === 'open') {
    return (
      <Tooltip label="The content scan found secrets, personal data or risky content. Open the prompt to review.">
        <Badge size="sm" variant="light" color="orange" leftSection={<IconAlertTriangle size={12} />} data-testid="scan-badge">Needs review</Badge>
      </Tooltip>
    );
  }
  return (
    <Tooltip label="Scan findings were reviewed and acknowledged">
      <Badge size="sm" variant="outline" color="gray" leftSection={<IconShieldCheck size={12} />} data-testid="scan-badge">Reviewed</Badge>
    </Tooltip>
  );
}
