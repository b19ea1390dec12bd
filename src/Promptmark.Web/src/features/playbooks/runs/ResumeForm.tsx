import { useState } from 'react';
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { PlaybookExecution } from '@/lib/api/types';

/** A run's variables as text, as `{{name}}` would read them: inputs, then named outputs (which win). */
export function variablesOf(run: Pick<PlaybookExecution, 'input_values' | 'outputs'>): Record<string, string> {
  const outputs = Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return { ...run.input_values, ...outputs };
}

/** The variables changed from `before`: what resume sends as overrides. */
export function overridesOf(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
}

/** A paused run: its variables, each editable, and Resume, which goes on with the changed ones. */
export function ResumeForm({ run, resuming, onResume }: { run: PlaybookExecution; resuming: boolean; onResume: (overrides: Record<string, string>) => void }) {
  const [before] = useState(() => variablesOf(run));
  const [values, setValues] = useState(before);
  return (
    <Paper withBorder radius="md" p="md" component="form" aria-label="Resume the run" onSubmit={(e) => { e.preventDefault(); onResume(overridesOf(before, values)); }}>
      <Stack gap="sm">
        <Title order={2} size="h4">Paused after step {run.paused_after_step}</Title>
        <Text size="sm" c="dimmed">Change any value before the run goes on; the next steps read the new one.</Text>
        {Object.keys(values).map((name) => (
          <Textarea key={name} label={name} autosize minRows={1} maxRows={8} value={values[name]} onChange={(e) => { const v = e.currentTarget.value; setValues((all) => ({ ...all, [name]: v })); }} />
        ))}
        <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={resuming} style={{ alignSelf: 'flex-start' }}>Resume</Button>
      </Stack>
    </Paper>
  );
}
