import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText } from '@tabler/icons-react';
import { usePrompt, usePromptList } from '@/features/prompts/queries';

interface PromptPickerProps {
  value: string | null;
  onChange: (promptId: string | null) => void;
  label?: string;
  description?: string;
}

/** Picks a prompt of the library by searching its titles; the picked one stays shown even when the search no longer finds it. */
export function PromptPicker({ value, onChange, label = 'Linked prompt', description }: PromptPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = usePromptList({ search: debounced || undefined, limit: 20, offset: 0 });
  const picked = usePrompt(value ?? undefined);
  const options = (found.data?.prompts ?? []).map((p) => ({ value: p.id, label: p.title }));
  if (value && picked.data && !options.some((o) => o.value === value)) options.unshift({ value, label: picked.data.title });
  return (
    <Select
      label={label}
      description={description}
      placeholder="Search your prompts"
      leftSection={<IconFileText size={16} />}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No prompt matches'}
    />
  );
}
