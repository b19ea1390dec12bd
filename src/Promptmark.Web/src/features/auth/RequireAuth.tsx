import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '@/lib/api/client';
import { markSessionExpired, meKey, useMe } from './session';
import { ErrorState } from '@/components/ErrorState';

/** Renders its children for a signed-in user; otherwise sends them to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const client = useQueryClient();

  useEffect(
    () =>
      onUnauthorized(() => {
        // A call was refused: the session expired or was revoked. Ask again who we are; RequireAuth redirects.
        markSessionExpired();
        client.setQueryData(meKey, null);
      }),
    [client],
  );

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} fullPage />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to={`/sign-in${from !== '/' ? `?next=${encodeURIComponent(from)}` : ''}`} replace />;
  }
  return <>{children}</>;
}
