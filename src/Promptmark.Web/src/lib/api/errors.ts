/**
 * An RFC 7807 problem as the Promptmark API sends it: 400s add `errors: {field: [messages]}`, a tool's 422 for
 * arguments that do not fit its schema adds `errors: ["path: message", …]`.
 */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | string | null;
  detail?: string | null;
  errors?: Record<string, string[] | string> | string[] | null;
}

/** A failed API call: the status, the message to show, the per-field messages of a 400 and the list of a 422. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: Record<string, string[]>;
  /** Problems sent as a plain list (`errors: ["path: message"]`), in order. */
  readonly problems: string[];

  constructor(status: number, message: string, fieldErrors: Record<string, string[]> = {}, problems: string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.problems = problems;
  }

  /** The first message for a field (snake_case, as the API names it), if any. */
  field(name: string): string | undefined {
    return this.fieldErrors[name]?.[0];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Normalises the `errors` member of a problem: `{field: [..]}` or `{field: ".."}`; keys as sent. */
export function fieldErrorsOf(body: unknown): Record<string, string[]> {
  if (!isRecord(body) || !isRecord(body.errors)) return {};
  const result: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(body.errors)) {
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : typeof value === 'string' ? [value] : [];
    if (messages.length > 0) result[key] = messages;
  }
  return result;
}

/** The `errors` member of a problem when it is a list of messages; [] otherwise. */
export function problemListOf(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter((m): m is string => typeof m === 'string');
}

const fallbackByStatus: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'It was not found (it may have been deleted).',
  409: 'That conflicts with something that already exists.',
  422: 'That could not be processed.',
  429: 'Too many attempts; wait a moment and try again.',
};

/** The API's messages start in lowercase ("prompt not found") so that they read well after a field name; a person gets a sentence. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The one sentence to show a person for a failed call: the problem's `detail`, else its field messages,
 * else its `title`, else a plain sentence for the status.
 */
export function problemMessage(status: number, body: unknown): string {
  return sentence(rawProblemMessage(status, body));
}

function rawProblemMessage(status: number, body: unknown): string {
  if (isRecord(body)) {
    if (typeof body.detail === 'string' && body.detail.trim()) return body.detail.trim();
    const fields = fieldErrorsOf(body);
    const parts = Object.entries(fields).map(([field, messages]) => sentence(`${field.replace(/_/g, ' ')}: ${messages.join('; ')}`));
    if (parts.length > 0) return parts.join('. ');
    if (typeof body.title === 'string' && body.title.trim()) return body.title.trim();
  }
  if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<')) return body.trim();
  if (status >= 500) return 'Something went wrong on the server. Try again in a moment.';
  if (status === 0) return 'Promptmark could not be reached. Check your connection.';
  return fallbackByStatus[status] ?? `The request failed (${status}).`;
}

export function toApiError(status: number, body: unknown): ApiError {
  return new ApiError(status, problemMessage(status, body), fieldErrorsOf(body), problemListOf(body));
}

/** The message of any thrown value, for a toast. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
