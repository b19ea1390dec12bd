import type { RJSFSchema } from '@rjsf/utils';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The tool's input schema as the form renders it: an object schema without its `$schema` (MCP servers name
 * draft 2020-12 or draft-07; the form's validator only needs the keywords, and the API checks the arguments).
 */
export function formSchemaOf(inputSchema: unknown): RJSFSchema {
  const schema = isObject(inputSchema) ? { ...inputSchema } : {};
  delete schema.$schema;
  return { ...schema, type: 'object' } as RJSFSchema;
}

/** The arguments typed in the raw JSON editor: an object, or the reason it is not one. */
export function parseArguments(text: string): { value: Record<string, unknown> } | { problem: string } {
  if (!text.trim()) return { value: {} };
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? { value } : { problem: 'The arguments must be a JSON object, e.g. {"message": "hello"}.' };
  } catch (e) {
    return { problem: `Not valid JSON: ${(e as Error).message}` };
  }
}
