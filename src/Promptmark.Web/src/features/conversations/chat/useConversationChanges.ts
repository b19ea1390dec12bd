import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Conversation, ConversationMessage, SentMessage } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';
import { providerKeys } from '@/features/providers/queries';
import { conversationKeys, messageWindow } from '../queries';
import type { ToolChoice, nativeRefs } from '../tools/toolPolicy';
import { applyTurnEvent, emptyTurn, type LiveTurn, streamDecision, streamMessage, type TurnEvent } from './streamMessage';

type Patch = { title?: string; model_id?: string; linked_prompt_id?: string; system_prompt?: string };

/** Changes the conversation's title, model, linked prompt or system prompt ('' unlinks or clears), keeping the messages shown. */
export function useUpdateConversation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Patch) => unwrap(api.PATCH('/api/conversations/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (saved) => {
      client.setQueryData<Conversation>(conversationKeys.one(id), (old) =>
        old ? { ...saved, messages: old.messages, has_more_messages: old.has_more_messages } : old);
      client.invalidateQueries({ queryKey: conversationKeys.lists });
    },
    onError: (e) => notifyError(e, 'Could not change the conversation'),
  });
}

type StartTurn = (streamed: { conversationId: string; signal: AbortSignal; onEvent: (event: TurnEvent) => void }) => Promise<SentMessage>;

/**
 * A turn run over a stream route: `turn` shows its steps as they happen; `stop` (or leaving the page) leaves the stream,
 * which cancels the turn (nothing is stored; the run resolves with null). However it ends, the conversation is read again, and the run stays
 * pending until then, so the stored messages replace the streamed ones without both ever showing.
 */
function useStreamedTurn<T>(id: string, start: (input: T) => StartTurn) {
  const client = useQueryClient();
  const [turn, setTurn] = useState<LiveTurn>(emptyTurn);
  const running = useRef<AbortController | null>(null);
  // Leaving the page leaves the stream too: the server then cancels the turn instead of running it for nobody.
  useEffect(() => () => running.current?.abort(), []);
  const run = useMutation({
    mutationFn: async (input: T): Promise<SentMessage | null> => {
      const controller = new AbortController();
      running.current = controller;
      setTurn(emptyTurn);
      try {
        return await start(input)({ conversationId: id, signal: controller.signal, onEvent: (event) => setTurn((t) => applyTurnEvent(t, event)) });
      } catch (e) {
        if (controller.signal.aborted) return null;
        throw e;
      }
    },
    onSettled: () => Promise.all([
      client.invalidateQueries({ queryKey: conversationKeys.one(id) }),
      client.invalidateQueries({ queryKey: conversationKeys.lists }),
      client.invalidateQueries({ queryKey: providerKeys.list }),
    ]),
  });
  return { run, turn, stop: () => running.current?.abort() };
}

/** Sends one message and streams its turn. */
export function useSendMessage(id: string) {
  const { run, turn, stop } = useStreamedTurn(id, (content: string) => (streamed) => streamMessage({ ...streamed, content }));
  return { send: run, turn, stop };
}

/** Approves or denies the tool call the turn waits on, and streams the turn as it goes on. */
export function useDecideToolCall(id: string) {
  const { run, turn, stop } = useStreamedTurn(id, ({ callId, decision }: { callId: string; decision: 'approve' | 'deny' }) =>
    (streamed) => streamDecision({ ...streamed, callId, decision }));
  return { decide: run, turn, stop };
}

/** Answers the question a remote tool asked in the running turn; the turn goes on where it was sent from. */
export function useAnswerElicitation(id: string) {
  return useMutation({
    mutationFn: ({ elicitationId, action, content }: { elicitationId: string; action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }) =>
      unwrap(api.POST('/api/conversations/{conversation_id}/elicitations/{elicitation_id}', {
        params: { path: { conversation_id: id, elicitation_id: elicitationId } }, body: { action, content },
      })),
  });
}

/** Replaces the conversation's attached tools (`update_conversation_tools`), or detaches one (`remove_conversation_tool`). */
export function useConversationTools(id: string) {
  const client = useQueryClient();
  const keep = (saved: { tools: Conversation['tools'] }) =>
    client.setQueryData<Conversation>(conversationKeys.one(id), (old) => old && { ...old, tools: saved.tools });
  const save = useMutation({
    mutationFn: (tools: (ToolChoice | ReturnType<typeof nativeRefs>[number])[]) =>
      unwrap(api.PUT('/api/conversations/{conversation_id}/tools', { params: { path: { conversation_id: id } }, body: { tools } })),
    onSuccess: keep,
  });
  const remove = useMutation({
    mutationFn: ({ connectionId, toolName }: { connectionId: string; toolName: string }) =>
      unwrap(api.DELETE('/api/conversations/{conversation_id}/tools', {
        params: { path: { conversation_id: id }, query: { connection_id: connectionId, tool_name: toolName } },
      })),
    onSuccess: keep,
    onError: (e) => notifyError(e, 'Could not remove the tool'),
  });
  return { save, remove };
}

/** Fetches the messages before the oldest one shown and puts them in front. */
export function useEarlierMessages(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (before: string) => unwrap(api.GET('/api/conversations/{conversation_id}/messages', {
      params: { path: { conversation_id: id }, query: { before, limit: messageWindow } },
    })),
    onSuccess: (window) => {
      client.setQueryData<Conversation>(conversationKeys.one(id), (old) => old && {
        ...old,
        messages: [...window.messages, ...(old.messages ?? [])] as ConversationMessage[],
        has_more_messages: window.has_more,
      });
    },
    onError: (e) => notifyError(e, 'Could not load earlier messages'),
  });
}
