import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ActionIcon, Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconEdit, IconMessages, IconTrash, IconX } from '@tabler/icons-react';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { api, num, unwrap } from '@/lib/api/client';
import { plural } from '@/lib/format';
import { ApiError, errorMessage } from '@/lib/api/errors';
import type { Conversation } from '@/lib/api/types';
import { useConfirmedDelete } from '@/lib/useConfirmedDelete';
import { useModels } from '@/features/providers/queries';
import { conversationKeys, sourceLabel, useConversation } from '../queries';
import { ChatMessage } from './ChatMessage';
import { Composer } from './Composer';
import { LiveTurnView } from './LiveTurnView';
import { ConversationSettings } from './ConversationSettings';
import { isPriced, usageLine } from './usage';
import { useAnswerElicitation, useDecideToolCall, useEarlierMessages, useSendMessage, useUpdateConversation } from './useConversationChanges';
import { ApprovalCard } from '../tools/ApprovalCard';
import { AuthorizationCard } from '../tools/AuthorizationCard';
import { ElicitationCard } from '@/components/elicitation/ElicitationCard';
import { ConversationTools } from '../tools/ConversationTools';
import { pendingCall } from '../tools/toolPolicy';

/** `/conversations/:id`: the messages, the send box, and the conversation's model and instructions. */
export function ChatPage() {
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  if (conversation.isPending) return <PageSkeleton />;
  if (conversation.isError) return <ErrorState error={conversation.error} onRetry={() => conversation.refetch()} />;
  return <Chat conversation={conversation.data} />;
}

