import type { PlaybookInput } from '@/lib/api/types';

/** How the run form asks for one input of `## INPUTS`. */
export interface RunField {
  name: string;
  kind: 'text' | 'textarea' | 'number' | 'boolean' | 'select';
  description: string;
  required: boolean;
  options: string[];
}

/** The form's fields, one per input, typed as the input's (canonical) type says; an enum becomes a select of its options. */
export function runFields(inputs: readonly PlaybookInput[]): RunField[] {
  return inputs.map((input) => ({
    name: input.name,
    kind: input.options?.length ? 'select' : input.type === 'text' ? 'textarea' : input.type === 'number' ? 'number' : input.type === 'boolean' ? 'boolean' : 'text',
    description: input.description,
    required: input.required,
    options: input.options ?? [],
  }));
}

/** The values the form starts with: each input's default, else nothing (a boolean without one starts as "false"). */
export function initialRunValues(inputs: readonly PlaybookInput[]): Record<string, string> {
  return Object.fromEntries(inputs.map((input) => [input.name, input.default ?? (input.type === 'boolean' ? 'false' : '')]));
}

/** The required fields left empty, by name: the form says so before asking the server. */
export function missingRunValues(fields: readonly RunField[], values: Record<string, string>): string[] {
  return fields.filter((f) => f.required && !(values[f.name] ?? '').trim()).map((f) => f.name);
}

/** `input_values` as execute_playbook takes them: the filled-in values (an empty one lets the server apply the default). */
export function inputValuesOf(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
}

/** The `breakpoints` parameter for the steps picked: "2,4", or undefined for none. */
export function breakpointsOf(steps: Iterable<number>): string | undefined {
  const sorted = [...new Set(steps)].sort((a, b) => a - b);
  return sorted.length > 0 ? sorted.join(',') : undefined;
}
