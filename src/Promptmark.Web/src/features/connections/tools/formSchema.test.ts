import { describe, expect, it } from 'vitest';
import { formSchemaOf, parseArguments } from './formSchema';

describe('formSchemaOf', () => {
  it('drops $schema and keeps the keywords', () => {
    const schema = formSchemaOf({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
    expect(schema).toEqual({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] });
  });

  it('is an empty object schema for a tool without one', () => {
    expect(formSchemaOf(null)).toEqual({ type: 'object' });
  });
});

describe('parseArguments', () => {
  it('accepts an object, and nothing as no arguments', () => {
    expect(parseArguments('{"duration": 1, "steps": 4}')).toEqual({ value: { duration: 1, steps: 4 } });
    expect(parseArguments('  ')).toEqual({ value: {} });
  });

  it('says why other text is refused', () => {
    expect(parseArguments('[1]')).toEqual({ problem: 'The arguments must be a JSON object, e.g. {"message": "hello"}.' });
    expect(parseArguments('{"a":')).toMatchObject({ problem: expect.stringMatching(/^Not valid JSON: /) });
  });
});
