import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconForms } from '@tabler/icons-react';
import { errorMessage } from '@/lib/api/errors';
import type { PendingInput } from '@/lib/api/types';
import { answerOf, type Field, type FieldValue, fieldsOf, initialValues } from './elicitationForm';
import { clockOf, useSecondsLeft } from './useSecondsLeft';

export type ElicitationAction = 'accept' | 'decline' | 'cancel';

/** What the card shows of a question, whether a conversation's turn or a Try-it run asked it. */
export type ElicitationQuestion = Pick<PendingInput, 'elicitation_id' | 'tool_name' | 'message' | 'requested_schema' | 'expires_at'>;

interface Props {
  pending: ElicitationQuestion;
  onAnswer: (action: ElicitationAction, content?: Record<string, unknown>) => void;
  /** The answer being sent. */
  answering: ElicitationAction | null;
  error: unknown;
}

/**
 * A remote tool asks the user something (MCP elicitation): its message, a form built from the schema it sent, and
 * Submit / Decline / Cancel; the tool gets the answer and goes on. The wait is bounded, so its time left shows.
 */
export function ElicitationCard({ pending, onAnswer, answering, error }: Props) {
  const fields = useMemo(() => fieldsOf(pending.requested_schema), [pending.requested_schema]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const seconds = useSecondsLeft(pending.expires_at);
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const submit = () => {
    const answer = answerOf(fields, values);
    setErrors(answer.errors ?? {});
    if (answer.content) onAnswer('accept', answer.content);
  };
  return (
    <Alert color="grape" variant="light" icon={<IconForms size={18} />} title={`${pending.tool_name} asks you`}
      role="region" aria-label="A tool asks for input" data-testid="elicitation-card">
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{pending.message}</Text>
          {fields.map((field) => (
            <FieldInput key={field.name} field={field} value={values[field.name] ?? ''} error={errors[field.name]} onChange={(v) => set(field.name, v)} />
          ))}
          {error != null && <Text size="sm" c="red" role="alert">{errorMessage(error)}</Text>}
          <Group gap="xs">
            <Button type="submit" size="xs" loading={answering === 'accept'} disabled={answering !== null && answering !== 'accept'}>Submit</Button>
            <Button size="xs" variant="default" loading={answering === 'decline'} disabled={answering !== null && answering !== 'decline'} onClick={() => onAnswer('decline')}>Decline</Button>
            <Button size="xs" variant="subtle" color="gray" loading={answering === 'cancel'} disabled={answering !== null && answering !== 'cancel'} onClick={() => onAnswer('cancel')}>Cancel</Button>
          </Group>
          <Text size="xs" c="dimmed" role="timer" aria-live="off">
            {seconds > 0 ? `The tool waits ${clockOf(seconds)} more` : 'The wait is over: the tool was told you cancelled.'}
          </Text>
        </Stack>
      </form>
    </Alert>
  );
}

function FieldInput({ field, value, error, onChange }: { field: Field; value: FieldValue; error?: string; onChange: (value: FieldValue) => void }) {
  const common = { label: field.label, description: field.description, error, required: field.required, size: 'sm' as const };
  switch (field.kind) {
    case 'boolean':
      return <Checkbox label={field.label} description={field.description} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'select':
      return <Select {...common} data={field.options} value={typeof value === 'string' && value ? value : null} onChange={(v) => onChange(v ?? '')} clearable={!field.required} />;
    case 'multiselect':
      return <MultiSelect {...common} data={field.options} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case 'number':
    case 'integer':
      return <NumberInput {...common} min={field.minimum} max={field.maximum} allowDecimal={field.kind === 'number'} value={typeof value === 'string' ? value : ''}
        onChange={(v) => onChange(String(v))} />;
    default:
      return <TextInput {...common} type={field.format === 'email' ? 'email' : field.format === 'date' ? 'date' : field.format === 'uri' ? 'url' : 'text'}
        value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
