import { describe, expect, it } from 'vitest';
import { fieldsFromSchema, humanize, initialValues, problemsByVariable, toVariables } from './templateForm';

const v = (name: string, type: string, extra: Partial<{ required: boolean; default: string | null; options: string[] }> = {}) => ({
  name, type, required: extra.required ?? false, default: extra.default ?? null, options: extra.options ?? [],
});

describe('schema to form', () => {
  it('chooses an input per type, with the default as start value', () => {
    const fields = fieldsFromSchema([
      v('topic', 'string', { required: true }),
      v('body', 'text'),
      v('count', 'number', { default: '3' }),
      v('formal', 'boolean', { default: 'true' }),
      v('tone', 'enum', { options: ['warm', 'dry'], default: 'dry' }),
    ]);
    expect(fields.map((f) => f.kind)).toEqual(['string', 'text', 'number', 'boolean', 'enum']);
    expect(initialValues(fields)).toEqual({ topic: '', body: '', count: 3, formal: true, tone: 'dry' });
    expect(fields[0]!.required).toBe(true);
    expect(fields[4]!.options).toEqual(['warm', 'dry']);
  });

  it('falls back to text input for unknown types and enums without options', () => {
    const fields = fieldsFromSchema([v('a', 'colour'), v('b', 'enum')]);
    expect(fields.map((f) => f.kind)).toEqual(['string', 'string']);
  });

  it('starts booleans unchecked and numbers empty without defaults; ignores a default outside the options', () => {
    const fields = fieldsFromSchema([v('flag', 'boolean'), v('n', 'number', { default: 'x' }), v('e', 'enum', { options: ['a'], default: 'z' })]);
    expect(initialValues(fields)).toEqual({ flag: false, n: '', e: null });
  });

  it('humanizes names for labels', () => {
    expect(humanize('user_name')).toBe('User name');
    expect(humanize('maxTokens')).toBe('Max tokens');
    expect(humanize('x')).toBe('X');
  });
});

describe('form to variables', () => {
  const fields = fieldsFromSchema([v('s', 'string'), v('n', 'number'), v('b', 'boolean'), v('e', 'enum', { options: ['a', 'b'] })]);

  it('sends typed values and leaves out empty inputs', () => {
    expect(toVariables(fields, { s: 'hi', n: 4, b: false, e: 'a' })).toEqual({ s: 'hi', n: 4, b: false, e: 'a' });
    expect(toVariables(fields, { s: '', n: '', b: true, e: null })).toEqual({ b: true });
  });

  it('passes a non-numeric number through as text so the server reports it', () => {
    expect(toVariables(fields, { s: '', n: '1e', b: false, e: null })).toEqual({ n: '1e', b: false });
  });

  it('groups validation problems by variable', () => {
    expect(problemsByVariable([{ variable: 'n', message: 'm1' }, { variable: 'n', message: 'm2' }, { variable: 's', message: 'm3' }]))
      .toEqual({ n: ['m1', 'm2'], s: ['m3'] });
  });
});
