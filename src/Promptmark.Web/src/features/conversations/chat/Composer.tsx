import { ActionIcon, Group, Paper, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPlayerStopFilled, IconSend } from '@tabler/icons-react';

interface ComposerProps {
  value: string;
  onChange: (text: string) => void;
  onSend: () => void;
  /** Stops the answer being written. */
  onStop: () => void;
  pending: boolean;
  disabledReason?: string | null;
}

/** The send box: Enter sends, Shift+Enter starts a new line; one message at a time. */
export function Composer({ value, onChange, onSend, onStop, pending, disabledReason }: ComposerProps) {
  const canSend = !pending && !disabledReason && value.trim().length > 0;
  return (
    <Paper withBorder radius="md" p="xs" component="form" aria-label="Send a message" onSubmit={(e) => { e.preventDefault(); if (canSend) onSend(); }}>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <Textarea
          aria-label="Message"
          aria-describedby="composer-hint"
          placeholder="Write a message…"
          autosize
          minRows={1}
          maxRows={10}
          variant="unstyled"
          px="xs"
          style={{ flex: 1 }}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              if (canSend) onSend();
            }
          }}
        />
        <Tooltip label={pending ? 'Waiting for the answer' : 'Send (Enter)'}>
          <ActionIcon type="submit" size="lg" aria-label="Send" disabled={!canSend} loading={pending}><IconSend size={18} /></ActionIcon>
        </Tooltip>
        {pending && (
          <Tooltip label="Stop the answer: nothing of this turn is stored">
            <ActionIcon size="lg" variant="default" color="red" aria-label="Stop" onClick={onStop}><IconPlayerStopFilled size={18} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Text id="composer-hint" size="xs" c="dimmed" px="xs" data-testid="composer-hint">{disabledReason ?? 'Enter sends, Shift+Enter starts a new line.'}</Text>
    </Paper>
  );
}
