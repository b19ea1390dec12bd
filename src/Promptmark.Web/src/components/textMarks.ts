import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';

/** A stretch of the text to point out, with what it is (read as the mark's title). */
export interface TextMark {
  from: number;
  to: number;
  label: string;
}

export const setTextMarks = StateEffect.define<TextMark[]>();

function decorate(marks: TextMark[], length: number): DecorationSet {
  const ranges = marks
    .filter((m) => m.from >= 0 && m.to <= length && m.to > m.from)
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((m) => Decoration.mark({ class: 'cm-pm-mark', attributes: { title: m.label, 'data-mark': m.label } }).range(m.from, m.to));
  return Decoration.set(ranges);
}

/** Marks follow the text as it is edited; a mark whose text is deleted goes with it. */
const field = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) if (effect.is(setTextMarks)) return decorate(effect.value, tr.state.doc.length);
    return marks.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.baseTheme({
  '.cm-pm-mark': {
    backgroundColor: 'var(--pm-mark-bg)',
    textDecoration: 'underline wavy var(--pm-mark-line)',
    textUnderlineOffset: '3px',
  },
});

export const textMarks: Extension = [field, theme];
