import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconKey } from '@tabler/icons-react';
import { api, unwrap } from '@/lib/api/client';
import { notifyError } from '@/lib/notify';

/** The page the authorization server sends the browser back to (`OAuthCallbackPage`). */
export const oauthCallbackPath = '/connections/oauth/callback';

/**
 * "Sign in with OAuth": the API discovers the server's authorization server and registers Promptmark there, then the
 * browser goes to the authorization URL; it comes back to `OAuthCallbackPage`.
 */
export function OAuthSignInButton({ connectionId, again = false }: { connectionId: string; again?: boolean }) {
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/mcp/connections/{id}/oauth/start', {
      params: { path: { id: connectionId } },
      body: { redirect_uri: `${window.location.origin}${oauthCallbackPath}` },
    })),
    onSuccess: (started) => window.location.assign(started.authorization_url),
    onError: (e) => notifyError(e, 'Could not start the OAuth sign-in'),
  });
  return (
    <Button variant={again ? 'filled' : 'default'} leftSection={<IconKey size={16} />} loading={start.isPending} onClick={() => start.mutate()}>
      {again ? 'Sign in with OAuth again' : 'Sign in with OAuth'}
    </Button>
  );
}
