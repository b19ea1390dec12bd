import { ApiError } from '@/lib/api/errors';
import type { ElicitationQuestion } from '@/components/elicitation/ElicitationCard';
import type { ToolExecutionResult } from '@/lib/api/types';
import { errorEvent, postEventStream, type ServerSentEvent } from '@/lib/api/serverSentEvents';

/** A progress notification the remote server sent while the tool runs. */
export interface ToolProgress {
  progress: number;
  total: number | null;
  message: string | null;
}

interface StreamToolCall {
  connectionId: string;
  toolName: string;
  arguments: Record<string, unknown>;
  onProgress: (progress: ToolProgress) => void;
  /** The tool asks the person; the run waits for the answer (see useToolRun). */
  onQuestion: (question: ElicitationQuestion) => void;
  signal?: AbortSignal;
}

/**
 * Runs a tool through `POST …/tools/{tool_name}/stream` (Server-Sent Events, which the generated client cannot
 * read): reports each `progress` and `elicitation` event, resolves with the `result` event, and throws an ApiError for a
 * pre-flight problem (404, 409, 422 with its list of argument problems) or an `error` event.
 */
export async function streamToolCall({ connectionId, toolName, arguments: args, onProgress, onQuestion, signal }: StreamToolCall): Promise<ToolExecutionResult> {
  const url = `/api/mcp/connections/${encodeURIComponent(connectionId)}/tools/${encodeURIComponent(toolName)}/stream`;
  const result = await postEventStream(url, { arguments: args }, (event) => settle(event, onProgress, onQuestion), signal);
  if (result) return result;
  throw new ApiError(502, 'The stream ended before the tool answered.');
}

/** The result of a `result` event; reports a `progress` or `elicitation` event; throws for an `error` event. */
export function settle(event: ServerSentEvent, onProgress: (progress: ToolProgress) => void, onQuestion: (question: ElicitationQuestion) => void): ToolExecutionResult | null {
  const data: unknown = JSON.parse(event.data);
  switch (event.event) {
    case 'progress':
      onProgress(data as ToolProgress);
      return null;
    case 'elicitation':
      onQuestion(data as ElicitationQuestion);
      return null;
    case 'result':
      return data as ToolExecutionResult;
    case 'error':
      throw errorEvent(data);
    default:
      return null;
  }
}
