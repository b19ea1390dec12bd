import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Anchor, Breadcrumbs, Button, Group, Paper, PasswordInput, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { Connection } from '@/lib/api/types';
import { notifyError, notifySuccess } from '@/lib/notify';
import { useConfirmedDelete } from '@/lib/useConfirmedDelete';
import { PageHeader } from '@/components/PageHeader';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import {
  authTypes, civic, connectionFormOf, createBody, credentialField, credentialProblem, updateBody, type AuthType, type ConnectionForm,
} from './connectionForm';
import { announceTest, testConnection } from './useConnectionActions';
import { connectionKeys, useConnection } from './queries';

const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** `/connections/new[?preset=civic]` and `/connections/:id/edit`. */
export function ConnectionEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const connection = useConnection(id);
  if (id && connection.isPending) return <PageSkeleton />;
  if (id && connection.isError) return <ErrorState error={connection.error} onRetry={() => connection.refetch()} />;
  const preset = connection.data?.preset === civic.preset || (!id && params.get('preset') === civic.preset) ? 'civic' : null;
  return <Editor key={id ?? `new-${preset}`} saved={connection.data} preset={preset} />;
}

function Editor({ saved, preset }: { saved: Connection | undefined; preset: 'civic' | null }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<ConnectionForm>(() => connectionFormOf(saved, preset));
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof ConnectionForm>(key: K, value: ConnectionForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const secret = credentialField(form.auth_type, saved);
  const secretProblem = credentialProblem(form.auth_type, form.credentials, secret);

  const save = useMutation({
    mutationFn: (): Promise<Connection> =>
      saved
        ? unwrap(api.PUT('/api/mcp/connections/{id}', { params: { path: { id: saved.id } }, body: updateBody(saved, form) }))
        : unwrap(api.POST('/api/mcp/connections', { body: createBody(form, preset) })),
    onSuccess: async (result) => {
      if (saved) notifySuccess('Connection saved');
      // A new connection is tested at once, so its page opens with its tools (or says why it could not connect).
      else await testConnection(result.id).then(announceTest, (e) => notifyError(e, 'Connection added, but it could not be tested'));
      await client.invalidateQueries({ queryKey: connectionKeys.all });
      navigate(`/connections/${result.id}`, { replace: !saved });
    },
    onError: (e) => { if (!(e instanceof ApiError && e.status === 400)) notifyError(e, 'Could not save the connection'); },
  });

  const remove = useConfirmedDelete({
    title: 'Delete this connection?',
    consequence: <>“{saved?.name}” and its cached tools and favourites will be removed. Its execution log stays.</>,
    remove: () => unwrap(api.DELETE('/api/mcp/connections/{id}', { params: { path: { id: saved!.id } } })),
    invalidate: connectionKeys.all,
    done: 'Connection deleted',
    then: '/connections',
    beforeLeaving: () => {},
  });

  const serverError = (field: string) => (save.error instanceof ApiError ? save.error.field(field) : undefined);
  const submit = () => {
    setChecked(true);
    if (!secretProblem && form.name.trim() && form.server_url.trim()) save.mutate();
  };
  const allowedAuthTypes = preset ? authTypes.filter((t) => civic.authTypes.includes(t.value)) : authTypes;
  const title = saved ? `Edit ${saved.name}` : preset ? 'Connect Civic' : 'Add a connection';

  return (
    <>
      <PageHeader
        before={(
          <Breadcrumbs>
            <Anchor component={Link} to="/connections" size="sm">Connections</Anchor>
            {saved && <Anchor component={Link} to={`/connections/${saved.id}`} size="sm">{saved.name}</Anchor>}
            <Text size="sm">{saved ? 'Edit' : 'New'}</Text>
          </Breadcrumbs>
        )}
        title={title}
        description={preset
          ? 'Civic’s hub is at a fixed address; it accepts a Civic token (bearer) or an OAuth access token.'
          : 'A remote MCP server reached over Streamable HTTP. Secrets are stored sealed and are never shown again.'}
      />
      <Paper withBorder radius="md" p="lg" maw={720} component="form" aria-label={title} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="md">
          <TextInput label="Name" required value={form.name} onChange={(e) => set('name', e.currentTarget.value)}
            error={serverError('name') ?? (checked && !form.name.trim() ? 'Give the connection a name.' : undefined)} />
          <TextInput label="Server URL" required placeholder="https://mcp.example.com/mcp" styles={monospaceInput} readOnly={!!preset}
            description={preset ? 'Fixed by the Civic preset.' : 'The Streamable HTTP endpoint, usually ending in /mcp.'}
            value={form.server_url} onChange={(e) => set('server_url', e.currentTarget.value)}
            error={serverError('server_url') ?? (checked && !form.server_url.trim() ? 'Enter the server’s URL.' : undefined)} />
          <Textarea label="Description" autosize minRows={2} value={form.description} onChange={(e) => set('description', e.currentTarget.value)} error={serverError('description')} />
          <Select label="Authentication" data={allowedAuthTypes.map((t) => ({ value: t.value, label: t.label }))} allowDeselect={false}
            value={form.auth_type} onChange={(v) => v && setForm((f) => ({ ...f, auth_type: v as AuthType, credentials: '' }))} error={serverError('auth_type')} />
          {secret && (secret.multiline ? (
            <Textarea label={secret.label} description={secret.description} placeholder={secret.placeholder} required={secret.required}
              autosize minRows={3} styles={monospaceInput} autoComplete="off" spellCheck={false}
              value={form.credentials} onChange={(e) => set('credentials', e.currentTarget.value)}
              error={serverError('auth_credentials') ?? (checked ? secretProblem : undefined)} />
          ) : (
            <PasswordInput label={secret.label} description={secret.description} placeholder={secret.placeholder} required={secret.required}
              autoComplete="new-password" value={form.credentials} onChange={(e) => set('credentials', e.currentTarget.value)}
              error={serverError('auth_credentials') ?? (checked ? secretProblem : undefined)} />
          ))}
          {secret && (
            <TextInput type="date" label="Token expires on" description="Optional: the connection warns a week ahead." maw={340}
              value={form.token_expires_on} onChange={(e) => set('token_expires_on', e.currentTarget.value)} error={serverError('token_expires_at')} />
          )}
          <TextInput label="Pre-registered OAuth client ID" maw={520} styles={monospaceInput} autoComplete="off" spellCheck={false}
            description="Only if you registered Promptmark at the server’s authorization server yourself: “Sign in with OAuth” then uses this client instead of registering one."
            value={form.oauth_client_id} onChange={(e) => set('oauth_client_id', e.currentTarget.value)} error={serverError('oauth_client_id')} />
          {form.oauth_client_id.trim() && (
            <PasswordInput label="OAuth client secret" maw={520} autoComplete="new-password"
              description={saved?.has_oauth_client_secret ? 'A secret is stored and never shown: leave this empty to keep it.' : 'Only for a confidential client.'}
              placeholder={saved?.has_oauth_client_secret ? 'Stored — type a new one to replace it' : undefined}
              value={form.oauth_client_secret} onChange={(e) => set('oauth_client_secret', e.currentTarget.value)} error={serverError('oauth_client_secret')} />
          )}
          {saved && (
            <Switch label="Active" description="Inactive connections keep their tools but cannot run them." checked={form.is_active}
              onChange={(e) => set('is_active', e.currentTarget.checked)} />
          )}
          <Group justify="space-between" mt="sm">
            {saved ? <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove.confirm} loading={remove.pending}>Delete</Button> : <span />}
            <Group gap="xs">
              <Button variant="default" component={Link} to={saved ? `/connections/${saved.id}` : '/connections'}>Cancel</Button>
              <Button type="submit" loading={save.isPending}>{saved ? 'Save' : preset ? 'Connect Civic' : 'Add connection'}</Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}

export { ConnectionEditorPage as Component };
