import { describe, expect, it } from 'vitest';
import type { DiffLine } from '@/lib/api/types';
import { foldUnchanged, sideBySide, unified, wordDiff } from './diffModel';

const eq = (text: string, o: number, n: number): DiffLine => ({ op: 'equal', text, old_line: o, new_line: n });
const rm = (text: string, o: number): DiffLine => ({ op: 'removed', text, old_line: o, new_line: null });
const add = (text: string, n: number): DiffLine => ({ op: 'added', text, old_line: null, new_line: n });

describe('sideBySide', () => {
  it('puts equal lines on both sides', () => {
    expect(sideBySide([eq('a', 1, 1)])).toEqual([{ left: { line: 1, text: 'a', kind: 'equal' }, right: { line: 1, text: 'a', kind: 'equal' } }]);
  });

  it('pairs a removed run with the added run after it', () => {
    const rows = sideBySide([eq('a', 1, 1), rm('b', 2), rm('c', 3), add('B', 2), eq('d', 4, 3)]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual({
      left: { line: 2, text: 'b', kind: 'removed', segments: [{ text: 'b', changed: true }] },
      right: { line: 2, text: 'B', kind: 'added', segments: [{ text: 'B', changed: true }] },
    });
    expect(rows[2]).toEqual({ left: { line: 3, text: 'c', kind: 'removed' }, right: null });
    expect(rows[3]!.left!.line).toBe(4);
  });

  it('shows pure additions with an empty left side', () => {
    expect(sideBySide([add('x', 1), add('y', 2)])).toEqual([
      { left: null, right: { line: 1, text: 'x', kind: 'added' } },
      { left: null, right: { line: 2, text: 'y', kind: 'added' } },
    ]);
  });

  it('accepts line numbers sent as strings', () => {
    expect(sideBySide([{ op: 'equal', text: 'z', old_line: '7', new_line: '8' }])[0]!.right!.line).toBe(8);
  });
});

describe('foldUnchanged', () => {
  it('keeps context around changes and folds the rest', () => {
    const lines = [...Array.from({ length: 10 }, (_, i) => eq(`l${i}`, i + 1, i + 1)), add('new', 11)];
    const folded = foldUnchanged(sideBySide(lines), 2);
    expect(folded[0]).toEqual({ folded: 8 });
    expect(folded).toHaveLength(4);
  });

  it('leaves an unchanged document alone', () => {
    const rows = sideBySide([eq('a', 1, 1), eq('b', 2, 2)]);
    expect(foldUnchanged(rows, 0)).toEqual(rows);
  });
});

describe('wordDiff', () => {
  it('marks only the words that changed', () => {
    expect(wordDiff('Answer in a friendly tone.', 'Answer in a formal tone.')).toEqual([
      [{ text: 'Answer in a ', changed: false }, { text: 'friendly', changed: true }, { text: ' tone.', changed: false }],
      [{ text: 'Answer in a ', changed: false }, { text: 'formal', changed: true }, { text: ' tone.', changed: false }],
    ]);
  });

  it('marks inserted words on the new side only', () => {
    const [before, after] = wordDiff('Be brief.', 'Be very brief.');
    expect(before).toEqual([{ text: 'Be brief.', changed: false }]);
    expect(after).toEqual([{ text: 'Be ', changed: false }, { text: 'very ', changed: true }, { text: 'brief.', changed: false }]);
  });

  it('treats punctuation and variables as words of their own', () => {
    const [, after] = wordDiff('Hello {{name}}!', 'Hello {{user}}!');
    expect(after.filter((s) => s.changed).map((s) => s.text)).toEqual(['user']);
  });

  it('keeps every character of both lines', () => {
    const [before, after] = wordDiff('  a  b\tc', 'a b c  ');
    expect(before.map((s) => s.text).join('')).toBe('  a  b\tc');
    expect(after.map((s) => s.text).join('')).toBe('a b c  ');
  });

  it('marks the whole line when the lines share nothing', () => {
    expect(wordDiff('alpha', 'beta')).toEqual([[{ text: 'alpha', changed: true }], [{ text: 'beta', changed: true }]]);
  });

  it('handles empty lines', () => {
    expect(wordDiff('', 'new')).toEqual([[], [{ text: 'new', changed: true }]]);
  });
});

describe('sideBySide word highlights', () => {
  it('gives only paired lines their segments', () => {
    const rows = sideBySide([rm('one two', 1), rm('gone', 2), add('one three', 1)]);
    expect(rows[0]!.right!.segments).toEqual([{ text: 'one ', changed: false }, { text: 'three', changed: true }]);
    expect(rows[1]!.left!.segments).toBeUndefined();
  });
});

describe('unified', () => {
  it('lists equal lines once and a changed block as its removed lines, then its added lines', () => {
    const rows = sideBySide([eq('a', 1, 1), rm('b', 2), rm('c', 3), add('B', 2), add('C', 3), eq('d', 4, 4)]);
    const lines = unified(rows);
    expect(lines.map((l) => ('folded' in l ? 'fold' : `${l.cell.kind}:${l.cell.text}:${l.oldLine ?? '-'}/${l.newLine ?? '-'}`))).toEqual([
      'equal:a:1/1', 'removed:b:2/-', 'removed:c:3/-', 'added:B:-/2', 'added:C:-/3', 'equal:d:4/4',
    ]);
  });

  it('keeps folds in place', () => {
    const lines = [...Array.from({ length: 10 }, (_, i) => eq(`l${i}`, i + 1, i + 1)), add('new', 11)];
    const result = unified(foldUnchanged(sideBySide(lines), 2));
    expect(result[0]).toEqual({ folded: 8 });
    expect(result).toHaveLength(4);
  });
});
