import type { Connection } from '@/lib/api/types';
import { formatDate, timeAgo } from '@/lib/format';

export interface StatusDot {
  color: 'green' | 'orange' | 'gray';
  label: string;
  /** What the tooltip says: when it last connected, the last error, or what to do. */
  detail: string;
}

/** The status dot of a connection: green when connected, orange after an error, grey before its first test; orange too when an OAuth sign-in must be renewed. */
export function statusDot(connection: Pick<Connection, 'status' | 'last_error' | 'last_connected_at' | 'last_checked_at'>, now = Date.now()): StatusDot {
  switch (connection.status) {
    case 'connected':
      return {
        color: 'green',
        label: 'Connected',
        detail: connection.last_connected_at ? `Last connected ${timeAgo(connection.last_connected_at, now)}` : 'Connected',
      };
    case 'error':
      return {
        color: 'orange',
        label: 'Error',
        detail: connection.last_error || (connection.last_checked_at ? `The last check failed ${timeAgo(connection.last_checked_at, now)}` : 'The last check failed'),
      };
    case 'reauthorization_needed':
      return { color: 'orange', label: 'Re-authorization needed', detail: 'The OAuth sign-in expired or was revoked: sign in with OAuth again.' };
    default:
      return { color: 'gray', label: 'Not connected yet', detail: 'Test the connection to reach the server and discover its tools.' };
  }
}

export interface ExpiryNotice {
  color: 'red' | 'yellow';
  label: string;
}

/** The badge for a credential that has expired or expires within a week; null otherwise. */
export function expiryNotice(connection: Pick<Connection, 'expiry_warning' | 'token_expires_at'>): ExpiryNotice | null {
  const at = connection.token_expires_at ? formatDate(connection.token_expires_at) : null;
  if (connection.expiry_warning === 'expired') return { color: 'red', label: at ? `Token expired ${at}` : 'Token expired' };
  if (connection.expiry_warning === 'expiring') return { color: 'yellow', label: at ? `Token expires ${at}` : 'Token expires soon' };
  return null;
}

/** "Sign in with OAuth" is offered unless the connection already works with credentials that are not OAuth's. */
export function offersOAuthSignIn(connection: Pick<Connection, 'status' | 'auth_type' | 'signed_in_with_oauth'>): boolean {
  return connection.status !== 'connected' || connection.auth_type === 'oauth' || connection.signed_in_with_oauth;
}
