import type { Connection } from '@/lib/api/types';

export const authTypes = [
  { value: 'none', label: 'None' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'api_key', label: 'API key' },
  { value: 'oauth', label: 'OAuth access token' },
  { value: 'custom_headers', label: 'Custom headers' },
] as const;

export type AuthType = (typeof authTypes)[number]['value'];

export const civic = { preset: 'civic', name: 'Civic', serverUrl: 'https://app.civic.com/hub/mcp', authTypes: ['bearer', 'oauth'] as AuthType[] } as const;

export interface ConnectionForm {
  name: string;
  server_url: string;
  description: string;
  auth_type: AuthType;
  /** A new secret; empty means "none yet" when creating and "keep the stored one" when editing. */
  credentials: string;
  /** The day the credential expires (YYYY-MM-DD), or empty. */
  token_expires_on: string;
  is_active: boolean;
  /** A client the user registered at the server's authorization server for "Sign in with OAuth", or empty. */
  oauth_client_id: string;
  /** Its new secret; empty keeps the stored one (never sent back), or means none. */
  oauth_client_secret: string;
}

/** What the edit form starts from: everything but the stored secret, which is never sent back. */
export function connectionFormOf(saved: Connection | undefined, preset: 'civic' | null): ConnectionForm {
  if (saved) {
    return {
      name: saved.name, server_url: saved.server_url, description: saved.description ?? '', auth_type: saved.auth_type as AuthType,
      credentials: '', token_expires_on: saved.token_expires_at?.slice(0, 10) ?? '', is_active: saved.is_active,
      oauth_client_id: saved.oauth_client_id ?? '', oauth_client_secret: '',
    };
  }
  const blank = { description: '', credentials: '', token_expires_on: '', is_active: true, oauth_client_id: '', oauth_client_secret: '' };
  return preset === 'civic'
    ? { ...blank, name: civic.name, server_url: civic.serverUrl, auth_type: 'bearer' }
    : { ...blank, name: '', server_url: '', auth_type: 'none' };
}

export interface CredentialField {
  label: string;
  description: string;
  placeholder: string;
  multiline: boolean;
  required: boolean;
}

const fields: Record<Exclude<AuthType, 'none'>, Omit<CredentialField, 'required'>> = {
  bearer: { label: 'Bearer token', description: 'Sent as “Authorization: Bearer <token>”.', placeholder: 'Paste the token', multiline: false },
  api_key: { label: 'API key', description: 'Sent as the X-API-Key header.', placeholder: 'Paste the key', multiline: false },
  oauth: {
    label: 'OAuth access token',
    description: 'Sent as “Authorization: Bearer <access token>”. Paste the access token, or the token response JSON with its access_token.',
    placeholder: 'Paste the access token',
    multiline: false,
  },
  custom_headers: {
    label: 'Headers (JSON)',
    description: 'A JSON object of header names to values, sent with every request.',
    placeholder: '{"X-Token": "…"}',
    multiline: true,
  },
};

/**
 * The secret input for an auth type (null for none). It is always empty: when the connection already keeps a
 * secret of this type, leaving it empty keeps that secret; otherwise one is required.
 */
export function credentialField(authType: AuthType, saved?: Pick<Connection, 'auth_type' | 'has_credentials'>): CredentialField | null {
  if (authType === 'none') return null;
  const keeps = !!saved && saved.auth_type === authType && saved.has_credentials;
  const field = fields[authType];
  return {
    ...field,
    required: !keeps,
    description: keeps ? `${field.description} A secret is stored and never shown: leave this empty to keep it.` : field.description,
    placeholder: keeps ? 'Stored — type a new one to replace it' : field.placeholder,
  };
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What is sent as auth_credentials: an OAuth access token on its own is wrapped as {"access_token": …}. */
export function credentialsPayload(authType: AuthType, raw: string): string {
  const value = raw.trim();
  return authType === 'oauth' && !value.startsWith('{') ? JSON.stringify({ access_token: value }) : value;
}

/** The problem with the typed secret that can be seen before sending it, or null. */
export function credentialProblem(authType: AuthType, raw: string, field: CredentialField | null): string | null {
  const value = raw.trim();
  if (!field) return null;
  if (!value) return field.required ? `Enter the ${field.label.replace(' (JSON)', '').toLowerCase()}.` : null;
  if (authType === 'custom_headers') {
    const headers = parseJson(value);
    if (!isStringRecord(headers) || Object.keys(headers).length === 0) return 'Write a JSON object of header names to string values, e.g. {"X-Token": "…"}.';
  }
  if (authType === 'oauth' && value.startsWith('{')) {
    const token = parseJson(value);
    if (!(typeof token === 'object' && token !== null && typeof (token as { access_token?: unknown }).access_token === 'string')) {
      return 'The JSON needs a string access_token.';
    }
  }
  return null;
}

const expiryOf = (day: string) => (day ? `${day}T23:59:59Z` : '');

export function createBody(form: ConnectionForm, preset: 'civic' | null) {
  return {
    name: form.name.trim(),
    server_url: form.server_url.trim(),
    description: form.description.trim() || null,
    auth_type: form.auth_type,
    auth_credentials: form.auth_type === 'none' ? null : credentialsPayload(form.auth_type, form.credentials),
    preset,
    token_expires_at: expiryOf(form.token_expires_on) || null,
    oauth_client_id: form.oauth_client_id.trim() || null,
    oauth_client_secret: form.oauth_client_secret.trim() || null,
  };
}

/**
 * Only what changed: a new secret or a new auth type sends both (the API checks them together); an empty secret
 * with the same type sends neither, which keeps the stored one. A cleared expiry is sent as "".
 */
export function updateBody(saved: Connection, form: ConnectionForm) {
  const body: {
    name?: string; server_url?: string; description?: string; auth_type?: string; auth_credentials?: string;
    token_expires_at?: string; is_active?: boolean; oauth_client_id?: string; oauth_client_secret?: string;
  } = {};
  if (form.name.trim() !== saved.name) body.name = form.name.trim();
  if (form.server_url.trim() !== saved.server_url) body.server_url = form.server_url.trim();
  if (form.description.trim() !== (saved.description ?? '')) body.description = form.description.trim();
  if (form.auth_type !== saved.auth_type || form.credentials.trim()) {
    body.auth_type = form.auth_type;
    if (form.auth_type !== 'none') body.auth_credentials = credentialsPayload(form.auth_type, form.credentials);
  }
  if (form.token_expires_on !== (saved.token_expires_at?.slice(0, 10) ?? '')) body.token_expires_at = expiryOf(form.token_expires_on);
  if (form.is_active !== saved.is_active) body.is_active = form.is_active;
  if (form.oauth_client_id.trim() !== (saved.oauth_client_id ?? '')) body.oauth_client_id = form.oauth_client_id.trim();
  if (form.oauth_client_secret.trim()) body.oauth_client_secret = form.oauth_client_secret.trim();
  return body;
}
