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
  // Our own messages, shown once a field was left or the form sent: not before anything was typed, never a silently greyed button.
  const [touched, setTouched] = useState({ email: false, password: false });
  const problems = { email: emailProblem(email), password: passwordProblem(password) };
  const serverError = (name: string) => (signUp.error instanceof ApiError ? signUp.error.field(name) : undefined);
  const fieldError = (name: 'email' | 'password') => (touched[name] ? problems[name] : undefined) ?? serverError(name);
  const submit = () => {
    setTouched({ email: true, password: true });
    if (!problems.email && !problems.password) signUp.mutate();
  };

  return (
    <AuthCard
      title="Create your account"
      subtitle="Keep, version and render your prompts — and use them from any MCP client."
      footer={<>Already have an account? <Anchor component={Link} to="/sign-in">Sign in</Anchor></>}
    >
      <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack>
          {signUp.isError && <Alert color="red" role="alert">{errorMessage(signUp.error)}</Alert>}
          <TextInput
            label="Email" type="email" autoComplete="email" required autoFocus value={email} error={fieldError('email')}
            onChange={(e) => setEmail(e.currentTarget.value)} onBlur={() => setTouched((t) => ({ ...t, email: email !== '' || t.email }))}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={password}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.currentTarget.value)}
            onBlur={() => setTouched((t) => ({ ...t, password: password !== '' || t.password }))}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth size="md">Create account</Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

function emailProblem(email: string) {
  const value = email.trim();
  if (!value) return 'Enter your email address';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : 'Enter an email address like name@example.com';
}

function passwordProblem(password: string) {
  if (!password) return 'Choose a password';
  return password.length < 10 ? `Use at least 10 characters (${password.length} so far)` : undefined;
}

export { SignUpPage as Component };
