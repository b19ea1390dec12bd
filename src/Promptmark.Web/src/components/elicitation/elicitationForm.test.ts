import { describe, expect, it } from 'vitest';
import { answerOf, fieldsOf, initialValues } from './elicitationForm';

// The shapes server-everything's trigger-elicitation-request asks for.
const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name', description: 'Your full name' },
    check: { type: 'boolean', title: 'Agree' },
    email: { type: 'string', format: 'email' },
    integer: { type: 'integer', minimum: 1, maximum: 100, default: 42 },
    number: { type: 'number', minimum: 0, maximum: 1000 },
    friend: { type: 'string', enum: ['Monica', 'Rachel'], default: 'Monica' },
    hero: { type: 'string', oneOf: [{ const: 'hero-1', title: 'Superman' }, { const: 'hero-2', title: 'Wonder Woman' }] },
    pet: { type: 'string', enum: ['pet-1', 'pet-2'], enumNames: ['Cats', 'Dogs'] },
    fish: { type: 'array', minItems: 1, maxItems: 2, items: { anyOf: [{ const: 'fish-1', title: 'Tuna' }, { const: 'fish-2', title: 'Salmon' }] }, default: ['fish-1'] },
  },
  required: ['name'],
};

describe('elicitation form', () => {
  it('reads each kind of field with its label, options and default', () => {
    const fields = fieldsOf(schema);
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['name', 'text'], ['check', 'boolean'], ['email', 'text'], ['integer', 'integer'], ['number', 'number'],
      ['friend', 'select'], ['hero', 'select'], ['pet', 'select'], ['fish', 'multiselect'],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Name', description: 'Your full name', required: true });
    expect(fields.find((f) => f.name === 'hero')?.options).toEqual([{ value: 'hero-1', label: 'Superman' }, { value: 'hero-2', label: 'Wonder Woman' }]);
    expect(fields.find((f) => f.name === 'pet')?.options.map((o) => o.label)).toEqual(['Cats', 'Dogs']);
    expect(fields.find((f) => f.name === 'fish')?.options.map((o) => o.value)).toEqual(['fish-1', 'fish-2']);
    expect(initialValues(fields)).toMatchObject({ name: '', check: false, integer: '42', friend: 'Monica', hero: '', fish: ['fish-1'] });
  });

  it('builds the content from the values, numbers as numbers and empty optional fields left out', () => {
    const fields = fieldsOf(schema);
    const answer = answerOf(fields, { ...initialValues(fields), name: 'Ada', number: '3.5', hero: 'hero-2' });
    expect(answer.errors).toBeNull();
    expect(answer.content).toEqual({ name: 'Ada', check: false, integer: 42, number: 3.5, friend: 'Monica', hero: 'hero-2', fish: ['fish-1'] });
  });

  it('names every field that does not fit before anything is sent', () => {
    const fields = fieldsOf(schema);
    const answer = answerOf(fields, { ...initialValues(fields), email: 'not an address', integer: '500', number: '1.5x', fish: [] });
    expect(answer.content).toBeNull();
    expect(answer.errors).toEqual({ name: 'Required', email: 'Enter an email address', integer: 'At most 100', number: 'Enter a number' });
    expect(answerOf(fields, { ...initialValues(fields), name: 'Ada', integer: '2.5' }).errors).toEqual({ integer: 'Enter a whole number' });
  });

  it('has no fields for a schema it cannot read', () => {
    expect(fieldsOf(null)).toEqual([]);
    expect(fieldsOf({ type: 'object' })).toEqual([]);
  });
});