function Chat({ conversation: c }: { conversation: Conversation }) {
  const [draft, setDraft] = useState('');
  const { send, turn: sentTurn, stop: stopSend } = useSendMessage(c.id);
  const { decide, turn: decidedTurn, stop: stopDecision } = useDecideToolCall(c.id);
  // The turn streaming now: a message's, or one going on after a decision.
  const streaming = send.isPending || decide.isPending;
  const turn = send.isPending ? sentTurn : decidedTurn;
  const answer = useAnswerElicitation(c.id);
  // Whether the last send or decision ended at the iteration limit.
  const [limited, setLimited] = useState(false);
  const waiting = pendingCall(c);
  const earlier = useEarlierMessages(c.id);
  const models = useModels();
  const end = useRef<HTMLDivElement>(null);
  const messages = c.messages ?? [];
  const calls = new Map(messages.flatMap((m) => m.tool_calls ?? []).map((call) => [call.call_id, call]));
  const remove = useConfirmedDelete({
    title: `Delete “${c.title}”?`,
    consequence: 'The conversation and its messages are removed from your list.',
    remove: () => unwrap(api.DELETE('/api/conversations/{id}', { params: { path: { id: c.id } } })),
    invalidate: conversationKeys.all,
    done: 'Conversation deleted',
    then: '/conversations',
    beforeLeaving: () => {},
  });

  useEffect(() => { end.current?.scrollIntoView?.({ block: 'end' }); }, [messages.length, streaming, turn, !!waiting]);

  // The streamed turn says when it waits for an authorization. One stored on the conversation belongs to a turn run
  // elsewhere (another tab, before a reload): read it again while it lasts, so the card goes without a reload.
  const client = useQueryClient();
  const authorizing = streaming ? turn.authorization : c.awaiting_authorization;
  // A wait whose server went away stays stored past its end: it no longer holds anything up.
  const stillAuthorizing = !!authorizing && Date.parse(authorizing.expires_at) > Date.now();
  // A question already answered goes at once; the turn goes on until the tool's result comes.
  const shownInput = streaming ? turn.elicitation : c.awaiting_input;
  const asking = shownInput && Date.parse(shownInput.expires_at) > Date.now() && answer.data?.elicitation_id !== shownInput.elicitation_id ? shownInput : null;
  useEffect(() => {
    if (streaming || !(stillAuthorizing || asking)) return;
    const timer = setInterval(() => client.invalidateQueries({ queryKey: conversationKeys.one(c.id) }), 1500);
    return () => clearInterval(timer);
  }, [client, c.id, streaming, stillAuthorizing, asking]);

  const submit = () => {
    const content = draft;
    setDraft('');
    setLimited(false);
    const giveBack = () => setDraft((now) => now || content);
    send.mutate(content, { onSuccess: (sent) => (sent ? setLimited(sent.status === 'iteration_limit') : giveBack()), onError: giveBack });
  };

  return (
    <>
      <PageHeader
        before={<Breadcrumbs><Anchor component={Link} to="/conversations" size="sm">Conversations</Anchor><Text size="sm" truncate maw={360}>{c.title}</Text></Breadcrumbs>}
        title={<EditableTitle conversation={c} />}
        description={[c.source !== 'native' ? `Imported (${sourceLabel(c.source)})` : null, plural(num(c.message_count), 'message')].filter(Boolean).join(' · ')}
        actions={<Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={remove.confirm} loading={remove.pending}>Delete</Button>}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {c.has_more_messages && messages[0] && (
              <Button variant="subtle" size="xs" loading={earlier.isPending} onClick={() => earlier.mutate(messages[0]!.created_at)} style={{ alignSelf: 'center' }}>
                Load earlier messages
              </Button>
            )}
            <Stack gap="lg" role="log" aria-label="Messages" aria-busy={streaming}>
              {messages.length === 0 && !streaming && (
                <EmptyState icon={<IconMessages size={26} />} title="Say something">Your first message goes to {c.model_id ?? 'the model you pick'} with the conversation's instructions.</EmptyState>
              )}
              {messages.map((m) => <ChatMessage key={m.id} message={m} usage={usageLine(m, isPriced(m.model_id, models.data?.models))} call={m.tool_call_id ? calls.get(m.tool_call_id) : undefined} />)}
              {streaming && <LiveTurnView question={send.isPending ? send.variables : undefined} turn={turn} modelId={c.model_id} />}
            </Stack>
            {authorizing && <AuthorizationCard pending={authorizing} />}
            {asking && (
              <ElicitationCard key={asking.elicitation_id} pending={asking} error={answer.error} answering={answer.isPending ? answer.variables.action : null}
                onAnswer={(action, content) => answer.mutate({ elicitationId: asking.elicitation_id, action, content })} />
            )}
            {waiting && (
              <ApprovalCard call={waiting} error={decide.error} deciding={decide.isPending ? decide.variables.decision : null}
                onDecide={(decision) => {
                  setLimited(false);
                  decide.mutate({ callId: waiting.call_id ?? '', decision }, { onSuccess: (sent) => setLimited(sent?.status === 'iteration_limit') });
                }} />
            )}
            {limited && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="The model stopped at the tool call limit" data-testid="iteration-limit">
                It called tools as many times as one message allows, so its last calls were not run. Send another message to let it go on.
              </Alert>
            )}
            {send.isError && <SendError error={send.error} onDismiss={() => send.reset()} />}
            {send.isSuccess && !send.data && (
              <Alert color="gray" variant="light" title="You stopped the answer" withCloseButton closeButtonLabel="Dismiss" onClose={() => send.reset()} data-testid="send-stopped">
                The turn was cancelled and nothing was stored: your message is back in the send box.
              </Alert>
            )}
            <div ref={end} />
            <Composer value={draft} onChange={setDraft} onSend={submit} onStop={send.isPending ? stopSend : stopDecision} pending={streaming}
              disabledReason={!c.model_id ? 'Pick a model for this conversation first' : waiting ? 'Approve or deny the tool call above before sending'
                : stillAuthorizing ? 'The answer waits for the authorization above' : asking ? 'The answer waits for your input above' : null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ConversationSettings conversation={c} />
            <ConversationTools conversation={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** A failed send, said plainly: what the provider or Promptmark answered, and that nothing was stored. */
function SendError({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 502 ? 'The model provider failed' : status === 422 ? 'The message could not be sent' : 'Sending failed';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} withCloseButton closeButtonLabel="Dismiss" onClose={onDismiss} role="alert" data-testid="send-error">
      <Stack gap={4}>
        <Text size="sm">{errorMessage(error)}</Text>
        <Text size="xs" c="dimmed">Nothing was stored: your message is back in the send box.</Text>
      </Stack>
    </Alert>
  );
}

function EditableTitle({ conversation: c }: { conversation: Conversation }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(c.title);
  const update = useUpdateConversation(c.id);
  if (!editing) {
    return (
      <Group gap="xs" component="span" wrap="nowrap">
        <span>{c.title}</span>
        {c.source !== 'native' && <Badge variant="light" color="gray">{sourceLabel(c.source)}</Badge>}
        <Tooltip label="Rename"><ActionIcon variant="subtle" color="gray" aria-label="Rename the conversation" onClick={() => { setTitle(c.title); setEditing(true); }}><IconEdit size={18} /></ActionIcon></Tooltip>
      </Group>
    );
  }
  const save = () => {
    if (!title.trim() || title.trim() === c.title) { setEditing(false); return; }
    update.mutate({ title: title.trim() }, { onSuccess: () => setEditing(false) });
  };
  return (
    <Group gap="xs" component="span" wrap="nowrap">
      <TextInput aria-label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} autoFocus size="md"
        error={update.error instanceof ApiError ? update.error.field('title') : undefined}
        onKeyDown={(e) => { if (e.key === 'Enter') save(); if (e.key === 'Escape') setEditing(false); }} />
      <ActionIcon aria-label="Save the title" onClick={save} loading={update.isPending}><IconCheck size={16} /></ActionIcon>
      <ActionIcon variant="default" aria-label="Cancel renaming" onClick={() => setEditing(false)}><IconX size={16} /></ActionIcon>
    </Group>
  );
}

export { ChatPage as Component };
