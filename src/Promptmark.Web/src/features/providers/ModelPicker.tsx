import { Link } from 'react-router';
import { Anchor, Select, Text } from '@mantine/core';
import { IconCpu } from '@tabler/icons-react';
import { ApiError } from '@/lib/api/errors';
import type { ModelList } from '@/lib/api/types';
import { useModels } from '@/features/providers/queries';

/** The models of the user's providers grouped by provider; a current model no longer offered stays shown. */
export function modelOptions(list: ModelList | undefined, current?: string | null) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const m of list?.models ?? []) groups.set(m.provider, [...(groups.get(m.provider) ?? []), { value: m.id, label: m.model }]);
  if (current && !list?.models.some((m) => m.id === current)) {
    const provider = current.split('/')[0] ?? current;
    groups.set(provider, [...(groups.get(provider) ?? []), { value: current, label: current.slice(provider.length + 1) || current }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

interface ModelPickerProps {
  value: string | null;
  onChange: (modelId: string) => void;
  label?: string;
  disabled?: boolean;
  required?: boolean;
  /** Makes the choice optional: a clear button calls this. */
  onClear?: () => void;
}

export function ModelPicker({ value, onChange, label = 'Model', disabled, required, onClear }: ModelPickerProps) {
  const models = useModels();
  const unavailable = models.data?.unavailable ?? [];
  // The API answers 422 while no provider is configured: a step still to take, not a failure.
  const noProvider = (models.isError && models.error instanceof ApiError && models.error.status === 422) || (models.data?.models.length === 0 && unavailable.length === 0);
  return (
    <Select
      label={label}
      required={required}
      placeholder={models.isPending ? 'Asking your providers…' : 'Pick a model'}
      leftSection={<IconCpu size={16} />}
      data={modelOptions(models.data, value)}
      value={value}
      onChange={(v) => (v ? onChange(v) : onClear?.())}
      searchable
      clearable={!!onClear}
      allowDeselect={false}
      disabled={disabled}
      nothingFoundMessage="No model matches"
      error={models.isError && !noProvider ? 'Could not list the models' : undefined}
      description={noProvider ? (
        <Text span size="xs">No models yet: <Anchor component={Link} to="/settings#model-providers" size="xs">add a model provider in Settings</Anchor>.</Text>
      ) : unavailable.length > 0 ? (
        <Text span size="xs">{unavailable.map((u) => `${u.provider}: ${u.message}`).join(' ')}</Text>
      ) : undefined}
    />
  );
}
