import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError, errorMessage } from '@/lib/api/errors';
import { AuthCard } from './AuthCard';
import { meKey } from './session';

export function SignUpPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();
  const client = useQueryClient();

  const signUp = useMutation({
    mutationFn: async () => {
      const body = { email: email.trim(), password };
      await unwrap(api.POST('/api/auth/register', { body }));
      await unwrap(api.POST('/api/auth/login', { body }));
    },
    onSuccess: async () => {
      await client.refetchQueries({ queryKey: meKey });
      navigate('/', { replace: true });
    },
  });
  const fieldError = (name: string) => (signUp.error instanceof ApiError ? signUp.error.field(name) : undefined);
  const tooShort = password.length > 0 && password.length < 10;

  return (
    <AuthCard
      title="Create your account"
      subtitle="Keep, version and render your prompts — and use them from any MCP client."
      footer={<>Already have an account? <Anchor component={Link} to="/sign-in">Sign in</Anchor></>}
    >
      <form onSubmit={(e) => { e.preventDefault(); signUp.mutate(); }}>
        <Stack>
          {signUp.isError && <Alert color="red" role="alert">{errorMessage(signUp.error)}</Alert>}
          <TextInput label="Email" type="email" autoComplete="email" required autoFocus value={email} error={fieldError('email')} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={password}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signUp.isPending} disabled={tooShort} fullWidth size="md">Create account</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

export { SignUpPage as Component };
