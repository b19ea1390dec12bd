import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconLock } from '@tabler/icons-react';
import type { PendingAuthorization } from '@/lib/api/types';
import { clockOf, useSecondsLeft } from '@/components/elicitation/useSecondsLeft';

/** Only web links: the server checked the URL already; a javascript: link must never become clickable even so. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/**
 * A tool call waits for the user to authorize a service through Civic (civic:rest-auth): the link to do it (opened by the
 * user, never by Promptmark) and how long the turn keeps waiting; the answer goes on by itself once it is done.
 */
export function AuthorizationCard({ pending }: { pending: PendingAuthorization }) {
  const seconds = useSecondsLeft(pending.expires_at);
  const clock = clockOf(seconds);
  return (
    <Alert color="blue" variant="light" icon={<IconLock size={18} />} title={`${pending.tool_name} needs your authorization`}
      role="region" aria-label="Authorization needed" data-testid="authorization-card">
      <Stack gap="xs">
        <Text size="sm">
          Open the link and grant access in the window it opens. The answer goes on by itself once you are done
          {Number(pending.step) > 1 ? ` (authorization ${pending.step} for this call)` : ''}.
        </Text>
        {isWebLink(pending.auth_url) && (
          <Button component="a" href={pending.auth_url} target="_blank" rel="noopener noreferrer" size="xs" leftSection={<IconExternalLink size={14} />}
            style={{ alignSelf: 'flex-start' }}>
            Authorize
          </Button>
        )}
        <Text size="xs" c="dimmed" className="pm-mono" style={{ overflowWrap: 'anywhere' }}>{pending.auth_url}</Text>
        <Text size="sm" role="timer" aria-live="off" data-testid="authorization-countdown">
          {seconds > 0 ? `Waiting ${clock} more` : 'The wait is over: send another message to try again.'}
        </Text>
      </Stack>
    </Alert>
  );
}
