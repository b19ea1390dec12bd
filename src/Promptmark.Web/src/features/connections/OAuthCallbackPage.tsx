import { useEffect, useRef } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PageSkeleton } from '@/components/PageSkeleton';
import { ErrorState } from '@/components/ErrorState';
import { api, unwrap } from '@/lib/api/client';
import { announceTest } from './useConnectionActions';
import { connectionKeys } from './queries';

/**
 * `/connections/oauth/callback`: where the authorization server sends the browser back. Hands the code and state to
 * the API once (it checks the state, redeems the code and tests the connection), then opens the connection.
 */
export function OAuthCallbackPage() {
  const [params] = useSearchParams();
  const client = useQueryClient();
  const sent = useRef(false);
  const complete = useMutation({
    mutationFn: () => unwrap(api.POST('/api/mcp/connections/oauth/callback', {
      body: { state: params.get('state') ?? '', code: params.get('code'), error: params.get('error') },
    })),
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: connectionKeys.all });
      announceTest(result);
    },
  });

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    complete.mutate();
  }, [complete]);

  if (complete.isSuccess) return <Navigate to={`/connections/${complete.data.connection.id}`} replace />;
  if (complete.isError) return <ErrorState error={complete.error} />;
  return <PageSkeleton />;
}

export { OAuthCallbackPage as Component };
