import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ToolExecutionResult } from '@/lib/api/types';
import { connectionKeys } from '../queries';
import { streamToolCall, type ToolProgress } from './streamToolCall';

export type ToolRun =
  | { state: 'idle' }
  | { state: 'running'; progress: ToolProgress | null }
  | { state: 'done'; result: ToolExecutionResult }
  | { state: 'failed'; error: unknown };

/** Runs a tool over the stream route, keeping the latest progress; a new run or leaving the page cancels the last one. */
export function useToolRun(connectionId: string, toolName: string) {
  const client = useQueryClient();
  const [run, setRun] = useState<ToolRun>({ state: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const start = async (args: Record<string, unknown>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setRun({ state: 'running', progress: null });
    try {
      const result = await streamToolCall({
        connectionId, toolName, arguments: args, signal: controller.signal,
        onProgress: (progress) => { if (!controller.signal.aborted) setRun({ state: 'running', progress }); },
      });
      if (!controller.signal.aborted) setRun({ state: 'done', result });
    } catch (error) {
      if (!controller.signal.aborted) setRun({ state: 'failed', error });
    } finally {
      client.invalidateQueries({ queryKey: connectionKeys.allExecutions });
    }
  };

  return { run, start };
}
