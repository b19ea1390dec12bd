import type { PlaybookExecution, PlaybookRunStep } from '@/lib/api/types';

/** A step the run is taking now (the stream's `step_started`). */
export interface StartedStep {
  label: string;
  number: number;
  title: string;
}

/**
 * A piece of the text a model step is writing (the stream's `step_delta`); `offset` is the length of the step's text before it
 * (0 again when the call is made again).
 */
export interface StepDelta {
  label: string;
  offset: number;
  text: string;
}

/** The step under way, with the text its model has written so far (deltas come only from the server running the step). */
export interface RunningStep extends StartedStep {
  text: string;
}

/** What the run view shows: the run as last told, and the step under way (if any). */
export interface RunProgress {
  run: PlaybookExecution | null;
  current: RunningStep | null;
}

/** The events after which the stream ends: the run is over. */
export const lastEvents: ReadonlySet<string> = new Set(['done', 'failed', 'cancelled', 'expired']);

/** The events that carry the whole run (every one but the step events). */
const wholeRun = new Set(['snapshot', 'resumed', 'paused', 'awaiting_input', ...lastEvents]);

export const initialRunProgress: RunProgress = { run: null, current: null };

/**
 * Folds one event of `GET /api/playbook-executions/{id}/events` into the view's state. An event carrying the whole run replaces it
 * (a reconnecting stream starts with a snapshot; a step under way is told again after it); `step_delta` grows the text of the step
 * under way; `step_done` replaces an earlier record of its step (a retried step's failure).
 */
export function reduceRunEvent(state: RunProgress, name: string, data: unknown): RunProgress {
  if (wholeRun.has(name)) return { run: data as PlaybookExecution, current: null };
  if (!state.run) return state;
  if (name === 'step_started') {
    const { label, number, title } = data as StartedStep;
    return { run: { ...state.run, status: 'running' }, current: { label, number, title, text: '' } };
  }
  if (name === 'step_delta') {
    const delta = data as StepDelta;
    if (state.current?.label !== delta.label) return state;
    return { ...state, current: { ...state.current, text: state.current.text.slice(0, delta.offset) + delta.text } };
  }
  if (name === 'step_done') {
    const step = data as PlaybookRunStep;
    const steps = [...state.run.steps.filter((s) => s.label !== step.label || s.status !== 'failed'), step];
    return { run: { ...state.run, steps }, current: null };
  }
  return state;
}

/** The run's tokens, cost and time over its steps so far (the run's own totals are only as fresh as its last whole event). */
export function totalsOf(steps: readonly PlaybookRunStep[]) {
  return steps.reduce(
    (t, s) => ({
      inputTokens: t.inputTokens + Number(s.input_tokens),
      outputTokens: t.outputTokens + Number(s.output_tokens),
      costUsd: t.costUsd + Number(s.cost_usd),
      latencyMs: t.latencyMs + Number(s.latency_ms),
    }),
    { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: 0 },
  );
}
