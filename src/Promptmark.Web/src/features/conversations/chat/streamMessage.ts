import { errorEvent, postEventStream, type ServerSentEvent } from '@/lib/api/serverSentEvents';
import type { ConversationMessage, MessageToolCall, PendingAuthorization, PendingInput, SentMessage } from '@/lib/api/types';

/** One thing that happened in a streamed turn (`usage` is left to the stored messages, shown when the turn ends). */
export type TurnEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; call: MessageToolCall }
  | { type: 'tool_result'; message: ConversationMessage }
  | { type: 'authorization'; pending: PendingAuthorization }
  | { type: 'elicitation'; pending: PendingInput };

/** An answer of the model as it is being written: its text so far and the tools it called. */
export interface LiveAnswer { role: 'assistant'; text: string; calls: MessageToolCall[] }
/** What a tool answered, in the turn. */
export interface LiveResult { role: 'tool'; message: ConversationMessage }

/** The turn so far, in the order it happened, and the authorization or the answer it waits for (until that call's result comes). */
export interface LiveTurn { parts: (LiveAnswer | LiveResult)[]; authorization: PendingAuthorization | null; elicitation: PendingInput | null }

export const emptyTurn: LiveTurn = { parts: [], authorization: null, elicitation: null };

/**
 * The turn after one more event: text goes on the answer being written (a new answer after a tool result), a call is
 * added to the latest answer, a result ends the authorization or elicitation wait of its call.
 */
export function applyTurnEvent(turn: LiveTurn, event: TurnEvent): LiveTurn {
  const last = turn.parts.at(-1);
  const before = turn.parts.slice(0, -1);
  switch (event.type) {
    case 'text':
      return last?.role === 'assistant' && last.calls.length === 0
        ? { ...turn, parts: [...before, { ...last, text: last.text + event.delta }] }
        : { ...turn, parts: [...turn.parts, { role: 'assistant', text: event.delta, calls: [] }] };
    case 'tool_call':
      return last?.role === 'assistant'
        ? { ...turn, parts: [...before, { ...last, calls: [...last.calls, event.call] }] }
        : { ...turn, parts: [...turn.parts, { role: 'assistant', text: '', calls: [event.call] }] };
    case 'tool_result':
      return {
        parts: [...turn.parts, { role: 'tool', message: event.message }],
        authorization: turn.authorization?.call_id === event.message.tool_call_id ? null : turn.authorization,
        elicitation: turn.elicitation?.call_id === event.message.tool_call_id ? null : turn.elicitation,
      };
    case 'authorization':
      return { ...turn, authorization: event.pending };
    case 'elicitation':
      return { ...turn, elicitation: event.pending };
  }
}

/** The answer of a `done` event; the `TurnEvent` of a step, passed on; an `error` event thrown as an ApiError. */
export function settleTurn(event: ServerSentEvent, onEvent: (event: TurnEvent) => void): SentMessage | null {
  const data: unknown = JSON.parse(event.data);
  switch (event.event) {
    case 'done':
      return data as SentMessage;
    case 'error':
      throw errorEvent(data);
    case 'text':
      onEvent({ type: 'text', delta: (data as { delta: string }).delta });
      return null;
    case 'tool_call':
      onEvent({ type: 'tool_call', call: data as MessageToolCall });
      return null;
    case 'tool_result':
      onEvent({ type: 'tool_result', message: data as ConversationMessage });
      return null;
    case 'authorization':
      onEvent({ type: 'authorization', pending: data as PendingAuthorization });
      return null;
    case 'elicitation':
      onEvent({ type: 'elicitation', pending: data as PendingInput });
      return null;
    default:
      return null;
  }
}

interface Streamed {
  conversationId: string;
  onEvent: (event: TurnEvent) => void;
  signal: AbortSignal;
}

/** Runs a turn through one of the stream routes: steps to `onEvent` as they happen, the turn's messages once it ended or paused. */
async function streamTurn(path: string, body: unknown, { conversationId, onEvent, signal }: Streamed): Promise<SentMessage> {
  const url = `/api/conversations/${encodeURIComponent(conversationId)}/${path}`;
  const sent = await postEventStream(url, body, (event) => settleTurn(event, onEvent), signal);
  if (sent) return sent;
  throw errorEvent({ status: 502, detail: 'The answer stopped before the turn ended, so nothing was stored.' });
}

/**
 * Sends a message through `POST …/messages/stream`. Aborting `signal` leaves the stream, which cancels the turn: nothing is stored.
 */
export const streamMessage = ({ content, ...streamed }: Streamed & { content: string }) => streamTurn('messages/stream', { content }, streamed);

/**
 * Approves or denies the call a paused turn waits on through `POST …/tool-calls/{call}/{decision}/stream`: the resumed turn
 * streams as a sent one does. Aborting `signal` cancels it: nothing is stored and the call still waits.
 */
export const streamDecision = ({ callId, decision, ...streamed }: Streamed & { callId: string; decision: 'approve' | 'deny' }) =>
  streamTurn(`tool-calls/${encodeURIComponent(callId)}/${decision}/stream`, {}, streamed);
