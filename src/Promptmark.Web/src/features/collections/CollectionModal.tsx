import { useState } from 'react';
import { Button, CheckIcon, ColorSwatch, Group, Modal, Stack, Text, TextInput, Textarea, rem } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Collection } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';
import { collectionColor, collectionColors } from './colors';
import { collectionsKey } from './queries';

export type Editing = { mode: 'create' } | { mode: 'edit'; collection: Collection };

interface CollectionModalProps {
  editing: Editing;
  onClose: () => void;
  /** Called with the saved collection, e.g. to pick a new one in the prompt editor. */
  onSaved?: (collection: Collection) => void;
}

/** Create or edit a collection: name, description and colour. */
export function CollectionModal({ editing, onClose, onSaved }: CollectionModalProps) {
  const existing = editing.mode === 'edit' ? editing.collection : undefined;
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [color, setColor] = useState(existing?.color ?? 'blue');
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), description: description.trim() || null, color };
      return existing
        ? unwrap(api.PATCH('/api/collections/{id}', { params: { path: { id: existing.id } }, body }))
        : unwrap(api.POST('/api/collections', { body }));
    },
    onSuccess: (collection) => {
      notifySuccess(existing ? 'Collection saved' : 'Collection created');
      // Known at once to every picker (the editor selects a new one right away), then refetched with its counts.
      if (!existing) client.setQueryData<Collection[]>(collectionsKey, (list) => [...(list ?? []), collection]);
      client.invalidateQueries({ queryKey: collectionsKey });
      onSaved?.(collection);
      onClose();
    },
    onError: (e) => { if (!(e instanceof ApiError && Object.keys(e.fieldErrors).length)) notifyError(e); },
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.field(f) : undefined);
  return (
    <Modal opened onClose={onClose} title={existing ? 'Edit collection' : 'New collection'} centered>
      {/* The modal may open inside another form (the prompt editor): React sends a portal's submit up to it unless stopped. */}
      <form onSubmit={(e) => { e.preventDefault(); e.stopPropagation(); save.mutate(); }}>
        <Stack>
          <TextInput label="Name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="colour-label">Colour</Text>
            <Group gap={8} role="radiogroup" aria-labelledby="colour-label">
              {collectionColors.map((c) => (
                <ColorSwatch key={c} component="button" type="button" color={collectionColor(c)} size={26} role="radio" aria-checked={color === c} aria-label={c}
                  onClick={() => setColor(c)} style={{ color: '#fff', cursor: 'pointer' }}>
                  {color === c && <CheckIcon style={{ width: rem(12), height: rem(12) }} />}
                </ColorSwatch>
              ))}
            </Group>
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending} disabled={!name.trim()}>{existing ? 'Save' : 'Create'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
