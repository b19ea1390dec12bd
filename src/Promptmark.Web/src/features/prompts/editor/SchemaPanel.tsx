import { Alert, Badge, Code, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { usePromptSchema } from '../queries';
import { ErrorState } from '@/components/ErrorState';

/**
 * The template's variables as the server reads them. Only the API parses templates, so for a prompt with
 * unsaved edits this shows the schema of the last save and says so.
 */
export function SchemaPanel({ promptId, dirty }: { promptId: string | undefined; dirty: boolean }) {
  const schema = usePromptSchema(promptId);
  return (
    <Paper withBorder radius="md" p="md" aria-labelledby="schema-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="schema-title">Variables</Title>
        {promptId && (
          <Tooltip label={dirty ? 'Save to see the variables of your edits' : 'Read by the server from the saved content'}>
            <Badge size="xs" variant="light" color={dirty ? 'yellow' : 'gray'}>{dirty ? 'as of last save' : 'saved'}</Badge>
          </Tooltip>
        )}
      </Group>
      {!promptId && (
        <Text size="sm" c="dimmed">
          Write <Code>{'{{name}}'}</Code>, <Code>{'{{count:number:3}}'}</Code> or <Code>{'{{tone:enum:formal,casual}}'}</Code> in the content. Save, and the variables the server reads appear here.
        </Text>
      )}
      {promptId && schema.isPending && <Stack gap={6}><Skeleton h={14} /><Skeleton h={14} w="70%" /></Stack>}
      {schema.isError && <ErrorState error={schema.error} onRetry={() => schema.refetch()} />}
      {schema.data && (
        <Stack gap="sm">
          {schema.data.variables.length === 0 ? (
            <Text size="sm" c="dimmed">No variables: this is a plain prompt. Add <Code>{'{{name}}'}</Code> to make it a template.</Text>
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
          {dirty && (
            <Group gap={6} wrap="nowrap">
              <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">You have unsaved edits; save (Ctrl/⌘ S) to refresh.</Text>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
