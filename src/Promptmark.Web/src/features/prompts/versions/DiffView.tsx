import { Fragment, useMemo } from 'react';
import { Box, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { DiffLine } from '@/lib/api/types';
import { foldUnchanged, sideBySide, unified, type DiffCell } from './diffModel';
import classes from './DiffView.module.css';

const marks = { removed: '−', added: '+', equal: ' ' } as const;

/** A line's text, with the words that differ from its paired line wrapped in <del> (old side) or <ins> (new side). */
function LineText({ cell }: { cell: DiffCell }) {
  if (!cell.segments) return <>{cell.text || ' '}</>;
  const Changed = cell.kind === 'removed' ? 'del' : 'ins';
  return <>{cell.segments.map((s, i) => (s.changed ? <Changed key={i} className={classes.word}>{s.text}</Changed> : <Fragment key={i}>{s.text}</Fragment>))}{cell.text ? '' : ' '}</>;
}

function TextCell({ cell, label }: { cell: DiffCell; label: string }) {
  return (
    <div className={classes.text} role="cell" data-kind={cell.kind} aria-label={`${label}${cell.kind !== 'equal' ? `, ${cell.kind}` : ''}`}>
      <span className={classes.mark} aria-hidden>{marks[cell.kind]}</span><LineText cell={cell} />
    </div>
  );
}

function Cell({ cell, side }: { cell: DiffCell | null; side: 'old' | 'new' }) {
  if (!cell) return <><div className={classes.num} data-empty /><div className={classes.text} role="cell" data-empty /></>;
  return (
    <>
      <div className={classes.num} data-kind={cell.kind} aria-hidden>{cell.line}</div>
      <TextCell cell={cell} label={`${side} line ${cell.line}`} />
    </>
  );
}

function Fold({ count }: { count: number }) {
  return (
    <div className={classes.fold} role="row">
      <Text size="xs" c="dimmed" role="cell">{count} unchanged line{count === 1 ? '' : 's'}</Text>
    </div>
  );
}

// Below this width two columns of text are too narrow to read: the diff becomes one column.
const narrowScreen = '(max-width: 599px)';

/**
 * A line diff from the API's diff lines, with the changed words highlighted inside changed lines: side by side
 * (old left, new right) on wide screens, unified (removed lines above the added ones) on narrow ones.
 */
export function DiffView({ lines, oldLabel, newLabel }: { lines: DiffLine[]; oldLabel: string; newLabel: string }) {
  const narrow = useMediaQuery(narrowScreen, false, { getInitialValueInEffect: false });
  const rows = useMemo(() => foldUnchanged(sideBySide(lines)), [lines]);
  const oneColumn = useMemo(() => (narrow ? unified(rows) : []), [narrow, rows]);
  const label = `Changes from ${oldLabel} to ${newLabel}`;
  if (narrow) {
    return (
      <Box className={classes.diff} role="table" aria-label={label} data-testid="diff-view" data-layout="unified">
        <div className={classes.head} data-layout="unified" role="row">
          <div role="columnheader" className={classes.headCell}>{oldLabel} → {newLabel}</div>
        </div>
        {oneColumn.map((line, i) =>
          'folded' in line ? <Fold key={i} count={line.folded} /> : (
            <div key={i} className={classes.row} data-layout="unified" role="row">
              <div className={classes.num} data-kind={line.cell.kind} aria-hidden>{line.oldLine ?? ''}</div>
              <div className={classes.num} data-kind={line.cell.kind} aria-hidden>{line.newLine ?? ''}</div>
              <TextCell cell={line.cell} label={line.newLine != null ? `new line ${line.newLine}` : `old line ${line.oldLine}`} />
            </div>
          ),
        )}
      </Box>
    );
  }
  return (
    <Box className={classes.diff} role="table" aria-label={label} data-testid="diff-view" data-layout="side-by-side">
      <div className={classes.head} role="row">
        <div role="columnheader" className={classes.headCell}>{oldLabel}</div>
        <div role="columnheader" className={classes.headCell}>{newLabel}</div>
      </div>
      {rows.map((row, i) =>
        'folded' in row ? <Fold key={i} count={row.folded} /> : (
          <div key={i} className={classes.row} role="row">
            <Cell cell={row.left} side="old" />
            <Cell cell={row.right} side="new" />
          </div>
        ),
      )}
    </Box>
  );
}
