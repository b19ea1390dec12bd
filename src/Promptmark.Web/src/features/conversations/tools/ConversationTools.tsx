import { useState } from 'react';
import { Badge, Button, CloseButton, Group, Paper, Text, Title } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import type { Conversation } from '@/lib/api/types';
import { useConversationTools } from '../chat/useConversationChanges';
import { approvalLabel, toolKey } from './toolPolicy';
import { ToolPicker } from './ToolPicker';

/** The tools attached to the conversation, as chips that can be removed, and the picker that chooses them. */
export function ConversationTools({ conversation: c }: { conversation: Conversation }) {
  const [picking, setPicking] = useState(false);
  const { remove } = useConversationTools(c.id);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="conversation-tools-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5" id="conversation-tools-title">Tools</Title>
        <Button size="xs" variant="light" leftSection={<IconTool size={14} />} onClick={() => setPicking(true)}>Choose tools</Button>
      </Group>
      {c.tools.length === 0
        ? <Text size="sm" c="dimmed">None: the model answers from its own knowledge.</Text>
        : (
          <Group gap={6} role="list" aria-label="Attached tools">
            {c.tools.map((t) => (
              <Badge key={toolKey(t.connection_id, t.tool_name)} role="listitem" variant="light" color={t.approval === 'never' ? 'gray' : 'iris'} tt="none" pr={2}
                data-testid="attached-tool"
                rightSection={(
                  <CloseButton size="xs" aria-label={`Remove ${t.tool_name}`} disabled={remove.isPending}
                    onClick={() => remove.mutate({ connectionId: t.is_native ? 'native' : t.connection_id ?? '', toolName: t.tool_name ?? '' })} />
                )}>
                {t.tool_name} · {approvalLabel(t.approval)}
              </Badge>
            ))}
          </Group>
        )}
      <ToolPicker conversation={c} opened={picking} onClose={() => setPicking(false)} />
    </Paper>
  );
}
