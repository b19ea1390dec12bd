import { Alert, Badge, Code, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useContentSchema } from '../queries';
import { ErrorState } from '@/components/ErrorState';

/** The template's variables as the server reads them, following the text while it is edited. */
export function SchemaPanel({ promptId, content, edited }: { promptId: string | undefined; content: string; edited: boolean }) {
  const schema = useContentSchema(promptId, content, edited);
  const live = !promptId || edited;
  return (
    <Paper withBorder radius="md" p="md" aria-labelledby="schema-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="schema-title">Variables</Title>
        <Tooltip label={live ? 'Read by the server from the text as you type; not saved yet' : 'Read by the server from the saved content'}>
          <Badge size="xs" variant="light" color={live ? 'blue' : 'gray'}>{live ? 'as typed' : 'saved'}</Badge>
        </Tooltip>
      </Group>
      {schema.isPending && <Stack gap={6}><Skeleton h={14} /><Skeleton h={14} w="70%" /></Stack>}
      {schema.isError && <ErrorState error={schema.error} onRetry={() => schema.refetch()} />}
      {schema.data && (
        <Stack gap="sm">
          {schema.data.variables.length === 0 ? (
            <Text size="sm" c="dimmed">
              No variables: this is a plain prompt. Write <Code>{'{{name}}'}</Code>, <Code>{'{{count:number:3}}'}</Code> or <Code>{'{{tone:enum:formal,casual}}'}</Code> to make it a template.
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={6} horizontalSpacing={6} data-testid="schema-variables">
              <Table.Thead>
                <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Type</Table.Th><Table.Th>Default</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schema.data.variables.map((v) => (
                  <Table.Tr key={v.name}>
                    <Table.Td>
                      <Text span ff="monospace" fw={600} size="sm" c="var(--pm-var-name)">{v.name}</Text>
                      {v.required && <Text span c="red" size="xs" ml={4} aria-label="required">*</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="var(--pm-var-type)">{v.type}</Text>
                      {v.options.length > 0 && <Text size="xs" c="dimmed">{v.options.join(' · ')}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm" c={v.default == null ? 'dimmed' : undefined}>{v.default ?? '—'}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {schema.data.warnings.map((w, i) => (
            <Alert key={i} color="yellow" p="xs" icon={<IconAlertTriangle size={16} />}>
              <Text size="sm"><Code>{w.text}</Code> {w.message}</Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
