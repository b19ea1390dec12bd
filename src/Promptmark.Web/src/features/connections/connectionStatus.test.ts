import { describe, expect, it } from 'vitest';
import { expiryNotice, offersOAuthSignIn, statusDot } from './connectionStatus';

const now = Date.parse('2026-11-23T12:00:00Z');
const base = { status: 'never_connected', last_error: null, last_connected_at: null, last_checked_at: null };

describe('statusDot', () => {
  it('is green with the last connected time when connected', () => {
    expect(statusDot({ ...base, status: 'connected', last_connected_at: '2026-11-23T11:57:00Z' }, now))
      .toEqual({ color: 'green', label: 'Connected', detail: 'Last connected 3 minutes ago' });
  });

  it("is orange with the server's error", () => {
    expect(statusDot({ ...base, status: 'error', last_error: 'connection refused' }, now))
      .toEqual({ color: 'orange', label: 'Error', detail: 'connection refused' });
    expect(statusDot({ ...base, status: 'error', last_checked_at: '2026-11-23T10:00:00Z' }, now).detail).toBe('The last check failed 2 hours ago');
  });

  it('is orange and asks to sign in again when an OAuth sign-in must be renewed', () => {
    expect(statusDot({ ...base, status: 'reauthorization_needed' }, now)).toMatchObject({ color: 'orange', label: 'Re-authorization needed' });
  });

  it('is grey and says what to do before the first test (and for statuses it does not know)', () => {
    expect(statusDot(base, now)).toMatchObject({ color: 'gray', label: 'Not connected yet' });
    expect(statusDot({ ...base, status: 'something-new' }, now).color).toBe('gray');
  });
});

describe('expiryNotice', () => {
  it('warns in red once expired and in yellow while expiring, with the date', () => {
    expect(expiryNotice({ expiry_warning: 'expired', token_expires_at: '2026-11-01T00:00:00Z' })?.color).toBe('red');
    expect(expiryNotice({ expiry_warning: 'expired', token_expires_at: '2026-11-01T00:00:00Z' })?.label).toMatch(/^Token expired Nov/);
    expect(expiryNotice({ expiry_warning: 'expiring', token_expires_at: null })).toEqual({ color: 'yellow', label: 'Token expires soon' });
  });

  it('says nothing without a warning', () => {
    expect(expiryNotice({ expiry_warning: null, token_expires_at: '2027-01-01T00:00:00Z' })).toBeNull();
  });
});

describe('offersOAuthSignIn', () => {
  const connection = { status: 'connected', auth_type: 'none', signed_in_with_oauth: false };

  it('is not offered for a server that already works without OAuth', () => {
    expect(offersOAuthSignIn(connection)).toBe(false);
    expect(offersOAuthSignIn({ ...connection, auth_type: 'bearer' })).toBe(false);
  });

  it('is offered before a server works, when it needs re-authorization, and for OAuth connections', () => {
    expect(offersOAuthSignIn({ ...connection, status: 'never_connected' })).toBe(true);
    expect(offersOAuthSignIn({ ...connection, status: 'error' })).toBe(true);
    expect(offersOAuthSignIn({ ...connection, status: 'reauthorization_needed', signed_in_with_oauth: true })).toBe(true);
    expect(offersOAuthSignIn({ ...connection, auth_type: 'oauth' })).toBe(true);
  });
});
