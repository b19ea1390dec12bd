import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFilterOff, IconSearch, IconStar, IconStarFilled, IconTool } from '@tabler/icons-react';
import { EmptyState } from '@/components/EmptyState';
import { num } from '@/lib/api/client';
import type { McpToolSummary } from '@/lib/api/types';
import { plural } from '@/lib/format';
import { useFavoriteTool } from '../useConnectionActions';
import { matchesTool } from './toolSearch';

/** A connection's cached tools, favourites first (as the API orders them), searchable by name, title or description. */
export function ToolBrowser({ connectionId, tools }: { connectionId: string; tools: McpToolSummary[] }) {
  const [search, setSearch] = useState('');
  const shown = tools.filter((t) => matchesTool(t, search));
  return (
    <Stack gap="sm" component="section" aria-label="Tools">
      <TextInput
        placeholder="Search tools by name or description…" aria-label="Search tools" leftSection={<IconSearch size={16} />}
        value={search} onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {tools.length === 0 && (
        <EmptyState icon={<IconTool size={26} />} title="No tools cached yet">
          Press Test or Refresh to reach the server and list its tools.
        </EmptyState>
      )}
      {tools.length > 0 && shown.length === 0 && (
        <EmptyState icon={<IconFilterOff size={26} />} title="No tools match">Nothing is named or described like “{search}”.</EmptyState>
      )}
      {shown.length > 0 && (
        <Paper withBorder radius="md" component="ul" aria-label="Tool list" style={{ listStyle: 'none', padding: 0, margin: 0, overflow: 'hidden' }}>
          {shown.map((tool, i) => <ToolRow key={tool.name} connectionId={connectionId} tool={tool} first={i === 0} />)}
        </Paper>
      )}
    </Stack>
  );
}

function ToolRow({ connectionId, tool, first }: { connectionId: string; tool: McpToolSummary; first: boolean }) {
  const favorite = useFavoriteTool(connectionId);
  const label = `${tool.is_favorite ? 'Unfavourite' : 'Favourite'} ${tool.name}`;
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm" px="md" py="sm" data-testid="tool-row"
      style={{ borderTop: first ? undefined : '1px solid var(--mantine-color-default-border)' }}>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color={tool.is_favorite ? 'yellow' : 'gray'} aria-label={label} aria-pressed={tool.is_favorite}
          loading={favorite.isPending} onClick={() => favorite.mutate({ toolName: tool.name, favorite: !tool.is_favorite })}>
          {tool.is_favorite ? <IconStarFilled size={16} /> : <IconStar size={16} />}
        </ActionIcon>
      </Tooltip>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/connections/${connectionId}/tools/${encodeURIComponent(tool.name)}`} ff="monospace" fw={600} size="sm">
            {tool.name}
          </Anchor>
          {tool.title && tool.title !== tool.name && <Text size="sm" c="dimmed">{tool.title}</Text>}
          {/* At the row's end on wide screens; on a phone it wraps under the name rather than narrowing the description. */}
          <Badge size="sm" variant="light" color="gray" ml="auto" style={{ textTransform: 'none', flex: 'none' }}>
            {plural(num(tool.parameter_count), 'parameter')}
          </Badge>
        </Group>
        {tool.description && <Text size="sm" c="dimmed" lineClamp={2}>{tool.description}</Text>}
      </Stack>
    </Group>
  );
}
