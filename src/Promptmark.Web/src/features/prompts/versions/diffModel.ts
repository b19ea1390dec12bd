import type { DiffLine } from '@/lib/api/types';

/** A stretch of a changed line's text; `changed` marks the words that differ from the line it is paired with. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface DiffCell {
  line: number;
  text: string;
  kind: 'equal' | 'removed' | 'added';
  /** Only on a removed line paired with an added one (and the reverse): its text split into kept and changed words. */
  segments?: Segment[];
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
      const left: DiffCell | null = r ? { line: lineNo(r.old_line), text: r.text, kind: 'removed' } : null;
      const right: DiffCell | null = a ? { line: lineNo(a.new_line), text: a.text, kind: 'added' } : null;
      if (left && right) [left.segments, right.segments] = wordDiff(left.text, right.text);
      rows.push({ left, right });
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

// Words (letters, digits, _), runs of spaces, and single other characters are the units a word diff compares.
const tokenPattern = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;
// Beyond this many tokens a side, the quadratic comparison is not worth it: the whole line is marked.
const maxTokens = 400;

function segmentsOf(tokens: string[], kept: boolean[]): Segment[] {
  const segments: Segment[] = [];
  tokens.forEach((text, i) => {
    const changed = !kept[i];
    const last = segments[segments.length - 1];
    if (last && last.changed === changed) last.text += text;
    else segments.push({ text, changed });
  });
  return segments;
}

/**
 * Splits an old and a new line into segments, marking the words that are not in their longest common
 * subsequence: what was removed on the old side and what was added on the new one.
 */
export function wordDiff(oldText: string, newText: string): [Segment[], Segment[]] {
  const a = oldText.match(tokenPattern) ?? [];
  const b = newText.match(tokenPattern) ?? [];
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  if (a.length <= maxTokens && b.length <= maxTokens) {
    // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        keptA[i++] = true;
        keptB[j++] = true;
      } else if (common[i + 1]![j]! >= common[i]![j + 1]!) i++;
      else j++;
    }
  }
  return [segmentsOf(a, keptA), segmentsOf(b, keptB)];
}

/** One line of the unified (one column) view; equal lines carry both line numbers. */
export interface UnifiedLine {
  oldLine: number | null;
  newLine: number | null;
  cell: DiffCell;
}

/**
 * The same rows in one column, for narrow screens: equal lines once, and each block of changed rows as its
 * removed lines followed by its added lines (each keeping its word highlights).
 */
export function unified(rows: FoldedRow[]): (UnifiedLine | { folded: number })[] {
  const result: (UnifiedLine | { folded: number })[] = [];
  let removed: UnifiedLine[] = [];
  let added: UnifiedLine[] = [];
  const flush = () => {
    result.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const row of rows) {
    if ('folded' in row) {
      flush();
      result.push(row);
    } else if (row.left?.kind === 'equal' && row.right) {
      flush();
      result.push({ oldLine: row.left.line, newLine: row.right.line, cell: row.right });
    } else {
      if (row.left) removed.push({ oldLine: row.left.line, newLine: null, cell: row.left });
      if (row.right) added.push({ oldLine: null, newLine: row.right.line, cell: row.right });
    }
  }
  flush();
  return result;
}
