import { useNavigate } from 'react-router';
import { Button, FileButton } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { notifyError, notifySuccess } from '@/lib/notify';
import { plural } from '@/lib/format';
import { conversationKeys } from '../queries';
import { parseImportFile } from './importFile';

/** Imports a JSON file of role + content messages as a new conversation, then opens it. */
export function ImportButton() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const draft = parseImportFile(file.name, await file.text());
      return unwrap(api.POST('/api/conversations/import', { body: { title: draft.title, source: 'json', messages: draft.messages } }));
    },
    onSuccess: (conversation, file) => {
      notifySuccess(`Imported ${plural(Number(conversation.message_count), 'message')} from ${file.name}`);
      client.invalidateQueries({ queryKey: conversationKeys.all });
      navigate(`/conversations/${conversation.id}`);
    },
    onError: (e) => notifyError(e, 'Could not import the file'),
  });
  return (
    <FileButton accept="application/json,.json" onChange={(file) => file && importFile.mutate(file)}>
      {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={importFile.isPending}>Import JSON</Button>}
    </FileButton>
  );
}
