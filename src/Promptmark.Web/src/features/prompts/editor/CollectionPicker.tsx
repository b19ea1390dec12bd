import { useState } from 'react';
import { ActionIcon, Anchor, Group, Select, Text, Tooltip } from '@mantine/core';
import { IconFolderPlus } from '@tabler/icons-react';
import { useCollections } from '@/features/collections/queries';
import { CollectionModal } from '@/features/collections/CollectionModal';

interface CollectionPickerProps {
  value: string | null;
  onChange: (collectionId: string | null) => void;
}

/** The prompt's collection, with a way to create a new one on the spot (also when there is none yet). */
export function CollectionPicker({ value, onChange }: CollectionPickerProps) {
  const collections = useCollections();
  const [creating, setCreating] = useState(false);
  const none = collections.data?.length === 0;
  return (
    <div>
      <Group gap={6} align="flex-end" wrap="nowrap">
        <Select
          label="Collection"
          placeholder={none ? 'No collections yet' : 'No collection'}
          data={(collections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={value}
          onChange={onChange}
          disabled={none}
          clearable
          style={{ flex: 1 }}
        />
        <Tooltip label="New collection">
          <ActionIcon variant="default" size={36} aria-label="New collection" onClick={() => setCreating(true)}>
            <IconFolderPlus size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {none && (
        <Text size="xs" c="dimmed" mt={4}>
          <Anchor component="button" type="button" size="xs" onClick={() => setCreating(true)}>Create a collection</Anchor> to file this prompt in it.
        </Text>
      )}
      {creating && <CollectionModal editing={{ mode: 'create' }} onClose={() => setCreating(false)} onSaved={(c) => onChange(c.id)} />}
    </div>
  );
}
