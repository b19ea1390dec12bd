import { describe, expect, it } from 'vitest';
import { prettyOutput } from './prettyOutput';

describe('prettyOutput', () => {
  it('indents JSON, and leaves cut or other text as it is, marking the cut', () => {
    expect(prettyOutput('{"content":[]}', false)).toBe('{\n  "content": []\n}');
    expect(prettyOutput('{"content":[{"ty', true)).toBe('{"content":[{"ty…');
    expect(prettyOutput('plain', false)).toBe('plain');
  });
});
