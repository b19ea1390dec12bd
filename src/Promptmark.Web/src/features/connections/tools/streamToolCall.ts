import { ApiError, toApiError } from '@/lib/api/errors';
import type { ToolExecutionResult } from '@/lib/api/types';
import { ServerSentEventParser, type ServerSentEvent } from './serverSentEvents';

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
  signal?: AbortSignal;
}

/**
 * Runs a tool through `POST …/tools/{tool_name}/stream` (Server-Sent Events, which the generated client cannot
 * read): reports each `progress` event, resolves with the `result` event, and throws an ApiError for a
 * pre-flight problem (404, 409, 422 with its list of argument problems) or an `error` event.
 */
export async function streamToolCall({ connectionId, toolName, arguments: args, onProgress, signal }: StreamToolCall): Promise<ToolExecutionResult> {
  const url = `/api/mcp/connections/${encodeURIComponent(connectionId)}/tools/${encodeURIComponent(toolName)}/stream`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      // Pre-flight problems come back with an empty body unless problem+json is acceptable too.
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/problem+json' },
      body: JSON.stringify({ arguments: args }),
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'Promptmark could not be reached. Check your connection.');
  }
  if (!response.ok || !response.body) throw toApiError(response.status, await response.json().catch(() => undefined));

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new ServerSentEventParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const event of parser.push(value)) {
      const result = settle(event, onProgress);
      if (result) {
        await reader.cancel();
        return result;
      }
    }
  }
  throw new ApiError(502, 'The stream ended before the tool answered.');
}

/** The result of a `result` event; reports a `progress` event; throws for an `error` event. */
export function settle(event: ServerSentEvent, onProgress: (progress: ToolProgress) => void): ToolExecutionResult | null {
  const data: unknown = JSON.parse(event.data);
  switch (event.event) {
    case 'progress':
      onProgress(data as ToolProgress);
      return null;
    case 'result':
      return data as ToolExecutionResult;
    case 'error': {
      const status = Number((data as { status?: unknown } | null)?.status) || 502;
      throw toApiError(status, data);
    }
    default:
      return null;
  }
}
