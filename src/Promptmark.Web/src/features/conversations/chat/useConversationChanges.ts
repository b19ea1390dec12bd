import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { Conversation, ConversationMessage } from '@/lib/api/types';
import { notifyError } from '@/lib/notify';
import { providerKeys } from '@/features/providers/queries';
import { conversationKeys, messageWindow } from '../queries';

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

/** Sends one message and, once the model has answered, adds the question and the answer to the conversation shown. */
export function useSendMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (content: string) =>
      unwrap(api.POST('/api/conversations/{conversation_id}/messages', { params: { path: { conversation_id: id } }, body: { content } })),
    onSuccess: (sent) => {
      // The turn's messages: the question, each answer and tool result; one already shown (a paused answer) is replaced.
      client.setQueryData<Conversation>(conversationKeys.one(id), (old) => {
        if (!old) return old;
        const shown = old.messages ?? [];
        const added = sent.messages.filter((m) => !shown.some((s) => s.id === m.id));
        return {
          ...old,
          messages: [...shown.map((s) => sent.messages.find((m) => m.id === s.id) ?? s), ...added],
          message_count: Number(old.message_count) + added.length,
          updated_at: sent.assistant_message.created_at,
        };
      });
      client.invalidateQueries({ queryKey: conversationKeys.lists });
      // The answer's cost counts against this month's budgets.
      client.invalidateQueries({ queryKey: providerKeys.list });
    },
  });
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
