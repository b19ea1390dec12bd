import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Conversation, ConversationMessage, SentMessage } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';
import { providerKeys } from '@/features/providers/queries';
import { conversationKeys, messageWindow } from '../queries';
import { type ToolChoice, type nativeRefs, withTurn } from '../tools/toolPolicy';
import { applyTurnEvent, emptyTurn, type LiveTurn, streamMessage } from './streamMessage';

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

/** Puts a turn's messages into the conversation shown; the answers' cost counts against this month's budgets. */
function useTurnResult(id: string) {
  const client = useQueryClient();
  return (sent: SentMessage) => {
    client.setQueryData<Conversation>(conversationKeys.one(id), (old) => old && withTurn(old, sent));
    if (sent.status === 'awaiting_approval') client.invalidateQueries({ queryKey: conversationKeys.one(id) });
    client.invalidateQueries({ queryKey: conversationKeys.lists });
    client.invalidateQueries({ queryKey: providerKeys.list });
  };
}

/**
 * Sends one message over the stream route: `turn` shows its steps as they happen; `stop` leaves the stream, which cancels
 * the turn (nothing is stored; the send resolves with null). However it ends, the conversation is read again, and the send
 * stays pending until then, so the stored messages replace the streamed ones without both ever showing.
 */
export function useSendMessage(id: string) {
  const client = useQueryClient();
  const [turn, setTurn] = useState<LiveTurn>(emptyTurn);
  const running = useRef<AbortController | null>(null);
  const send = useMutation({
    mutationFn: async (content: string): Promise<SentMessage | null> => {
      const controller = new AbortController();
      running.current = controller;
      setTurn(emptyTurn);
      try {
        return await streamMessage({ conversationId: id, content, signal: controller.signal, onEvent: (event) => setTurn((t) => applyTurnEvent(t, event)) });
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
  return { send, turn, stop: () => running.current?.abort() };
}

/** Approves or denies the tool call the turn waits on; the turn then goes on and its new messages are added. */
export function useDecideToolCall(id: string) {
  const onSuccess = useTurnResult(id);
  return useMutation({
    mutationFn: ({ callId, decision }: { callId: string; decision: 'approve' | 'deny' }) =>
      unwrap(api.POST('/api/conversations/{conversation_id}/tool-calls/{call_id}/{decision}', {
        params: { path: { conversation_id: id, call_id: callId, decision } },
      })),
    onSuccess,
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
