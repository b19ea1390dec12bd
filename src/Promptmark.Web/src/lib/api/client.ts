import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toApiError } from './errors';

/** Listeners told when the API answers 401 to a signed-in call (the session expired or was revoked). */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !path.startsWith('/api/auth/')) unauthorizedListeners.forEach((l) => l());
    return undefined;
  },
};

/** The typed client: every path, parameter and body comes from the API's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
});
api.use(sessionWatch);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns an openapi-fetch result into its data, or throws an ApiError carrying the problem's detail. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'Promptmark could not be reached. Check your connection.');
  }
  const { data, error, response } = outcome;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** JSON numbers typed as `number | string` by the document (int32 may arrive either way) as numbers. */
export const num = (value: number | string | null | undefined): number => (value == null ? 0 : Number(value));
