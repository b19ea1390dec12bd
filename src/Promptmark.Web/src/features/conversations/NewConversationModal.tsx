import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { notifyError } from '@/lib/notify';
import { useModels } from '@/features/providers/queries';
import { ModelPicker } from '@/features/providers/ModelPicker';
import { PromptPicker } from './PromptPicker';
import { conversationKeys } from './queries';

type Instructions = 'none' | 'system' | 'prompt';

export interface NewConversationStart {
  title?: string;
  linkedPromptId?: string;
}

/** Title, model and optional instructions (a system prompt or a linked prompt); creates the conversation and opens it. */
export function NewConversationModal({ start = {}, onClose }: { start?: NewConversationStart; onClose: () => void }) {
  const [title, setTitle] = useState(start.title ?? '');
  const [picked, setPicked] = useState<string | null>(null);
  const [instructions, setInstructions] = useState<Instructions>(start.linkedPromptId ? 'prompt' : 'none');
  const [systemPrompt, setSystemPrompt] = useState('');
  const [promptId, setPromptId] = useState<string | null>(start.linkedPromptId ?? null);
  const models = useModels();
  const modelId = picked ?? models.data?.models[0]?.id ?? null;
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/conversations', {
      body: {
        title: title.trim(),
        model_id: modelId,
        system_prompt: instructions === 'system' && systemPrompt.trim() ? systemPrompt : null,
        linked_prompt_id: instructions === 'prompt' ? promptId : null,
      },
    })),
    onSuccess: (conversation) => {
      client.invalidateQueries({ queryKey: conversationKeys.all });
      onClose();
      navigate(`/conversations/${conversation.id}`);
    },
    onError: (e) => { if (!(e instanceof ApiError && Object.keys(e.fieldErrors).length)) notifyError(e, 'Could not start the conversation'); },
  });
  const fieldError = (f: string) => (create.error instanceof ApiError ? create.error.field(f) : undefined);
  const ready = title.trim() && modelId && (instructions !== 'prompt' || promptId);

  return (
    <Modal opened onClose={onClose} title="New conversation" centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); if (ready) create.mutate(); }}>
        <Stack>
          <TextInput label="Title" required data-autofocus value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError('title')} maxLength={200} />
          <ModelPicker value={modelId} onChange={setPicked} required />
          {fieldError('model_id') && <Text size="sm" c="red">{fieldError('model_id')}</Text>}
          <Stack gap={6}>
            <Text size="sm" fw={500} id="instructions-label">Instructions</Text>
            <SegmentedControl aria-labelledby="instructions-label" value={instructions} onChange={(v) => setInstructions(v as Instructions)}
              data={[{ value: 'none', label: 'None' }, { value: 'system', label: 'System prompt' }, { value: 'prompt', label: 'A prompt of my library' }]} />
          </Stack>
          {instructions === 'system' && (
            <Textarea label="System prompt" autosize minRows={3} maxRows={10} value={systemPrompt} onChange={(e) => setSystemPrompt(e.currentTarget.value)} error={fieldError('system_prompt')} />
          )}
          {instructions === 'prompt' && (
            <PromptPicker value={promptId} onChange={setPromptId} description="Rendered as the system prompt of every message (it must need no variable values)." />
          )}
          {fieldError('linked_prompt_id') && <Text size="sm" c="red">{fieldError('linked_prompt_id')}</Text>}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending} disabled={!ready}>Start conversation</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
