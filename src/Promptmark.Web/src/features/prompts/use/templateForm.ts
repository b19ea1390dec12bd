import type { VariableSchema } from '@/lib/api/types';

/** Which input a template variable gets. */
export type FieldKind = 'string' | 'text' | 'number' | 'boolean' | 'enum';
export type FieldValue = string | number | boolean | null;

export interface TemplateField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options: string[];
  /** The server's default, as text (shown as a placeholder / hint). */
  defaultText: string | null;
  initial: FieldValue;
}

const kinds: FieldKind[] = ['string', 'text', 'number', 'boolean', 'enum'];

/** "user_name" → "User name". */
export function humanize(name: string): string {
  const spaced = name.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : name;
}

/** The form for a template: one field per variable of the API's schema, with the right input and start value. */
export function fieldsFromSchema(variables: VariableSchema[]): TemplateField[] {
  return variables.map((v) => {
    const type = v.type.toLowerCase();
    const kind: FieldKind = (kinds as string[]).includes(type) ? (type as FieldKind) : 'string';
    const field: TemplateField = {
      name: v.name,
      label: humanize(v.name),
      kind: kind === 'enum' && v.options.length === 0 ? 'string' : kind,
      required: v.required,
      options: v.options,
      defaultText: v.default,
      initial: '',
    };
    switch (field.kind) {
      case 'boolean':
        field.initial = v.default != null ? v.default.trim().toLowerCase() === 'true' : false;
        break;
      case 'number': {
        const n = v.default != null && v.default.trim() !== '' ? Number(v.default) : NaN;
        field.initial = Number.isFinite(n) ? n : '';
        break;
      }
      case 'enum':
        field.initial = v.default != null && v.options.includes(v.default) ? v.default : null;
        break;
      default:
        field.initial = v.default ?? '';
    }
    return field;
  });
}

export const initialValues = (fields: TemplateField[]): Record<string, FieldValue> =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial]));

/**
 * The `variables` object for render/validate: typed JSON values; empty inputs are left out so the server
 * applies its default or reports the missing required variable.
 */
export function toVariables(fields: TemplateField[], values: Record<string, FieldValue>): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === null || value === undefined) continue;
    if (field.kind === 'boolean') {
      result[field.name] = Boolean(value);
    } else if (field.kind === 'number') {
      if (value === '') continue;
      const n = typeof value === 'number' ? value : Number(value);
      result[field.name] = Number.isFinite(n) ? n : String(value);
    } else {
      if (value === '') continue;
      result[field.name] = String(value);
    }
  }
  return result;
}

/** Problems reported by validate, grouped by variable name. */
export function problemsByVariable(problems: { variable: string; message: string }[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const p of problems) (grouped[p.variable] ??= []).push(p.message);
  return grouped;
}
