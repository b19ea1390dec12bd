import { describe, expect, it } from 'vitest';
import { findVariableTokens, variableNames } from './variableTokens';

describe('findVariableTokens', () => {
  it('finds a plain variable with its name range', () => {
    const text = 'Hello {{name}}!';
    const [token] = findVariableTokens(text);
    expect(token).toMatchObject({ from: 6, to: 14, name: 'name', valid: true });
    expect(text.slice(...token!.nameRange)).toBe('name');
    expect(token!.type).toBeUndefined();
  });

  it('splits name, type and the rest (options and default)', () => {
    const text = 'Tone: {{tone:enum:formal,casual:casual}}';
    const [token] = findVariableTokens(text);
    expect(token!.name).toBe('tone');
    expect(token!.type).toBe('enum');
    expect(text.slice(...token!.typeRange!)).toBe('enum');
    expect(text.slice(...token!.restRange!)).toBe('formal,casual:casual');
    expect(token!.valid).toBe(true);
  });

  it('tolerates spaces around the name and type', () => {
    const text = '{{ count : number : 3 }}';
    const [token] = findVariableTokens(text);
    expect(token!.name).toBe('count');
    expect(token!.type).toBe('number');
    expect(text.slice(...token!.nameRange)).toBe('count');
  });

  it('marks unknown types and non-identifier names as invalid', () => {
    expect(findVariableTokens('{{x:colour}}')[0]!.valid).toBe(false);
    expect(findVariableTokens('{{two words}}')[0]!.valid).toBe(false);
    expect(findVariableTokens('{{}}')[0]!.valid).toBe(false);
  });

  it('finds several variables and ignores unclosed or multi-line braces', () => {
    const text = '{{a}} and {{b:number}} then {{ broken\n}} and {{c';
    expect(findVariableTokens(text).map((t) => t.name)).toEqual(['a', 'b']);
  });

  it('restarts at the innermost opening pair', () => {
    const tokens = findVariableTokens('{{ {{inner}}');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.name).toBe('inner');
    expect(tokens[0]!.from).toBe(3);
  });

  it('lists distinct valid names in order', () => {
    expect(variableNames('{{b}} {{a}} {{b:text}} {{bad name}}')).toEqual(['b', 'a']);
  });
});
