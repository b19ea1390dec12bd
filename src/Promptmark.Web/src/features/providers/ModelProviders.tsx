import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCpu, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { modals } from '@mantine/modals';
import { api, num, unwrap } from '@/lib/api/client';
import type { Provider, ProviderList } from '@/lib/api/types';
import { ErrorState } from '@/components/ErrorState';
import { formatUsd } from '@/lib/money';
import { notifyError, notifySuccess } from '@/lib/notify';
import { providerKeys, useProviders } from './queries';
import { providerKindLabel, spendLine } from './providerForm';
import { ProviderModal } from './ProviderModal';

type Editing = { provider?: Provider } | null;

/** Settings → Model providers: the user's providers (a key is only ever "set"), their budgets and this month's spend. */
export function ModelProviders() {
  const providers = useProviders();
  const [editing, setEditing] = useState<Editing>(null);
  const section = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  const loaded = providers.isSuccess;
  // Other pages send people here (e.g. a conversation that needs a provider): bring the section into view.
  useEffect(() => { if (loaded && hash === '#model-providers') section.current?.scrollIntoView({ block: 'start' }); }, [loaded, hash]);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (name: string) => unwrap(api.DELETE('/api/providers/{name}', { params: { path: { name } } })),
    onSuccess: (_, name) => {
      notifySuccess(`${name} removed`);
      client.invalidateQueries({ queryKey: providerKeys.list });
      client.invalidateQueries({ queryKey: providerKeys.models });
    },
    onError: (e) => notifyError(e, 'Could not remove the provider'),
  });
  const confirmRemove = (name: string) =>
    modals.openConfirmModal({
      title: `Remove ${name}?`,
      children: <Text size="sm">Its key is deleted. Conversations using its models cannot send until you add it again.</Text>,
      labels: { confirm: 'Remove provider', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(name),
    });

  return (
    <Paper ref={section} withBorder radius="md" p="lg" component="section" aria-labelledby="providers-title" id="model-providers">
      <Group justify="space-between" mb={4}>
        <Group gap="xs"><IconCpu size={20} /><Title order={2} size="h4" id="providers-title">Model providers</Title></Group>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing({})}>Add provider</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Conversations call models through your own providers: OpenAI, Anthropic, OpenRouter, or any OpenAI-compatible server. Keys are stored encrypted and never shown again.
      </Text>
      {providers.isPending && <Skeleton h={80} />}
      {providers.isError && <ErrorState error={providers.error} onRetry={() => providers.refetch()} />}
      {providers.data && (
        <Stack gap="lg">
          {providers.data.providers.length === 0 ? (
            <Text size="sm" c="dimmed">No provider yet: add one to start conversations.</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" data-testid="providers">
                <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Kind</Table.Th><Table.Th>API key</Table.Th><Table.Th>Spend</Table.Th><Table.Th w={80} /></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {providers.data.providers.map((p) => (
                    <Table.Tr key={p.name} data-testid="provider-row">
                      <Table.Td><Text size="sm" fw={500}>{p.name}</Text><Text size="xs" c="dimmed" className="pm-mono">{p.base_url}</Text></Table.Td>
                      <Table.Td><Text size="sm">{providerKindLabel(p.kind)}</Text></Table.Td>
                      <Table.Td>{p.has_api_key ? <Badge variant="light" color="teal">Key set</Badge> : <Badge variant="light" color="gray">No key</Badge>}</Table.Td>
                      <Table.Td><Text size="sm">{spendLine(p.spent_this_month_usd, p.monthly_budget_usd)}</Text></Table.Td>
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label="Edit"><ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.name}`} onClick={() => setEditing({ provider: p })}><IconEdit size={16} /></ActionIcon></Tooltip>
                          <Tooltip label="Remove"><ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`} onClick={() => confirmRemove(p.name)}><IconTrash size={16} /></ActionIcon></Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <AccountBudget list={providers.data} />
        </Stack>
      )}
      {editing && <ProviderModal existing={editing.provider} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

/** The ceiling over all providers together, beside what was spent this month. */
function AccountBudget({ list }: { list: ProviderList }) {
  const stored = list.monthly_budget_usd == null ? '' : num(list.monthly_budget_usd);
  const [budget, setBudget] = useState<number | string>(stored);
  useEffect(() => setBudget(stored), [stored]);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/providers', { body: { monthly_budget_usd: budget === '' ? null : Number(budget) } })),
    onSuccess: (saved) => {
      client.setQueryData(providerKeys.list, saved);
      notifySuccess(saved.monthly_budget_usd == null ? 'Monthly budget removed' : `Monthly budget set to ${formatUsd(num(saved.monthly_budget_usd))}`);
    },
    onError: (e) => notifyError(e, 'Could not set the budget'),
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Group align="flex-end" gap="sm">
        <NumberInput label="Monthly budget over all providers (US dollars)" placeholder="No ceiling" min={0} decimalScale={2} prefix="$"
          value={budget} onChange={setBudget} style={{ flex: 1, maxWidth: 360 }} />
        <Button type="submit" variant="default" loading={save.isPending} disabled={budget === stored}>Save budget</Button>
      </Group>
      <Text size="sm" c="dimmed" mt={6} data-testid="account-spend">
        {list.month}: {spendLine(list.spent_this_month_usd, list.monthly_budget_usd)}. A call that would pass a budget is refused before anything is sent.
      </Text>
    </form>
  );
}
