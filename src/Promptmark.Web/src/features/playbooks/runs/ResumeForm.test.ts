import { describe, expect, it } from 'vitest';
import { overridesOf, variablesOf } from './ResumeForm';
import { prettyJson } from './ArtifactView';
import type { PlaybookExecution } from '@/lib/api/types';

describe('variablesOf', () => {
  it('reads inputs and named outputs as text, an output over an input of its name', () => {
    expect(variablesOf({ input_values: { topic: 't', first: 'input' }, outputs: { first: 'output', data: { a: 1 } } as unknown as PlaybookExecution['outputs'] }))
      .toEqual({ topic: 't', first: 'output', data: '{"a":1}' });
  });
});

describe('overridesOf', () => {
  it('sends only the values that changed', () => {
    expect(overridesOf({ topic: 't', first: 'x' }, { topic: 't', first: 'y' })).toEqual({ first: 'y' });
  });
});

describe('prettyJson', () => {
  it('indents JSON and leaves other text as it is', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
});
