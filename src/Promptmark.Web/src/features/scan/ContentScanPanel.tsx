import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ScanFinding } from '@/lib/api/types';
import { FindingsList } from './FindingsList';

/** An editor's "Content scan" panel for what the last save found (no acknowledging: that is the prompt editor's ScanPanel). */
export function ContentScanPanel({ findings, what }: { findings: ScanFinding[]; /** e.g. "the SKILL.md" */ what: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Content scan">
      <Stack gap="sm">
        <Title order={2} size="h5">Content scan</Title>
        {findings.length === 0 ? (
          <Text size="sm" c="dimmed"><IconShieldCheck size={14} style={{ verticalAlign: -2 }} /> No secrets, personal data or risky content found.</Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">The last save flagged these parts of {what}. Remove anything that should not be shared and save again.</Text>
            <FindingsList findings={findings} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
