import type { ReactNode } from 'react';
import { Avatar, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconRobot, IconSettings, IconTool, IconUser } from '@tabler/icons-react';
import type { ConversationMessage, MessageToolCall } from '@/lib/api/types';
import { formatDate, timeAgo } from '@/lib/format';
import { ToolCallPart, ToolResultPart } from '../tools/ToolCallPart';
import { Markdown } from '@/components/Markdown';
import classes from './ChatMessage.module.css';

const roles: Record<string, { label: string; icon: ReactNode; color: string }> = {
  user: { label: 'You', icon: <IconUser size={16} />, color: 'iris' },
  assistant: { label: 'Assistant', icon: <IconRobot size={16} />, color: 'teal' },
  system: { label: 'System', icon: <IconSettings size={16} />, color: 'gray' },
  tool: { label: 'Tool', icon: <IconTool size={16} />, color: 'orange' },
};

interface MessageFrameProps {
  role: string;
  /** What stands after the role: the model, the time. */
  meta?: ReactNode;
  /** The message's parts in order: its text now; tool calls and their results are further parts. */
  children: ReactNode;
  /** Under the message: usage and cost. */
  footer?: ReactNode;
  testId?: string;
}

/** One turn of the conversation: who speaks, then its parts, then its usage. */
export function MessageFrame({ role, meta, children, footer, testId }: MessageFrameProps) {
  const who = roles[role] ?? { label: role, icon: <IconSettings size={16} />, color: 'gray' };
  return (
    <Group component="article" align="flex-start" wrap="nowrap" gap="sm" data-testid={testId} data-role={role} aria-label={`${who.label} said`}>
      <Avatar size={32} radius="xl" color={who.color} variant="light" aria-hidden>{who.icon}</Avatar>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs">
          <Text size="sm" fw={600}>{who.label}</Text>
          {meta}
        </Group>
        <Paper radius="md" p="sm" className={role === 'user' ? classes.user : classes.other}>{children}</Paper>
        {footer}
      </Stack>
    </Group>
  );
}

/**
 * A stored message: its markdown, its model and time, and for an answer its usage line. An answer's tool calls follow
 * its text; a `tool` message shows the result of `call` (the call it answers).
 */
export function ChatMessage({ message, usage, call }: { message: ConversationMessage; usage: string | null; call?: MessageToolCall | undefined }) {
  return (
    <MessageFrame
      role={message.role}
      testId="chat-message"
      meta={(
        <>
          {message.role === 'assistant' && message.model_id && <Text size="xs" c="dimmed" className="pm-mono">{message.model_id}</Text>}
          <Tooltip label={formatDate(message.created_at)}><Text size="xs" c="dimmed">{timeAgo(message.created_at)}</Text></Tooltip>
        </>
      )}
      footer={usage && <Text size="xs" c="dimmed" data-testid="message-usage">{usage}</Text>}
    >
      <Stack gap="xs">
        {message.role === 'tool' ? <ToolResultPart message={message} call={call} /> : <MessageText message={message} />}
        {message.tool_calls?.map((c) => <ToolCallPart key={c.call_id} call={c} />)}
      </Stack>
    </MessageFrame>
  );
}

function MessageText({ message }: { message: ConversationMessage }) {
  // An answer that only calls tools has no text.
  if (!message.content && message.tool_calls?.length) return null;
  // A person's own words are shown as typed (line breaks kept); what a model or an import wrote is markdown.
  return message.role === 'user'
    ? <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.content}</Text>
    : <Markdown text={message.content} />;
}
