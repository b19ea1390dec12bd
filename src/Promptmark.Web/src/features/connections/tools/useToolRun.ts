import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ElicitationAction, ElicitationQuestion } from '@/components/elicitation/ElicitationCard';
import { api, unwrap } from '@/lib/api/client';
import type { ToolExecutionResult } from '@/lib/api/types';
import { connectionKeys } from '../queries';
import { streamToolCall, type ToolProgress } from './streamToolCall';

export type ToolRun =
  | { state: 'idle' }
  | { state: 'running'; progress: ToolProgress | null; question: ElicitationQuestion | null }
  | { state: 'done'; result: ToolExecutionResult }
  | { state: 'failed'; error: unknown };

/**
 * Runs a tool over the stream route, keeping the latest progress and the question the tool asks (MCP elicitation),
 * which `answer` sends; a new run or leaving the page cancels the last one.
 */
export function useToolRun(connectionId: string, toolName: string) {
  const client = useQueryClient();
  const [run, setRun] = useState<ToolRun>({ state: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const answer = useMutation({
    mutationFn: ({ elicitationId, action, content }: { elicitationId: string; action: ElicitationAction; content?: Record<string, unknown> }) =>
      unwrap(api.POST('/api/mcp/connections/{connection_id}/elicitations/{elicitation_id}', {
        params: { path: { connection_id: connectionId, elicitation_id: elicitationId } }, body: { action, content },
      })),
    // Answered: the card goes, and the tool's result comes on the stream.
    onSuccess: (_, { elicitationId }) => setRun((r) => (r.state === 'running' && r.question?.elicitation_id === elicitationId ? { ...r, question: null } : r)),
  });

  const start = async (args: Record<string, unknown>) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    answer.reset();
    setRun({ state: 'running', progress: null, question: null });
    const update = (change: Partial<Extract<ToolRun, { state: 'running' }>>) => {
      if (!controller.signal.aborted) setRun((r) => (r.state === 'running' ? { ...r, ...change } : r));
    };
    try {
      const result = await streamToolCall({
        connectionId, toolName, arguments: args, signal: controller.signal,
        onProgress: (progress) => update({ progress }),
        onQuestion: (question) => update({ question }),
      });
      if (!controller.signal.aborted) setRun({ state: 'done', result });
    } catch (error) {
      if (!controller.signal.aborted) setRun({ state: 'failed', error });
    } finally {
      client.invalidateQueries({ queryKey: connectionKeys.allExecutions });
    }
  };

  return { run, start, answer };
}
