import { useEffect, useReducer, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { initialRunProgress, lastEvents, reduceRunEvent } from './runEvents';

export const runKeys = {
  all: ['playbook-runs'] as const,
  list: (playbookId: string, page: number) => ['playbook-runs', 'list', playbookId, page] as const,
};

export const runsPageSize = 20;

export function useRunHistory(playbookId: string, page: number) {
  return useQuery({
    queryKey: runKeys.list(playbookId, page),
    queryFn: () => unwrap(api.GET('/api/playbooks/{playbook_id}/executions', { params: { path: { playbook_id: playbookId }, query: { page, page_size: runsPageSize } } })),
    placeholderData: keepPreviousData,
  });
}

const streamEvents = ['snapshot', 'resumed', 'step_started', 'step_delta', 'step_done', 'paused', 'awaiting_input', ...lastEvents];

/**
 * Follows a run through its progress stream. The browser's EventSource reconnects by itself after a dropped connection
 * (the stream then starts again with a snapshot); the stream ends with the run, and `follow` opens it again (after a retry).
 * `lost` is true when the stream was refused (the run is not found) or ended without its last event.
 */
export function useRunStream(executionId: string) {
  const [progress, dispatch] = useReducer(
    (state: typeof initialRunProgress, event: { name: string; data: unknown }) => reduceRunEvent(state, event.name, event.data),
    initialRunProgress,
  );
  const [lost, setLost] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    setLost(false);
    const source = new EventSource(`/api/playbook-executions/${encodeURIComponent(executionId)}/events`);
    let over = false;
    for (const name of streamEvents) {
      source.addEventListener(name, (event) => {
        dispatch({ name, data: JSON.parse((event as MessageEvent<string>).data) });
        if (lastEvents.has(name)) {
          over = true;
          source.close();
        }
      });
    }
    source.onerror = () => {
      if (!over && source.readyState === EventSource.CLOSED) setLost(true);
    };
    return () => source.close();
  }, [executionId, round]);
  return { ...progress, lost, follow: () => setRound((r) => r + 1) };
}
