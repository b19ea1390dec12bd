import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { User } from '@/lib/api/types';

export const meKey = ['auth', 'me'] as const;
const expiredFlag = 'promptmark-session-expired';
const signedInFlag = 'promptmark-signed-in';

/** The signed-in user, or null when there is no valid session cookie. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<User | null> => {
      try {
        const user = await unwrap(api.GET('/api/auth/me'));
        localStorage.setItem(signedInFlag, '1');
        return user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          // Signed in before and not signed out: the session expired (or the cookie went away).
          if (localStorage.getItem(signedInFlag) === '1') markSessionExpired();
          return null;
        }
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Remembers, for the sign-in page, that the session ended under the user's feet. */
export function markSessionExpired() {
  localStorage.removeItem(signedInFlag);
  sessionStorage.setItem(expiredFlag, '1');
}

export function takeSessionExpired(): boolean {
  const expired = sessionStorage.getItem(expiredFlag) === '1';
  sessionStorage.removeItem(expiredFlag);
  return expired;
}

export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    localStorage.removeItem(signedInFlag);
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      client.clear();
      client.setQueryData(meKey, null);
      navigate('/sign-in', { replace: true });
    }
  };
}
