import { useState } from 'react';
import { Autocomplete, Badge, Button, CloseButton, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import { notifyError, notifySuccess } from '@/lib/notify';
import { promptKeys } from '../queries';

const suggested = ['production', 'staging'];

interface LabelsPanelProps {
  promptId: string;
  labels: Record<string, number | string>;
  /** Every version number, newest first (the current one included). */
  numbers: number[];
  current: number;
  /** The version the form offers first: the one on screen. */
  selected: number;
}

/** A prompt's labels (named pointers such as production and staging): set one on a version, move it, remove it. */
export function LabelsPanel({ promptId, labels, numbers, current, selected }: LabelsPanelProps) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [version, setVersion] = useState(String(selected));
  const refresh = () => client.invalidateQueries({ queryKey: promptKeys.versions(promptId) });

  const setLabel = useMutation({
    mutationFn: ({ label, to }: { label: string; to: number }) =>
      unwrap(api.PUT('/api/prompts/{prompt_id}/labels/{label}', { params: { path: { prompt_id: promptId, label } }, body: { version: to } })),
    onSuccess: (_, { label, to }) => {
      notifySuccess(`“${label}” now points at v${to}`);
      setName('');
      return refresh();
    },
  });
  const removeLabel = useMutation({
    mutationFn: (label: string) => unwrap(api.DELETE('/api/prompts/{prompt_id}/labels/{label}', { params: { path: { prompt_id: promptId, label } } })),
    onSuccess: (_, label) => {
      notifySuccess(`Removed “${label}”`);
      return refresh();
    },
    onError: (e) => notifyError(e, 'Could not remove the label'),
  });

  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  const labelError = setLabel.error instanceof ApiError ? (setLabel.error.field('label') ?? setLabel.error.message) : undefined;
  const submit = () => {
    const label = name.trim().toLowerCase();
    if (label) setLabel.mutate({ label, to: Number(version) });
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="labels-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="labels-title">Labels</Title>
        <Text size="sm" c="dimmed">
          A label names the version to use, such as <b>production</b> or <b>staging</b>. MCP clients that ask for this prompt get the version labelled production; without it, the current text.
        </Text>
        {entries.length > 0 ? (
          <Group gap="xs" aria-label="Labels set">
            {entries.map(([label, to]) => (
              <Badge key={label} variant="light" size="lg" tt="none" pr={4}
                rightSection={<CloseButton size="xs" aria-label={`Remove label ${label}`} onClick={() => removeLabel.mutate(label)} disabled={removeLabel.isPending} />}>
                {label} → v{num(to)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm">No labels yet.</Text>
        )}
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Autocomplete
            label="Label" placeholder="e.g. staging" data={[...new Set([...suggested, ...entries.map(([l]) => l)])]}
            value={name} onChange={(v) => { setName(v); setLabel.reset(); }} error={labelError} w={170}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } }}
          />
          <Select
            label="On version" w={130} allowDeselect={false} value={version} onChange={(v) => setVersion(v ?? String(selected))}
            data={numbers.map((n) => ({ value: String(n), label: n === current ? `v${n} (current)` : `v${n}` }))}
          />
          <Button onClick={submit} loading={setLabel.isPending} disabled={!name.trim()}>
            {labels[name.trim().toLowerCase()] != null ? 'Move label' : 'Set label'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
