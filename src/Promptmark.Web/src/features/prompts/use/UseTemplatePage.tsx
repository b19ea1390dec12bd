import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Badge, Button, Checkbox, CopyButton, Grid, Group, NumberInput, Paper, ScrollArea, Select, Skeleton, Stack, Text, Textarea, TextInput, Title, Loader } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { api, unwrap } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/errors';
import type { Prompt, PromptSchema } from '@/lib/api/types';
import { ErrorState } from '@/components/ErrorState';
import { PageSkeleton } from '@/components/PageSkeleton';
import { copyText } from '@/lib/clipboard';
import { usePrompt, usePromptSchema } from '../queries';
import { fieldsFromSchema, initialValues, problemsByVariable, toVariables, type FieldValue, type TemplateField } from './templateForm';

export function UseTemplatePage() {
  const { id } = useParams();
  const prompt = usePrompt(id);
  const schema = usePromptSchema(id);
  if (prompt.isPending || schema.isPending) return <PageSkeleton />;
  if (prompt.isError) return <ErrorState error={prompt.error} />;
  if (schema.isError) return <ErrorState error={schema.error} onRetry={() => schema.refetch()} />;
  if (!prompt.data.is_template || schema.data.variables.length === 0) return <PlainPrompt prompt={prompt.data} />;
  return <TemplateForm key={`${prompt.data.id}:${prompt.data.version}`} prompt={prompt.data} schema={schema.data} />;
}

function PlainPrompt({ prompt }: { prompt: Prompt }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">This prompt has no variables: use it as it is.</Text>
        <Button leftSection={<IconCopy size={16} />} onClick={() => copyText(prompt.prompt, 'Prompt copied')}>Copy</Button>
      </Group>
      <Text className="pm-mono" size="sm">{prompt.prompt}</Text>
    </Paper>
  );
}

function TemplateForm({ prompt, schema }: { prompt: Prompt; schema: PromptSchema }) {
  const fields = useMemo(() => fieldsFromSchema(schema.variables), [schema.variables]);
  const [values, setValues] = useState<Record<string, FieldValue>>(() => initialValues(fields));
  const variables = useMemo(() => toVariables(fields, values), [fields, values]);
  const [debounced] = useDebouncedValue(variables, 350);
  // A field shows its problem once it was changed; until then the preview's notice says what is missing.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const setValue = (name: string, value: FieldValue) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => new Set(t).add(name));
  };

  const validation = useQuery({
    queryKey: ['prompts', 'validate', prompt.id, prompt.version, debounced],
    queryFn: () => unwrap(api.POST('/api/prompts/{id}/validate', { params: { path: { id: prompt.id } }, body: { variables: debounced } })),
    placeholderData: keepPreviousData,
  });
  const valid = validation.data?.valid ?? false;
  const render = useQuery({
    queryKey: ['prompts', 'render', prompt.id, prompt.version, debounced],
    queryFn: () => unwrap(api.POST('/api/prompts/{id}/render', { params: { path: { id: prompt.id } }, body: { variables: debounced } })),
    enabled: valid,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const errors = problemsByVariable(validation.data?.errors ?? []);
  const warnings = problemsByVariable(validation.data?.warnings ?? []);
  const stale = debounced !== variables || validation.isFetching || render.isFetching;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="inputs-title">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h5" id="inputs-title">Inputs</Title>
            <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconRefresh size={14} />} onClick={() => { setValues(initialValues(fields)); setTouched(new Set()); }}>Reset</Button>
          </Group>
          <form onSubmit={(e) => e.preventDefault()}>
            <Stack gap="sm">
              {fields.map((field) => (
                <Field key={field.name} field={field} value={values[field.name] ?? null} onChange={(v) => setValue(field.name, v)}
                  error={touched.has(field.name) ? errors[field.name]?.join(' ') : undefined} warning={warnings[field.name]?.join(' ')} />
              ))}
            </Stack>
          </form>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="preview-title">
          <Group justify="space-between" mb="sm">
            <Group gap="xs">
              <Title order={2} size="h5" id="preview-title">Preview</Title>
              {stale && <Loader size={14} aria-label="Updating preview" />}
              {validation.data && (valid ? <Badge color="teal" variant="light">Ready</Badge> : <Badge color="red" variant="light">Needs input</Badge>)}
            </Group>
            <CopyButton value={render.data?.rendered ?? ''}>
              {({ copied }) => (
                <Button size="xs" disabled={!valid || !render.data} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={() => render.data && copyText(render.data.rendered, 'Rendered prompt copied')} color={copied ? 'teal' : undefined}>
                  Copy result
                </Button>
              )}
            </CopyButton>
          </Group>
          {validation.isError && <Alert color="red">{errorMessage(validation.error)}</Alert>}
          {validation.data && !valid && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} mb="sm" title="Fill in the required inputs">
              {validation.data.errors.map((e) => `${e.variable}: ${e.message}`).join(' · ')}
            </Alert>
          )}
          {render.isError && <Alert color="red">{errorMessage(render.error)}</Alert>}
          {!validation.data && <Stack gap={6}><Skeleton h={14} /><Skeleton h={14} w="80%" /><Skeleton h={14} w="60%" /></Stack>}
          {render.data && valid && (
            <ScrollArea.Autosize mah={560}>
              <Text className="pm-mono" size="sm" data-testid="rendered" style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}>{render.data.rendered}</Text>
            </ScrollArea.Autosize>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function Field({ field, value, onChange, error, warning }: { field: TemplateField; value: FieldValue; onChange: (v: FieldValue) => void; error?: string | undefined; warning?: string | undefined }) {
  const description = [field.defaultText != null && field.kind !== 'boolean' ? `Default: ${field.defaultText}` : null, warning].filter(Boolean).join(' · ') || undefined;
  const common = { label: field.label, required: field.required, error, description };
  switch (field.kind) {
    case 'boolean':
      return <Checkbox label={field.label} checked={Boolean(value)} onChange={(e) => onChange(e.currentTarget.checked)} error={error} description={warning} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' || typeof value === 'string' ? value : ''} onChange={(v) => onChange(v)} placeholder={field.defaultText ?? undefined} />;
    case 'enum':
      return <Select {...common} data={field.options} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} clearable={!field.required} placeholder="Choose…" />;
    case 'text':
      return <Textarea {...common} autosize minRows={3} maxRows={12} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} placeholder={field.defaultText ?? undefined} />;
    default:
      return <TextInput {...common} value={String(value ?? '')} onChange={(e) => onChange(e.currentTarget.value)} placeholder={field.defaultText ?? undefined} />;
  }
}

export { UseTemplatePage as Component };
