import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Group, Loader, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { errorMessage } from '@/lib/api/errors';
import type { Conversation } from '@/lib/api/types';
import { connectionQuery, useConnections } from '@/features/connections/queries';
import { useConversationTools } from '../chat/useConversationChanges';
import { type Approval, approvalPolicies, initialChoices, nativeRefs, type ToolChoice, toolKey } from './toolPolicy';

/** Picks the tools of the user's active connections the model may call, each with when it runs; saving replaces the set. */
export function ToolPicker({ conversation: c, opened, onClose }: { conversation: Conversation; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Tools the model may call" size="lg">
      {opened && <PickerBody conversation={c} onClose={onClose} />}
    </Modal>
  );
}

function PickerBody({ conversation: c, onClose }: { conversation: Conversation; onClose: () => void }) {
  const { save } = useConversationTools(c.id);
  // Null until the user changes something: until then the picker shows initialChoices.
  const [changed, setChanged] = useState<Map<string, ToolChoice> | null>(null);
  const connections = useConnections();
  const active = (connections.data?.connections ?? []).filter((x) => x.is_active);
  const details = useQueries({ queries: active.map((x) => connectionQuery(x.id)) });
  // Connections with favourite tools first; within one, the API lists favourites first.
  const groups = details.flatMap((d) => (d.data ? [d.data] : []))
    .map((x) => ({ connection: x, tools: x.tools ?? [], favourites: (x.tools ?? []).filter((t) => t.is_favorite).length }))
    .sort((a, b) => Number(b.favourites > 0) - Number(a.favourites > 0));

  const chosen = changed ?? new Map(initialChoices(c, groups).map((t) => [toolKey(t.connection_id, t.tool_name), t]));
  const toggle = (choice: ToolChoice, on: boolean) => setChanged(() => {
    const next = new Map(chosen);
    if (on) next.set(toolKey(choice.connection_id, choice.tool_name), choice); else next.delete(toolKey(choice.connection_id, choice.tool_name));
    return next;
  });

  if (connections.isPending || details.some((d) => d.isPending)) return <Group justify="center" p="md"><Loader size="sm" /></Group>;
  return (
    <Stack gap="md">
      {groups.length === 0 && <Text size="sm" c="dimmed">No active connection has tools. Add a connection and test it on the Connections page.</Text>}
      {groups.map(({ connection, tools }) => (
        <Stack key={connection.id} gap="xs" component="section" aria-label={`Tools of ${connection.name}`}>
          <Title order={3} size="h6">{connection.name}</Title>
          {tools.map((tool) => {
            const key = toolKey(connection.id, tool.name);
            const choice = chosen.get(key);
            return (
              <Group key={key} justify="space-between" wrap="nowrap" gap="sm" data-testid="picker-tool">
                <Checkbox
                  checked={!!choice}
                  onChange={(e) => toggle({ connection_id: connection.id, tool_name: tool.name, approval: choice?.approval ?? 'always' }, e.currentTarget.checked)}
                  label={<Group gap={4} component="span">{tool.is_favorite && <IconStarFilled size={12} aria-hidden color="var(--mantine-color-yellow-6)" />}<span className="pm-mono">{tool.name}</span></Group>}
                  description={tool.description ? <Text size="xs" c="dimmed" lineClamp={2} component="span">{tool.description}</Text> : undefined}
                />
                <Select
                  aria-label={`When ${tool.name} runs`}
                  size="xs"
                  w={130}
                  data={approvalPolicies.map((p) => ({ ...p }))}
                  value={choice?.approval ?? 'always'}
                  allowDeselect={false}
                  disabled={!choice}
                  onChange={(v) => choice && toggle({ ...choice, approval: (v ?? 'always') as Approval }, true)}
                />
              </Group>
            );
          })}
        </Stack>
      ))}
      {save.isError && <Alert color="red" variant="light" role="alert" title="The tools were not saved">{errorMessage(save.error)}</Alert>}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">Ask me pauses the answer until you approve each call.</Text>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button loading={save.isPending} onClick={() => save.mutate([...nativeRefs(c.tools), ...chosen.values()], { onSuccess: onClose })}>Save tools</Button>
        </Group>
      </Group>
    </Stack>
  );
}
