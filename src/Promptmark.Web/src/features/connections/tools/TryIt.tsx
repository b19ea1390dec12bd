import { useState } from 'react';
import { Alert, Button, Group, List, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconPlayerPlay } from '@tabler/icons-react';
import { ElicitationCard } from '@/components/elicitation/ElicitationCard';
import { num } from '@/lib/api/client';
import { ApiError, errorMessage } from '@/lib/api/errors';
import type { McpTool } from '@/lib/api/types';
import { ExecutionStatusBadge } from '../executions/ExecutionStatusBadge';
import { formatLatency } from '../executions/executionStatus';
import { ArgumentsForm } from './ArgumentsForm';
import { JsonArgumentsEditor } from './JsonArgumentsEditor';
import { formSchemaOf, parseArguments } from './formSchema';
import { ToolOutputView } from './ToolOutputView';
import { useToolRun, type ToolRun } from './useToolRun';

type Mode = 'form' | 'json';

/**
 * "Try it": arguments as a generated form or raw JSON, run over the stream route, progress as it arrives, the questions
 * the tool asks (answered on a card), then the result.
 */
export function TryIt({ tool }: { tool: McpTool }) {
  const schema = formSchemaOf(tool.input_schema);
  const [mode, setMode] = useState<Mode>('form');
  const [args, setArgs] = useState<Record<string, unknown>>({});
  const [raw, setRaw] = useState('{}');
  const [rawProblem, setRawProblem] = useState<string | null>(null);
  const { run, start, answer } = useToolRun(tool.connection_id, tool.name);

  const switchMode = (next: Mode) => {
    if (next === 'json') {
      setRaw(JSON.stringify(args, null, 2));
      setRawProblem(null);
      setMode(next);
      return;
    }
    const parsed = parseArguments(raw);
    if ('problem' in parsed) return setRawProblem(parsed.problem);
    setArgs(parsed.value);
    setMode(next);
  };

  const submit = () => {
    if (mode === 'form') return void start(args);
    const parsed = parseArguments(raw);
    setRawProblem('problem' in parsed ? parsed.problem : null);
    if ('value' in parsed) void start(parsed.value);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="try-it-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4" id="try-it-title">Try it</Title>
          <SegmentedControl size="xs" value={mode} onChange={(v) => switchMode(v as Mode)} aria-label="Edit the arguments as"
            data={[{ value: 'form', label: 'Form' }, { value: 'json', label: 'Raw JSON' }]} />
        </Group>
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label={`Arguments of ${tool.name}`}>
          <Stack gap="sm">
            {mode === 'form'
              ? (num(tool.parameter_count) > 0 ? <ArgumentsForm schema={schema} value={args} onChange={setArgs} /> : <Text size="sm" c="dimmed">This tool takes no arguments.</Text>)
              : <JsonArgumentsEditor value={raw} onChange={setRaw} error={rawProblem ?? undefined} onRun={submit} />}
            {run.state === 'failed' && <RunProblem error={run.error} />}
            <Group>
              <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={run.state === 'running'}>Run</Button>
            </Group>
          </Stack>
        </form>
        {run.state === 'running' && run.question && (
          <ElicitationCard key={run.question.elicitation_id} pending={run.question} error={answer.error} answering={answer.isPending ? answer.variables.action : null}
            onAnswer={(action, content) => run.question && answer.mutate({ elicitationId: run.question.elicitation_id, action, content })} />
        )}
        <RunOutput run={run} />
      </Stack>
    </Paper>
  );
}

/** The API's message, with each argument that does not fit the schema (a 422) listed under it. */
function RunProblem({ error }: { error: unknown }) {
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="The tool was not run" data-testid="run-problem">
      <Text size="sm">{errorMessage(error)}</Text>
      {problems.length > 0 && <List size="sm" mt={6} spacing={2}>{problems.map((p) => <List.Item key={p}>{p}</List.Item>)}</List>}
    </Alert>
  );
}

function RunOutput({ run }: { run: ToolRun }) {
  if (run.state === 'running') {
    const { progress } = run;
    const percent = progress?.total ? Math.min(100, (progress.progress / progress.total) * 100) : 100;
    const label = progress ? (progress.message ?? (progress.total ? `Step ${progress.progress} of ${progress.total}` : `Progress ${progress.progress}`)) : 'Waiting for the server…';
    return (
      <Stack gap={6} aria-live="polite" data-testid="run-progress">
        <Text size="sm" c="dimmed">{label}</Text>
        <Progress value={percent} animated striped={!progress?.total} aria-label="Tool progress" />
      </Stack>
    );
  }
  if (run.state !== 'done') return null;
  return (
    <Stack gap="sm" aria-live="polite">
      <Group gap="xs">
        <ExecutionStatusBadge status={run.result.status} />
        <Text size="sm" c="dimmed" data-testid="run-latency">{formatLatency(num(run.result.latency_ms))}</Text>
      </Group>
      <ToolOutputView result={run.result.result} />
    </Stack>
  );
}
