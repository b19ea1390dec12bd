import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconGitBranch } from '@tabler/icons-react';
import type { OutlineItem } from './playbookOutline';
import classes from './PlaybookPanels.module.css';

interface Props {
  items: OutlineItem[];
  /** The named outputs the steps capture (`@output`). */
  outputs: string[];
  onGoTo: (line: number) => void;
}

/** The steps, branch arms and sub-steps of the last reading of the playbook; each one jumps to its line. */
export function OutlinePanel({ items, outputs, onGoTo }: Props) {
  return (
    <Paper withBorder radius="md" p="md" component="nav" aria-labelledby="playbook-outline">
      <Stack gap="xs">
        <Title order={2} size="h5" id="playbook-outline">Outline</Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">The steps appear here once the playbook has no errors.</Text>
        ) : (
          <Stack gap={2} component="ul" className={classes.list} data-testid="playbook-outline">
            {items.map((item) => (
              <li key={item.key}>
                <UnstyledButton className={classes.item} data-kind={item.kind} onClick={() => onGoTo(item.line)}>
                  <Group gap={8} wrap="nowrap">
                    {item.kind === 'branch' ? (
                      <>
                        <IconGitBranch size={14} aria-hidden style={{ flexShrink: 0 }} />
                        <VisuallyHidden>Branch </VisuallyHidden>
                        <Text size="xs" ff="monospace" truncate>{item.label}</Text>
                      </>
                    ) : (
                      <>
                        <VisuallyHidden>Step </VisuallyHidden>
                        <Badge size="sm" variant={item.kind === 'step' ? 'light' : 'default'} tt="none" style={{ flexShrink: 0 }}>{item.label}</Badge>
                        <Text size="sm" truncate fw={item.kind === 'step' ? 600 : 400}>{item.title}</Text>
                      </>
                    )}
                    <Text size="xs" c="dimmed" ml="auto" style={{ flexShrink: 0 }}>line {item.line}</Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
        {outputs.length > 0 && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">Outputs</Text>
            {outputs.map((o) => <Badge key={o} size="sm" variant="default" tt="none" ff="monospace">{o}</Badge>)}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
