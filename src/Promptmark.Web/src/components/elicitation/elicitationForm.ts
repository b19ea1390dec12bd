/**
 * The form of an MCP elicitation, read from its requested schema: a flat object whose properties are strings (maybe with
 * a format), numbers, integers, booleans, single-select enums (`enum`, `oneOf` with titles, legacy `enumNames`) and
 * multi-select enums (arrays of those). Anything else is shown as plain text.
 */
export interface Option { value: string; label: string }

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'select' | 'multiselect';

export interface Field {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  required: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  options: Option[];
  default?: FieldValue;
}

/** What the form holds for a field: numbers are kept as typed text until the answer is built. */
export type FieldValue = string | boolean | string[];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const numberOr = (v: unknown) => (typeof v === 'number' ? v : undefined);

function optionsOf(schema: Json): Option[] {
  const titled = (schema.oneOf ?? schema.anyOf) as unknown;
  if (Array.isArray(titled)) {
    return titled.filter(isObject).map((o) => ({ value: String(o.const), label: typeof o.title === 'string' ? o.title : String(o.const) }));
  }
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : [];
    return schema.enum.map((v, i) => ({ value: String(v), label: typeof names[i] === 'string' ? names[i] : String(v) }));
  }
  return [];
}

function fieldOf(name: string, schema: Json, required: boolean): Field {
  const base = {
    name, required,
    label: typeof schema.title === 'string' ? schema.title : name,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    options: [] as Option[],
  };
  const items = isObject(schema.items) ? schema.items : {};
  if (schema.type === 'array') {
    return { ...base, kind: 'multiselect', options: optionsOf(items), minItems: numberOr(schema.minItems), maxItems: numberOr(schema.maxItems),
      default: Array.isArray(schema.default) ? schema.default.map(String) : [] };
  }
  const options = optionsOf(schema);
  if (options.length > 0) return { ...base, kind: 'select', options, default: schema.default === undefined ? '' : String(schema.default) };
  if (schema.type === 'boolean') return { ...base, kind: 'boolean', default: schema.default === true };
  if (schema.type === 'number' || schema.type === 'integer') {
    return { ...base, kind: schema.type, minimum: numberOr(schema.minimum), maximum: numberOr(schema.maximum),
      default: typeof schema.default === 'number' ? String(schema.default) : '' };
  }
  return { ...base, kind: 'text', format: typeof schema.format === 'string' ? schema.format : undefined,
    minLength: numberOr(schema.minLength), maxLength: numberOr(schema.maxLength), default: typeof schema.default === 'string' ? schema.default : '' };
}

/** The fields of a requested schema, in its order. */
export function fieldsOf(schema: unknown): Field[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).filter(([, s]) => isObject(s)).map(([name, s]) => fieldOf(name, s as Json, required.has(name)));
}

/** Each field's starting value: its default, else empty. */
export const initialValues = (fields: Field[]): Record<string, FieldValue> =>
  Object.fromEntries(fields.map((f) => [f.name, f.default ?? (f.kind === 'boolean' ? false : f.kind === 'multiselect' ? [] : '')]));

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problemOf(field: Field, value: FieldValue): string | null {
  if (field.kind === 'number' || field.kind === 'integer') {
    const number = Number(value);
    if (!Number.isFinite(number)) return 'Enter a number';
    if (field.kind === 'integer' && !Number.isInteger(number)) return 'Enter a whole number';
    if (field.minimum !== undefined && number < field.minimum) return `At least ${field.minimum}`;
    if (field.maximum !== undefined && number > field.maximum) return `At most ${field.maximum}`;
    return null;
  }
  if (field.kind === 'multiselect' && Array.isArray(value)) {
    if (field.minItems !== undefined && value.length < field.minItems) return `Choose at least ${field.minItems}`;
    if (field.maxItems !== undefined && value.length > field.maxItems) return `Choose at most ${field.maxItems}`;
    return null;
  }
  if (field.kind === 'text' && typeof value === 'string') {
    if (field.minLength !== undefined && value.length < field.minLength) return `At least ${field.minLength} characters`;
    if (field.maxLength !== undefined && value.length > field.maxLength) return `At most ${field.maxLength} characters`;
    if (field.format === 'email' && !emailPattern.test(value)) return 'Enter an email address';
  }
  return null;
}

const isEmpty = (value: FieldValue) => value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The answer's `content` (empty optional fields left out, numbers as numbers), or what is wrong per field. Booleans are
 * always sent: an unticked box is an answer.
 */
export function answerOf(fields: Field[], values: Record<string, FieldValue>):
  { content: Record<string, unknown>; errors: null } | { content: null; errors: Record<string, string> } {
  const content: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (field.kind !== 'boolean' && isEmpty(value)) {
      if (field.required) errors[field.name] = 'Required';
      continue;
    }
    const problem = problemOf(field, value);
    if (problem) errors[field.name] = problem;
    else content[field.name] = field.kind === 'number' || field.kind === 'integer' ? Number(value) : value;
  }
  return Object.keys(errors).length > 0 ? { content: null, errors } : { content, errors: null };
}
