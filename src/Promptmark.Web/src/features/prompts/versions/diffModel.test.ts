import { describe, expect, it } from 'vitest';
import type { DiffLine } from '@/lib/api/types';
import { foldUnchanged, sideBySide } from './diffModel';

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
    expect(rows[1]).toEqual({ left: { line: 2, text: 'b', kind: 'removed' }, right: { line: 2, text: 'B', kind: 'added' } });
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
