import { Anchor, Code, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { toolOutputOf, type ContentBlock } from './toolOutput';

/** An MCP CallToolResult, block by block: text, images, audio, resource links, embedded resources, structured content. */
export function ToolOutputView({ result }: { result: unknown }) {
  const output = toolOutputOf(result);
  return (
    <Stack gap="sm" data-testid="tool-output">
      {output.blocks.length === 0 && output.structured === undefined && <Text size="sm" c="dimmed">The tool returned no content.</Text>}
      {output.blocks.map((block, i) => <Block key={i} block={block} />)}
      {output.structured !== undefined && (
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">Structured content</Text>
          <Code block>{JSON.stringify(output.structured, null, 2)}</Code>
        </Stack>
      )}
    </Stack>
  );
}

function Block({ block }: { block: ContentBlock }) {
  switch (block.kind) {
    case 'text':
      return <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{block.text}</Code>;
    case 'image':
      return <Image src={block.src} alt={`Image returned by the tool (${block.mimeType})`} maw={360} radius="sm" fit="contain" w="auto" />;
    case 'audio':
      return <audio controls src={block.src} aria-label={`Audio returned by the tool (${block.mimeType})`} />;
    case 'link':
      return (
        <Group gap={6} wrap="nowrap">
          <IconLink size={16} aria-hidden />
          {block.href
            ? <Anchor href={block.href} target="_blank" rel="noreferrer" size="sm">{block.name}</Anchor>
            : <Text size="sm" fw={500}>{block.name} <Text span size="xs" c="dimmed" ff="monospace">{block.uri}</Text></Text>}
          {block.description && <Text size="sm" c="dimmed" truncate>{block.description}</Text>}
        </Group>
      );
    case 'resource':
      return (
        <Paper withBorder radius="sm" p="sm">
          <Text size="xs" c="dimmed" ff="monospace" mb={4}>{block.uri}{block.mimeType ? ` · ${block.mimeType}` : ''}</Text>
          {block.text !== null && <Code block style={{ whiteSpace: 'pre-wrap' }}>{block.text}</Code>}
          {block.src !== null && <Anchor href={block.src} download size="sm">Download the embedded file</Anchor>}
        </Paper>
      );
    case 'other':
      return <Code block>{block.json}</Code>;
  }
}
