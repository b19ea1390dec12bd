import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { num } from '@/lib/api/client';
import { formatCallCost } from '@/lib/money';
import { Markdown } from '@/components/Markdown';
import { CodeText } from './CodeText';
import { RunStatusBadge } from './RunStatusBadge';
import type { PlaybookRunStep } from '@/lib/api/types';
import type { RunningStep } from './runEvents';

/** One finished step of a run: its output (a model's rendered as markdown, a tool's as it came) and what it used. */
export function StepCard({ step }: { step: PlaybookRunStep }) {
  const tokens = num(step.input_tokens) + num(step.output_tokens);
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="run-step" aria-label={`Step ${step.label}: ${step.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>Step {step.label}: {step.title}</Text>
          <RunStatusBadge status={step.status} />
        </Group>
        <Text size="xs" c="dimmed" data-testid="step-usage">
          {[
            step.model_id,
            step.source !== 'model' && step.source !== 'none' ? step.source : null,
            step.source === 'model' ? `${num(step.input_tokens).toLocaleString('en')} in · ${num(step.output_tokens).toLocaleString('en')} out (${tokens.toLocaleString('en')} tokens)` : null,
            step.source === 'model' ? formatCallCost(num(step.cost_usd)) : null,
            num(step.latency_ms) > 0 ? `${num(step.latency_ms).toLocaleString('en')} ms` : null,
          ].filter(Boolean).join(' · ')}
        </Text>
        {step.error && <Text c="red" size="sm">{step.error}</Text>}
        {step.warnings.map((w) => <Text key={w} c="yellow.8" size="sm">{w}</Text>)}
        {step.content && (step.source === 'model' ? <Markdown text={step.content} /> : <CodeText text={step.content} />)}
      </Stack>
    </Paper>
  );
}

/** The step the run is taking now, with the text its model has written so far. */
export function RunningStepCard({ step }: { step: RunningStep }) {
  return (
    <Paper withBorder radius="md" p="md" component="li" data-testid="running-step" aria-label={`Step ${step.label}: ${step.title} (running)`}>
      <Stack gap="xs">
        <Group gap="sm">
          <Loader size="xs" />
          <Text fw={600}>Step {step.label}: {step.title}</Text>
          <Text size="sm" c="dimmed">running…</Text>
        </Group>
        {step.text && <Markdown text={step.text} />}
      </Stack>
    </Paper>
  );
}
