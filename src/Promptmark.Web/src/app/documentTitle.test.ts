import { describe, expect, it } from 'vitest';
import { documentTitle } from './documentTitle';

describe('documentTitle', () => {
  it('names the deepest route that has a title', () => {
    expect(documentTitle([{ route: { handle: { title: 'Prompt' } } }, { route: { handle: { title: 'Versions' } } }, { route: {} }])).toBe('Versions · Promptmark');
  });

  it('is the app name when no route has one', () => {
    expect(documentTitle([{ route: {} }])).toBe('Promptmark');
  });
});
