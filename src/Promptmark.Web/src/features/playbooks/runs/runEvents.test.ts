import { describe, expect, it } from 'vitest';
import { initialRunProgress, reduceRunEvent, totalsOf, type RunProgress } from './runEvents';
import type { PlaybookExecution, PlaybookRunStep } from '@/lib/api/types';

const step = (label: string, status = 'completed', extra: Partial<PlaybookRunStep> = {}): PlaybookRunStep => ({
  label, number: Number.parseInt(label, 10), title: `Step ${label}`, status, source: 'model', content: `out ${label}`, model_id: 'local/a',
  input_tokens: 10, output_tokens: 5, cost_usd: 0.001, latency_ms: 100, output_var: null, tool_execution_id: null, error: null, warnings: [],
  completed_at: '2026-12-03T12:00:00Z', ...extra,
});

const run = (status: string, steps: PlaybookRunStep[]): PlaybookExecution => ({
  id: 'r1', playbook_id: 'p1', playbook_title: 'P', status, model_id: 'local/a', input_values: {}, breakpoints: [], steps, outputs: {},
  artifact: null, paused_after_step: null, elicitation: null, totals: { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0 },
  error: null, created_at: '2026-12-03T12:00:00Z', updated_at: '2026-12-03T12:00:00Z', completed_at: null, expires_at: null,
});

const fold = (events: [string, unknown][], from: RunProgress = initialRunProgress) => events.reduce((s, [n, d]) => reduceRunEvent(s, n, d), from);

describe('reduceRunEvent', () => {
  it('starts from the snapshot and shows each step under way, then done', () => {
    const started = { label: '2', number: 2, title: 'Two' };
    const state = fold([['snapshot', run('paused', [step('1')])], ['resumed', run('running', [step('1')])], ['step_started', started]]);
    expect(state.current).toEqual({ ...started, text: '' });
    expect(state.run!.status).toBe('running');

    const done = reduceRunEvent(state, 'step_done', step('2'));
    expect(done.current).toBeNull();
    expect(done.run!.steps.map((s) => s.label)).toEqual(['1', '2']);
  });

  it("grows the running step's text with its deltas, starting over when the call is made again", () => {
    const state = fold([
      ['snapshot', run('running', [])],
      ['step_started', { label: '1', number: 1, title: 'One' }],
      ['step_delta', { execution_id: 'r1', label: '1', offset: 0, text: 'Alpha' }],
      ['step_delta', { execution_id: 'r1', label: '1', offset: 5, text: ' beta' }],
    ]);
    expect(state.current).toEqual({ label: '1', number: 1, title: 'One', text: 'Alpha beta' });
    const again = fold([['step_delta', { execution_id: 'r1', label: '1', offset: 0, text: 'Gamma' }]], state);
    expect(again.current!.text).toBe('Gamma');

    const done = reduceRunEvent(again, 'step_done', step('1', 'completed', { content: 'Gamma' }));
    expect(done.current).toBeNull();
    expect(done.run!.steps.map((s) => s.content)).toEqual(['Gamma']);
  });

  it('drops a delta of a step that is not the one under way', () => {
    const state = fold([['snapshot', run('running', [])], ['step_started', { label: '2', number: 2, title: 'Two' }]]);
    expect(reduceRunEvent(state, 'step_delta', { execution_id: 'r1', label: '1', offset: 0, text: 'late' })).toBe(state);
  });

  it('takes the run from an event that carries it and ends the step under way', () => {
    const state = fold([['snapshot', run('running', [])], ['step_started', { label: '1', number: 1, title: 'One' }], ['failed', run('failed', [step('1', 'failed')])]]);
    expect(state.current).toBeNull();
    expect(state.run!.status).toBe('failed');
  });

  it('replaces a failed step by its retry', () => {
    const state = fold([['snapshot', run('running', [step('1'), step('2', 'failed')])], ['step_done', step('2')]]);
    expect(state.run!.steps.map((s) => [s.label, s.status])).toEqual([['1', 'completed'], ['2', 'completed']]);
  });

  it('ignores step events before the first snapshot and events it does not know', () => {
    expect(reduceRunEvent(initialRunProgress, 'step_done', step('1'))).toBe(initialRunProgress);
    const state = fold([['snapshot', run('running', [])]]);
    expect(reduceRunEvent(state, 'heartbeat', {})).toBe(state);
  });
});

describe('totalsOf', () => {
  it('adds up the tokens, cost and time of the steps', () => {
    expect(totalsOf([step('1'), step('2', 'completed', { cost_usd: 0.002 })])).toEqual({ inputTokens: 20, outputTokens: 10, costUsd: 0.003, latencyMs: 200 });
  });
});
