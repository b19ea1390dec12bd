import { MultiSelect, Text } from '@mantine/core';
import { useCollections } from '@/features/collections/queries';

/** Restricts a new key to chosen collections; none chosen leaves it unrestricted. */
export function KeyCollectionsPicker({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const collections = useCollections();
  return (
    <MultiSelect label="Only these collections (optional)" placeholder={value.length ? undefined : 'All of your data'} clearable searchable mt="sm"
      description="A restricted key lists, reads, renders and creates only these collections' prompts and sees only these collections; every other feature (skills, keys, conversations, playbooks, your own tools on MCP) refuses it."
      data={(collections.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={value} onChange={onChange} error={error}
      style={{ maxWidth: 560 }} />
  );
}

/** "Only: A, B" for a key restricted to collections (by name; a deleted one shows as such), nothing for an unrestricted key. */
export function KeyCollectionsLabel({ ids }: { ids: string[] | null | undefined }) {
  const collections = useCollections();
  if (!ids?.length) return null;
  const names = ids.map((id) => collections.data?.find((c) => c.id === id)?.name ?? 'a deleted collection');
  return <Text size="xs" c="dimmed" mt={4}>Only: {names.join(', ')}</Text>;
}
