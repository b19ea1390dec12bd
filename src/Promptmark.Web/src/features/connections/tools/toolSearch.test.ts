import { describe, expect, it } from 'vitest';
import { matchesTool } from './toolSearch';

const echo = { name: 'echo', title: null, description: 'Echoes back the input string' };

describe('matchesTool', () => {
  it('matches every word anywhere in the name, title or description', () => {
    expect(matchesTool(echo, '')).toBe(true);
    expect(matchesTool(echo, 'ECHO')).toBe(true);
    expect(matchesTool(echo, 'back input')).toBe(true);
    expect(matchesTool(echo, 'back sum')).toBe(false);
    expect(matchesTool({ ...echo, title: 'Repeat' }, 'repeat')).toBe(true);
  });
});
