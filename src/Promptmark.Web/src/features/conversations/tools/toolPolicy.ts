import type { AttachedTool, Connection, Conversation } from '@/lib/api/types';

/** When an attached tool runs (the API's `approval`), in the words the picker shows. */
export const approvalPolicies = [
  { value: 'always', label: 'Always run' },
  { value: 'ask', label: 'Ask me' },
  { value: 'never', label: 'Never' },
] as const;
export type Approval = (typeof approvalPolicies)[number]['value'];
export const approvalLabel = (approval: string | undefined) =>
  approvalPolicies.find((p) => p.value === approval)?.label ?? approval ?? 'Always run';

/** A tool of one of the user's connections, as `update_conversation_tools` takes it. */
export interface ToolChoice { connection_id: string; tool_name: string; approval: Approval }

export const toolKey = (connectionId: string | null | undefined, toolName: string | undefined) => `${connectionId ?? 'native'}/${toolName ?? ''}`;

/** The attached tools as choices the picker starts from (native tools are kept aside: the picker does not offer them). */
export const choicesOf = (tools: AttachedTool[]): ToolChoice[] =>
  tools.filter((t) => !t.is_native && t.connection_id).map((t) => ({
    connection_id: t.connection_id!, tool_name: t.tool_name ?? '', approval: (t.approval ?? 'always') as Approval,
  }));

/** What a tool's outcome (the API's `outcome` on a `tool` message) means, said plainly. */
export const outcomes: Record<string, { label: string; color: string }> = {
  ran: { label: 'Ran', color: 'teal' },
  tool_error: { label: 'Tool answered an error', color: 'orange' },
  failed: { label: 'Failed', color: 'red' },
  refused: { label: 'Refused (not allowed to run)', color: 'gray' },
  denied: { label: 'Denied by you', color: 'gray' },
  not_run: { label: 'Not run: the iteration limit was reached', color: 'yellow' },
};

/** The arguments a model gave, indented; as they came when they are not JSON. */
export function formatArguments(json: string | undefined): string {
  try { return JSON.stringify(JSON.parse(json ?? '{}'), null, 2); } catch { return json ?? ''; }
}

/** The call the conversation's turn waits on, found in the messages shown; null when none waits. */
export function pendingCall(c: Conversation) {
  const waiting = c.awaiting_approval;
  if (!waiting) return null;
  const message = c.messages?.find((m) => m.id === waiting.message_id);
  return message?.tool_calls?.find((call) => call.call_id === waiting.call_id) ?? { call_id: waiting.call_id, name: 'a tool' };
}

/** The attached native (provider) tools as `update_conversation_tools` takes them, so that saving the picker keeps them. */
export const nativeRefs = (tools: AttachedTool[]) =>
  tools.filter((t) => t.is_native).map((t) => ({
    tool_name: t.tool_name ?? '', is_native: true, native_provider: t.native_provider ?? null, native_type: t.native_type ?? null, approval: t.approval ?? 'always',
  }));

/** The tools of Civic's hub a new conversation starts with checked in the picker (attached only when the user saves). */
export const civicDefaultTools = ['help', 'load-skill', 'store-save', 'continue_job', 'convert-timestamp', 'get-current-datetime', 'memory-access-memory'];

/**
 * What the picker starts with: the attached tools; for a conversation with no tools and no messages yet, Civic's default
 * tools that the user's Civic connections offer.
 */
export function initialChoices(c: Conversation, connections: { connection: Pick<Connection, 'id' | 'preset'>; tools: { name: string }[] }[]): ToolChoice[] {
  if (c.tools.length > 0 || Number(c.message_count) > 0) return choicesOf(c.tools);
  return connections.filter((x) => x.connection.preset === 'civic').flatMap(({ connection, tools }) =>
    tools.filter((t) => civicDefaultTools.includes(t.name)).map((t) => ({ connection_id: connection.id, tool_name: t.name, approval: 'always' as const })));
}
