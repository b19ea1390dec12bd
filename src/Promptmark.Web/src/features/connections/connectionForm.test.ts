import { describe, expect, it } from 'vitest';
import type { Connection } from '@/lib/api/types';
import { connectionFormOf, createBody, credentialField, credentialProblem, credentialsPayload, updateBody } from './connectionForm';

const saved = {
  id: 'c1', name: 'Tools', server_url: 'https://mcp.example.com/mcp', description: null, preset: null, auth_type: 'bearer',
  has_credentials: true, signed_in_with_oauth: false, is_active: true, token_expires_at: '2027-03-01T23:59:59Z', expiry_warning: null, status: 'connected',
  last_error: null, last_connected_at: null, last_checked_at: null, tool_count: 3, server_name: null, server_version: null,
  created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z', oauth_client_id: null, has_oauth_client_secret: false, tools: null,
} satisfies Connection;

describe('credentialField', () => {
  it('has no secret input for none', () => {
    expect(credentialField('none')).toBeNull();
  });

  it('requires a secret for a new connection, a multi-line JSON one for custom headers', () => {
    expect(credentialField('bearer')).toMatchObject({ label: 'Bearer token', required: true, multiline: false });
    expect(credentialField('custom_headers')).toMatchObject({ required: true, multiline: true });
  });

  it('lets an edit keep the stored secret of the same type, and says so', () => {
    const field = credentialField('bearer', saved)!;
    expect(field.required).toBe(false);
    expect(field.description).toMatch(/leave this empty to keep it/);
    expect(field.placeholder).toMatch(/^Stored/);
  });

  it('requires a new secret when the type changes or nothing is stored', () => {
    expect(credentialField('api_key', saved)!.required).toBe(true);
    expect(credentialField('bearer', { ...saved, has_credentials: false })!.required).toBe(true);
  });
});

describe('credentialProblem', () => {
  it('asks for a required secret', () => {
    expect(credentialProblem('bearer', '  ', credentialField('bearer'))).toBe('Enter the bearer token.');
    expect(credentialProblem('bearer', '', credentialField('bearer', saved))).toBeNull();
  });

  it('checks custom headers and OAuth JSON before sending', () => {
    const headers = credentialField('custom_headers');
    expect(credentialProblem('custom_headers', '{"X-Token": "a"}', headers)).toBeNull();
    expect(credentialProblem('custom_headers', '{"X-Token": 1}', headers)).toMatch(/JSON object/);
    expect(credentialProblem('custom_headers', 'X-Token: a', headers)).toMatch(/JSON object/);
    expect(credentialProblem('custom_headers', '{}', headers)).toMatch(/JSON object/);
    expect(credentialProblem('oauth', '{"refresh_token": "r"}', credentialField('oauth'))).toMatch(/access_token/);
    expect(credentialProblem('oauth', 'plain-token', credentialField('oauth'))).toBeNull();
  });
});

describe('credentialsPayload', () => {
  it('wraps a bare OAuth access token, and passes JSON and other types through', () => {
    expect(credentialsPayload('oauth', ' tok ')).toBe('{"access_token":"tok"}');
    expect(credentialsPayload('oauth', '{"access_token":"tok","refresh_token":"r"}')).toBe('{"access_token":"tok","refresh_token":"r"}');
    expect(credentialsPayload('bearer', ' tok ')).toBe('tok');
  });
});

describe('connection bodies', () => {
  it('never puts a stored secret in the edit form', () => {
    expect(connectionFormOf(saved, null)).toMatchObject({ credentials: '', token_expires_on: '2027-03-01', auth_type: 'bearer' });
  });

  it('fills the Civic preset', () => {
    const form = { ...connectionFormOf(undefined, 'civic'), credentials: 'tok' };
    expect(createBody(form, 'civic')).toEqual({
      name: 'Civic', server_url: 'https://app.civic.com/hub/mcp', description: null, auth_type: 'bearer', auth_credentials: 'tok',
      preset: 'civic', token_expires_at: null, oauth_client_id: null, oauth_client_secret: null,
    });
  });

  it('sends no credentials for none', () => {
    const form = { ...connectionFormOf(undefined, null), name: 'Local', server_url: 'http://127.0.0.1:3001/mcp', credentials: 'ignored' };
    expect(createBody(form, null)).toMatchObject({ auth_type: 'none', auth_credentials: null, preset: null });
  });

  it('sends only what changed, keeping the secret when the field stays empty', () => {
    const form = connectionFormOf(saved, null);
    expect(updateBody(saved, form)).toEqual({});
    expect(updateBody(saved, { ...form, name: 'Renamed ' })).toEqual({ name: 'Renamed' });
    expect(updateBody(saved, { ...form, credentials: 'new' })).toEqual({ auth_type: 'bearer', auth_credentials: 'new' });
    expect(updateBody(saved, { ...form, auth_type: 'none' })).toEqual({ auth_type: 'none' });
    expect(updateBody(saved, { ...form, token_expires_on: '' })).toEqual({ token_expires_at: '' });
    expect(updateBody(saved, { ...form, is_active: false })).toEqual({ is_active: false });
  });

  it('sends a pre-registered OAuth client, its secret only when typed, and "" to remove the client', () => {
    const form = connectionFormOf({ ...saved, oauth_client_id: 'mine', has_oauth_client_secret: true }, null);
    expect(form).toMatchObject({ oauth_client_id: 'mine', oauth_client_secret: '' });
    expect(updateBody({ ...saved, oauth_client_id: 'mine' }, form)).toEqual({});
    expect(updateBody({ ...saved, oauth_client_id: 'mine' }, { ...form, oauth_client_secret: 's3cret' })).toEqual({ oauth_client_secret: 's3cret' });
    expect(updateBody({ ...saved, oauth_client_id: 'mine' }, { ...form, oauth_client_id: '' })).toEqual({ oauth_client_id: '' });
  });
});
