import { Alert, List, Text } from '@mantine/core';
import { IconLock, IconShieldExclamation } from '@tabler/icons-react';
import type { ScanView } from '@/lib/api/types';
import { findingSummary, openCategories } from './scanState';

interface Props {
  scan: ScanView | null | undefined;
  /** The server's notice of the save (why a prompt asked to be public stayed private), if any. */
  notice: string | null;
  onClose: () => void;
}

/** After a save with open findings: one banner that says what was found and where, and why the prompt stayed private. */
export function ScanBanner({ scan, notice, onClose }: Props) {
  const open = openCategories(scan?.flags);
  const lines = findingSummary((scan?.findings ?? []).filter((f) => open.includes(f.category)));
  if (!notice && lines.length === 0) return null;
  return (
    <Alert
      color={notice ? 'yellow' : 'orange'}
      variant="light"
      mb="md"
      icon={notice ? <IconLock size={18} /> : <IconShieldExclamation size={18} />}
      title={notice ? 'This prompt was kept private' : 'The content scan found something to check'}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      data-testid="scan-notice"
    >
      {/* The server's notice already says what to do, in the web app's words (the Content scan panel). */}
      {notice && <Text size="sm" mb={lines.length ? 'xs' : 0}>{notice}</Text>}
      {lines.length > 0 && (
        <>
          <List size="sm" spacing={2}>{lines.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>
          <Text size="xs" mt="xs">Marked in the text below; review them in the Content scan panel.</Text>
        </>
      )}
    </Alert>
  );
}
