import { Badge, Group, Loader, Paper, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { LineDiagnostic } from '@/components/lineDiagnostics';
import { errorMessage } from '@/lib/api/errors';
import { plural } from '@/lib/format';
import type { PlaybookValidation } from './queries';
import classes from './PlaybookPanels.module.css';

interface Props {
  validation: PlaybookValidation;
  diagnostics: LineDiagnostic[];
  /** The text is empty: nothing to check. */
  empty: boolean;
  onGoTo: (line: number) => void;
}

/** What the parser says of the text as it is typed: valid or not, and each error and warning with a button to its line. */
export function ValidationPanel({ validation, diagnostics, empty, onGoTo }: Props) {
  const { result, checking, error } = validation;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const status = empty ? <Text size="sm" c="dimmed">Write a playbook to check it.</Text>
    : error ? <Text size="sm" c="red">{errorMessage(error)}</Text>
    : !result ? <Text size="sm" c="dimmed">Checking…</Text>
    : result.valid
      ? <Group gap={6}><IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden /><Text size="sm">Valid{warnings > 0 ? `, with ${plural(warnings, 'warning')}` : ''}</Text></Group>
      : <Group gap={6}><IconAlertCircle size={16} color="var(--pm-diag-error)" aria-hidden /><Text size="sm">{plural(errors, 'error')}: it cannot be saved yet</Text></Group>;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="playbook-problems">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5" id="playbook-problems">Problems</Title>
          {checking && !empty && <Loader size={14} aria-label="Checking the playbook" />}
        </Group>
        <div aria-live="polite" data-testid="playbook-validity">{status}</div>
        {diagnostics.length > 0 && (
          <Stack gap={4} component="ul" className={classes.list} data-testid="playbook-problems">
            {diagnostics.map((d, i) => (
              <li key={i}>
                <UnstyledButton className={classes.item} onClick={() => onGoTo(d.line)}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    {d.severity === 'error'
                      ? <IconAlertCircle size={16} color="var(--pm-diag-error)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                      : <IconAlertTriangle size={16} color="var(--pm-diag-warning)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
                    <Text size="sm" style={{ minWidth: 0 }}>
                      <VisuallyHidden>{d.severity === 'error' ? 'Error' : 'Warning'}, </VisuallyHidden>
                      <Badge size="xs" variant="default" mr={6} tt="none">Line {d.line}</Badge>{d.message}
                    </Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
