import { useState } from 'react';
import { Button, Group, Modal, NumberInput, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Provider } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';
import { providerKeys } from './queries';
import { customKind, hostedProviders, providerBody, providerFormOf, providerFormProblem, providerName, type ProviderForm } from './providerForm';

const kinds = [...hostedProviders.map(({ value, label }) => ({ value, label })), { value: customKind, label: 'OpenAI-compatible server (Ollama, vLLM, LM Studio…)' }];

/** Add a provider, or replace an existing one's key, URL or budget. The stored key is never shown: only that one is set. */
export function ProviderModal({ existing, onClose }: { existing?: Provider; onClose: () => void }) {
  const [form, setForm] = useState<ProviderForm>(() => providerFormOf(existing));
  const set = (change: Partial<ProviderForm>) => setForm((f) => ({ ...f, ...change }));
  const client = useQueryClient();
  const custom = form.kind === customKind;
  const problem = providerFormProblem(form, existing);
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/providers/{name}', { params: { path: { name: providerName(form) } }, body: providerBody(form) })),
    onSuccess: (saved) => {
      notifySuccess(existing ? `${saved.name} saved` : `${saved.name} added`);
      client.invalidateQueries({ queryKey: providerKeys.list });
      client.invalidateQueries({ queryKey: providerKeys.models });
      onClose();
    },
    onError: (e) => { if (!(e instanceof ApiError && Object.keys(e.fieldErrors).length)) notifyError(e, 'Could not save the provider'); },
  });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.field(f) : undefined);
  const keyStored = existing?.has_api_key ?? false;

  return (
    <Modal opened onClose={onClose} title={existing ? `Edit ${existing.name}` : 'Add a model provider'} centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); if (!problem) save.mutate(); }}>
        <Stack>
          <Select label="Provider" data={kinds} value={form.kind} onChange={(kind) => kind && set({ kind })} allowDeselect={false} disabled={!!existing} />
          {custom && (
            <TextInput label="Name" required disabled={!!existing} description="Your name for this server; models are then called name/model (e.g. ollama/llama3.2)."
              placeholder="ollama" value={form.customName} onChange={(e) => set({ customName: e.currentTarget.value })} error={fieldError('name')} />
          )}
          <TextInput label="Base URL" required={custom} placeholder={custom ? 'http://127.0.0.1:11434/v1' : 'The provider’s own (leave empty)'}
            description={custom ? 'Where its OpenAI-compatible API lives. The operator must allow private addresses.' : undefined}
            value={form.baseUrl} onChange={(e) => set({ baseUrl: e.currentTarget.value })} error={fieldError('base_url')} />
          <PasswordInput label="API key" required={!custom && !keyStored} autoComplete="off"
            placeholder={keyStored ? 'A key is set (leave empty to keep it)' : custom ? 'Optional' : 'Paste the key'}
            description="Stored encrypted and never shown again."
            value={form.apiKey} onChange={(e) => set({ apiKey: e.currentTarget.value })} error={fieldError('api_key')} />
          <NumberInput label="Monthly budget (US dollars)" description="Calls to this provider are refused once this month’s spend reaches it. Empty for no ceiling."
            placeholder="No ceiling" min={0} decimalScale={2} prefix="$" value={form.budget} onChange={(budget) => set({ budget })} error={fieldError('monthly_budget_usd')} />
          <Group justify="flex-end" mt="sm">
            {problem && <Text size="sm" c="dimmed" mr="auto" data-testid="provider-form-problem">{problem}</Text>}
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={save.isPending} disabled={!!problem} title={problem ?? undefined}>{existing ? 'Save' : 'Add provider'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
