import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, num, unwrap } from '@/lib/api/client';
import type { Playbook } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';
import { ModelPicker } from '@/features/providers/ModelPicker';
import { breakpointsOf, initialRunValues, inputValuesOf, missingRunValues, runFields, type RunField } from './runForm';
import { runKeys } from './queries';

/** The form that starts a run: one field per input of `## INPUTS`, the model, and the steps to pause after. */
export function RunForm({ playbook }: { playbook: Playbook }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const definition = playbook.definition?.definition;
  const inputs = definition?.inputs ?? [];
  const fields = runFields(inputs);
  const [values, setValues] = useState(() => initialRunValues(inputs));
  const [model, setModel] = useState<string | null>(playbook.default_model_id);
  const [pauses, setPauses] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const missing = missingRunValues(fields, values);

  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/playbooks/{playbook_id}/executions', {
      params: { path: { playbook_id: playbook.id } },
      body: { input_values: inputValuesOf(values), model_id: model, breakpoints: breakpointsOf(pauses.map(Number)) ?? null, wait: false },
    })),
    onSuccess: (run) => {
      client.invalidateQueries({ queryKey: runKeys.all });
      navigate(`/playbooks/${playbook.id}/runs/${run.id}`);
    },
    onError: (e) => notifyError(e, 'The run did not start'),
  });

  if (!definition) {
    return <Alert color="red" title="This playbook does not parse">Fix the problems the editor shows, then run it.</Alert>;
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length === 0 && model) start.mutate();
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" noValidate onSubmit={submit} aria-label="Run the playbook">
      <Stack gap="sm">
        <Title order={2} size="h4">Run</Title>
        {fields.length === 0 && <Text size="sm" c="dimmed">This playbook takes no inputs.</Text>}
        {fields.map((field) => (
          <RunInput
            key={field.name} field={field} value={values[field.name] ?? ''}
            error={tried && missing.includes(field.name) ? 'Required' : undefined}
            onChange={(v) => setValues((all) => ({ ...all, [field.name]: v }))}
          />
        ))}
        <ModelPicker value={model} onChange={setModel} required />
        {definition.steps.length > 1 && (
          <Checkbox.Group label="Pause after step" description="The run stops there, shows what it has, and waits for you to resume it" value={pauses} onChange={setPauses}>
            <Stack gap={6} mt={6}>
              {definition.steps.slice(0, -1).map((step) => (
                <Checkbox key={step.label} value={String(num(step.number))} label={`Step ${num(step.number)}: ${step.title}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group>
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} disabled={!model}>Run playbook</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function RunInput({ field, value, error, onChange }: { field: RunField; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const common = { label: field.name, description: field.description || undefined, required: field.required, error };
  switch (field.kind) {
    case 'select':
      return <Select {...common} data={field.options} value={value || null} onChange={(v) => onChange(v ?? '')} allowDeselect={false} />;
    case 'boolean':
      return <Switch label={field.name} description={field.description || undefined} checked={value === 'true'} onChange={(e) => onChange(String(e.currentTarget.checked))} />;
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} maxRows={12} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <TextInput {...common} type="number" inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
    default:
      return <TextInput {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
