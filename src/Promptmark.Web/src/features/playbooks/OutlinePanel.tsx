import { Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
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
          <Text size="sm" c="dimmed">The steps appear here once the playbook parses.</Text>
        ) : (
          <Stack gap={2} component="ul" className={classes.list} data-testid="playbook-outline">
            {items.map((item) => (
              <li key={item.key}>
                <UnstyledButton className={classes.item} data-kind={item.kind} onClick={() => onGoTo(item.line)} aria-label={`${describe(item)}, line ${item.line}`}>
                  <Group gap={8} wrap="nowrap">
                    {item.kind === 'branch' ? (
                      <>
                        <IconGitBranch size={14} aria-hidden style={{ flexShrink: 0 }} />
                        <Text size="xs" ff="monospace" truncate>{item.label}</Text>
                      </>
                    ) : (
                      <>
                        <Badge size="sm" variant={item.kind === 'step' ? 'light' : 'default'} tt="none" style={{ flexShrink: 0 }}>{item.label}</Badge>
                        <Text size="sm" truncate fw={item.kind === 'step' ? 600 : 400}>{item.title}</Text>
                      </>
                    )}
                    <Text size="xs" c="dimmed" ml="auto" style={{ flexShrink: 0 }} aria-hidden>{item.line}</Text>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
        {outputs.length > 0 && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">Outputs</Text>
            {outputs.map((o) => <Badge key={o} size="sm" variant="outline" color="gray" tt="none" ff="monospace">{o}</Badge>)}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const describe = (item: OutlineItem) =>
  item.kind === 'branch' ? `Branch ${item.label}` : `Step ${item.label}: ${item.title}`;
