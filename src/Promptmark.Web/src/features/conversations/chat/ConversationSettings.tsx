import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Conversation } from '@/lib/api/types';
import { ModelPicker } from '@/features/providers/ModelPicker';
import { PromptPicker } from '../PromptPicker';
import { useUpdateConversation } from './useConversationChanges';

/** The conversation's model and instructions: its own system prompt wins over a linked prompt. */
export function ConversationSettings({ conversation: c }: { conversation: Conversation }) {
  const update = useUpdateConversation(c.id);
  const [systemPrompt, setSystemPrompt] = useState(c.system_prompt ?? '');
  useEffect(() => setSystemPrompt(c.system_prompt ?? ''), [c.system_prompt]);
  const systemChanged = systemPrompt !== (c.system_prompt ?? '');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="conversation-settings-title">
      <Title order={2} size="h5" mb="sm" id="conversation-settings-title">Model and instructions</Title>
      <Stack gap="md">
        <ModelPicker value={c.model_id} onChange={(model_id) => model_id !== c.model_id && update.mutate({ model_id })} />
        <Stack gap={4}>
          <PromptPicker value={c.linked_prompt_id} onChange={(id) => update.mutate({ linked_prompt_id: id ?? '' })}
            description={c.system_prompt ? 'The system prompt below is used instead while it is set.' : 'Rendered as the system prompt of every message.'} />
          {c.linked_prompt_id && <Anchor component={Link} to={`/prompts/${c.linked_prompt_id}`} size="xs">Open the linked prompt</Anchor>}
        </Stack>
        <form onSubmit={(e) => { e.preventDefault(); update.mutate({ system_prompt: systemPrompt }); }}>
          <Textarea label="System prompt" description="Empty to use the linked prompt, or nothing." autosize minRows={2} maxRows={12}
            value={systemPrompt} onChange={(e) => setSystemPrompt(e.currentTarget.value)} />
          {systemChanged && (
            <Group justify="flex-end" gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => setSystemPrompt(c.system_prompt ?? '')}>Undo</Button>
              <Button size="xs" type="submit" loading={update.isPending}>Save system prompt</Button>
            </Group>
          )}
        </form>
        <Text size="xs" c="dimmed">Changes apply from the next message on.</Text>
      </Stack>
    </Paper>
  );
}
