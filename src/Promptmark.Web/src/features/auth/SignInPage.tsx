import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { errorMessage } from '@/lib/api/errors';
import { AuthCard } from './AuthCard';
import { meKey, takeSessionExpired, useMe } from './session';

/** Only paths inside the app are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [expired] = useState(takeSessionExpired);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();

  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meKey });
      await client.refetchQueries({ queryKey: meKey });
      // The consent page loads as its own document: its security policy lets its form redirect to the OAuth client.
      if (next.startsWith('/authorize')) window.location.replace(next);
      else navigate(next, { replace: true });
    },
  });

  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  return (
    <AuthCard
      title="Welcome back"
      subtitle="Sign in to your prompt library."
      footer={<>New to Promptmark? <Anchor component={Link} to="/sign-up">Create an account</Anchor></>}
    >
      <form onSubmit={(e) => { e.preventDefault(); signIn.mutate(); }}>
        <Stack>
          {expired && !signIn.isError && (
            <Alert color="yellow" icon={<IconClockExclamation size={18} />} title="Your session has ended">
              Sign in again to carry on where you were.
            </Alert>
          )}
          {signIn.isError && <Alert color="red" role="alert">{errorMessage(signIn.error)}</Alert>}
          <TextInput label="Email" type="email" autoComplete="email" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={signIn.isPending} fullWidth size="md">Sign in</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

export { SignInPage as Component };
