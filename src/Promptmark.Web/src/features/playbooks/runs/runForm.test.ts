import { describe, expect, it } from 'vitest';
import { breakpointsOf, initialRunValues, inputValuesOf, missingRunValues, runFields } from './runForm';
import type { PlaybookInput } from '@/lib/api/types';

const input = (name: string, type: string, extra: Partial<PlaybookInput> = {}): PlaybookInput =>
  ({ name, type, default: null, options: null, description: '', required: true, line: 1, ...extra });

const inputs = [
  input('topic', 'string', { description: 'What about' }),
  input('notes', 'text', { default: 'none', required: false }),
  input('count', 'number', { default: '3', required: false }),
  input('strict', 'boolean'),
  input('audience', 'enum', { options: ['technical', 'general'] }),
];

describe('runFields', () => {
  it('asks for each input with a field of its type, an enum as a select of its options', () => {
    expect(runFields(inputs).map((f) => [f.name, f.kind, f.required])).toEqual([
      ['topic', 'text', true], ['notes', 'textarea', false], ['count', 'number', false], ['strict', 'boolean', true], ['audience', 'select', true],
    ]);
    expect(runFields(inputs)[4]!.options).toEqual(['technical', 'general']);
    expect(runFields(inputs)[0]!.description).toBe('What about');
  });
});

describe('initialRunValues', () => {
  it('starts from the defaults, a boolean without one as false', () => {
    expect(initialRunValues(inputs)).toEqual({ topic: '', notes: 'none', count: '3', strict: 'false', audience: '' });
  });
});

describe('missingRunValues', () => {
  it('names the required inputs left empty or blank', () => {
    expect(missingRunValues(runFields(inputs), { ...initialRunValues(inputs), topic: '  ' })).toEqual(['topic', 'audience']);
  });
});

describe('inputValuesOf', () => {
  it('sends the filled-in values only, so the server applies the defaults of the others', () => {
    expect(inputValuesOf({ topic: 'tides', notes: '', strict: 'false' })).toEqual({ topic: 'tides', strict: 'false' });
  });
});

describe('breakpointsOf', () => {
  it('lists the picked steps in order, once each, or nothing', () => {
    expect(breakpointsOf([4, 2, 4])).toBe('2,4');
    expect(breakpointsOf([])).toBeUndefined();
  });
});
