import { Alert, Button, Code, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/errors';
import { AuthCard } from '@/features/auth/AuthCard';
import { useMe } from '@/features/auth/session';
import { askedScopes, scopeSentences } from './scopes';

/**
 * The OAuth consent page the authorization endpoint sends a user to. Approve and Deny are a real form post of the same
 * parameters back to /oauth/authorize: the server answers with a redirect to the client, which the browser follows.
 */
export function ConsentPage() {
  const [params] = useSearchParams();
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  const me = useMe();
  const client = useQuery({
    queryKey: ['oauth-client', clientId],
    queryFn: () => unwrap(api.GET('/api/oauth/clients/{client_id}', { params: { path: { client_id: clientId } } })),
    enabled: clientId !== '',
    retry: false,
  });
  const redirect = URL.canParse(redirectUri) ? new URL(redirectUri) : null;
  const registered = client.data?.redirect_uris.includes(redirectUri) ?? false;

  return (
    <AuthCard
      title="Authorize an app"
      subtitle={me.data ? `Signed in as ${me.data.email}` : ''}
      footer="You can revoke this app at any time in Settings → Authorized apps."
    >
      {clientId === '' || client.isError ? (
        <Alert color="red" role="alert" title="This request cannot be approved">
          {clientId === '' ? 'The link has no client_id. Start again from the app that sent you here.' : errorMessage(client.error)}
        </Alert>
      ) : client.isPending ? (
        <Skeleton h={200} aria-busy="true" />
      ) : !registered || !redirect ? (
        <Alert color="red" role="alert" title="This request cannot be approved">
          The redirect address is not one this app registered. Start again from the app that sent you here.
        </Alert>
      ) : (
        <Stack>
          <Text>
            <Text span fw={700}>{client.data.name}</Text> wants to use your Promptmark library through MCP.
          </Text>
          <Text size="sm" c="dimmed">Client ID <Code>{client.data.client_id}</Code></Text>
          {client.data.client_uri && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              Its home page (as it says, not verified): <Code>{client.data.client_uri}</Code>
            </Text>
          )}
          <div>
            <Text size="sm" fw={600}>It will be able to:</Text>
            <List size="sm" spacing={4} mt={4}>
              {askedScopes(params.get('scope')).map((scope) => (
                <List.Item key={scope}><Code>{scope}</Code> {scopeSentences[scope]}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Text size="sm" fw={600}>After you decide, you go back to:</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {redirect.protocol}//<Text span fw={700} size="lg">{redirect.host}</Text>{redirect.pathname}
            </Text>
          </div>
          <form method="post" action="/oauth/authorize">
            {[...params].filter(([name]) => name !== 'consent').map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <Group justify="flex-end">
              <Button type="submit" name="consent" value="deny" variant="default">Deny</Button>
              <Button type="submit" name="consent" value="approve">Approve</Button>
            </Group>
          </form>
        </Stack>
      )}
    </AuthCard>
  );
}

export { ConsentPage as Component };
