import type { DiffLine } from '@/lib/api/types';

export interface DiffCell {
  line: number;
  text: string;
  kind: 'equal' | 'removed' | 'added';
}

/** One row of the side-by-side view: the old line on the left, the new one on the right (either may be empty). */
export interface DiffRow {
  left: DiffCell | null;
  right: DiffCell | null;
}

/**
 * Turns the API's line diff (a sequence of equal / removed / added lines) into side-by-side rows: equal lines sit
 * on both sides; a run of removed lines is paired, row by row, with the run of added lines that follows it, so a
 * changed line shows its old and new text next to each other.
 */
export function sideBySide(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  const lineNo = (n: number | string | null) => (n == null ? 0 : Number(n));
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.op === 'equal') {
      rows.push({
        left: { line: lineNo(line.old_line), text: line.text, kind: 'equal' },
        right: { line: lineNo(line.new_line), text: line.text, kind: 'equal' },
      });
      i++;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (i < lines.length && lines[i]!.op === 'removed') removed.push(lines[i++]!);
    while (i < lines.length && lines[i]!.op === 'added') added.push(lines[i++]!);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const r = removed[k];
      const a = added[k];
      rows.push({
        left: r ? { line: lineNo(r.old_line), text: r.text, kind: 'removed' } : null,
        right: a ? { line: lineNo(a.new_line), text: a.text, kind: 'added' } : null,
      });
    }
  }
  return rows;
}

/** Collapses long stretches of unchanged rows, keeping `context` rows around each change. */
export type FoldedRow = DiffRow | { folded: number };

export function foldUnchanged(rows: DiffRow[], context = 3): FoldedRow[] {
  const changed = rows.map((r) => r.left?.kind !== 'equal' || r.right?.kind !== 'equal');
  if (!changed.some(Boolean)) return rows;
  const keep = rows.map((_, i) => changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean));
  const result: FoldedRow[] = [];
  let hidden = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (hidden > 0) result.push({ folded: hidden });
      hidden = 0;
      result.push(row);
    } else hidden++;
  });
  if (hidden > 0) result.push({ folded: hidden });
  return result;
}
