import type { ReactNode } from 'react';
import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import classes from './EditorSaveBar.module.css';

interface EditorSaveBarProps {
  /** Whether the object exists yet (new objects can't be deleted or discarded). */
  saved: boolean;
  dirty: boolean;
  saving: boolean;
  deleting: boolean;
  /** The submit button's label before the first save, e.g. "Create prompt". */
  createLabel: string;
  onDelete: () => void;
  onDiscard: () => void;
  /** Shown under the buttons, e.g. a field saying what the save changes. */
  children?: ReactNode;
}

/** The sticky bar above an editor form (pinned to the bottom on phones): save state, Delete, Discard and the submit button. */
export function EditorSaveBar({ saved, dirty, saving, deleting, createLabel, onDelete, onDiscard, children }: EditorSaveBarProps) {
  return (
    <Paper withBorder radius="md" p="sm" className={classes.bar} data-testid="save-bar">
      <Group justify="space-between">
        <Text size="sm" c={dirty ? 'yellow' : 'dimmed'} aria-live="polite">
          {saved ? (dirty ? 'Unsaved changes' : 'All changes saved') : 'Not saved yet'}
          <span className="pm-keyboard-hint"> · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">S</Kbd> saves</span>
        </Text>
        <Group gap="xs">
          {saved && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete} loading={deleting}>Delete</Button>}
          {saved && dirty && <Button variant="default" onClick={onDiscard}>Discard</Button>}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={saved && !dirty}>
            {saved ? 'Save' : createLabel}
          </Button>
        </Group>
      </Group>
      {children}
    </Paper>
  );
}
