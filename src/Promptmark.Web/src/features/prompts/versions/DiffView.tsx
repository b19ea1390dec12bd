import { Fragment, useMemo } from 'react';
import { Box, Text } from '@mantine/core';
import type { DiffLine } from '@/lib/api/types';
import { foldUnchanged, sideBySide, type DiffCell } from './diffModel';
import classes from './DiffView.module.css';

function Cell({ cell, side }: { cell: DiffCell | null; side: 'old' | 'new' }) {
  if (!cell) return <><div className={classes.num} data-empty /><div className={classes.text} role="cell" data-empty /></>;
  const mark = cell.kind === 'removed' ? '−' : cell.kind === 'added' ? '+' : ' ';
  return (
    <>
      <div className={classes.num} data-kind={cell.kind} aria-hidden>{cell.line}</div>
      <div className={classes.text} role="cell" data-kind={cell.kind} aria-label={`${side} line ${cell.line}${cell.kind !== 'equal' ? `, ${cell.kind}` : ''}`}>
        <span className={classes.mark} aria-hidden>{mark}</span>{cell.text || ' '}
      </div>
    </>
  );
}

/** Side-by-side line diff (old left, new right) from the API's diff lines. */
export function DiffView({ lines, oldLabel, newLabel }: { lines: DiffLine[]; oldLabel: string; newLabel: string }) {
  const rows = useMemo(() => foldUnchanged(sideBySide(lines)), [lines]);
  return (
    <Box className={classes.diff} role="table" aria-label={`Changes from ${oldLabel} to ${newLabel}`} data-testid="diff-view">
      <div className={classes.head} role="row">
        <div role="columnheader" className={classes.headCell}>{oldLabel}</div>
        <div role="columnheader" className={classes.headCell}>{newLabel}</div>
      </div>
      {rows.map((row, i) =>
        'folded' in row ? (
          <div key={i} className={classes.fold} role="row">
            <Text size="xs" c="dimmed" role="cell">{row.folded} unchanged line{row.folded === 1 ? '' : 's'}</Text>
          </div>
        ) : (
          <Fragment key={i}>
            <div className={classes.row} role="row">
              <Cell cell={row.left} side="old" />
              <Cell cell={row.right} side="new" />
            </div>
          </Fragment>
        ),
      )}
    </Box>
  );
}
