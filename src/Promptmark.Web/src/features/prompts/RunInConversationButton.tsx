import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import type { Prompt } from '@/lib/api/types';
import { NewConversationModal } from '@/features/conversations/NewConversationModal';

/** Starts a conversation whose instructions are this prompt (linked, so later edits of the prompt apply), then opens it. */
export function RunInConversationButton({ prompt }: { prompt: Prompt }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconMessagePlus size={16} />} onClick={() => setOpen(true)}>Run in a conversation</Button>
      {open && <NewConversationModal start={{ title: prompt.title, linkedPromptId: prompt.id }} onClose={() => setOpen(false)} />}
    </>
  );
}
