import { Group, Loader, Stack, Text } from '@mantine/core';
import { ToolCallPart, ToolResultPart } from '../tools/ToolCallPart';
import { MessageFrame } from './ChatMessage';
import { Markdown } from '@/components/Markdown';
import type { LiveTurn } from './streamMessage';

/**
 * The turn being streamed: the question sent (none when a turn goes on after a decision), then the answers and tool
 * results as they come, until the turn is stored.
 */
export function LiveTurnView({ question, turn, modelId }: { question?: string; turn: LiveTurn; modelId: string | null | undefined }) {
  const calls = new Map(turn.parts.flatMap((p) => (p.role === 'assistant' ? p.calls : [])).map((call) => [call.call_id, call]));
  const model = <Text size="xs" c="dimmed" className="pm-mono">{modelId}</Text>;
  return (
    <>
      {question !== undefined && <MessageFrame role="user" testId="pending-message"><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{question}</Text></MessageFrame>}
      {turn.parts.map((part, i) => (part.role === 'tool'
        ? <MessageFrame key={i} role="tool" testId="streaming-message"><ToolResultPart message={part.message} call={calls.get(part.message.tool_call_id ?? '')} /></MessageFrame>
        : (
          <MessageFrame key={i} role="assistant" testId="streaming-message" meta={model}>
            <Stack gap="xs">
              {part.text && <Markdown text={part.text} />}
              {part.calls.map((c) => <ToolCallPart key={c.call_id} call={c} />)}
            </Stack>
          </MessageFrame>
        )))}
      {turn.parts.length === 0 && (
        <MessageFrame role="assistant" meta={model}>
          <Group gap="xs" role="status"><Loader size="xs" type="dots" /><Text size="sm" c="dimmed">Waiting for the model…</Text></Group>
        </MessageFrame>
      )}
    </>
  );
}
