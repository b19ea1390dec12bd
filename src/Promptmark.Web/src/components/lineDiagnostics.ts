import { RangeSet, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, GutterMarker, gutter } from '@codemirror/view';

/** A problem the server found at a 1-based line and column of the text in the editor. */
export interface LineDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export const setLineDiagnostics = StateEffect.define<LineDiagnostic[]>();

class SeverityMarker extends GutterMarker {
  constructor(readonly severity: LineDiagnostic['severity'], readonly messages: string) {
    super();
  }
  override eq(other: SeverityMarker) {
    return other.severity === this.severity && other.messages === this.messages;
  }
  override toDOM() {
    const dot = document.createElement('span');
    dot.className = `cm-pm-diag-dot cm-pm-diag-${this.severity}`;
    dot.title = this.messages;
    dot.textContent = this.severity === 'error' ? '●' : '▲';
    return dot;
  }
}

interface Placed {
  /** The underlines (from the column to the end of the line) and the tinted lines. */
  marks: DecorationSet;
  /** One marker per line, the worst severity on it. */
  markers: RangeSet<SeverityMarker>;
}

/** Each diagnostic's stretch of text; a line the text no longer has is dropped. */
function place(diagnostics: LineDiagnostic[], state: EditorState): Placed {
  const doc = state.doc;
  const byLine = new Map<number, LineDiagnostic[]>();
  for (const d of diagnostics) if (d.line >= 1 && d.line <= doc.lines) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const marks = [];
  const markers = [];
  for (const [number, found] of [...byLine].sort(([a], [b]) => a - b)) {
    const line = doc.line(number);
    const severity = found.some((d) => d.severity === 'error') ? 'error' : 'warning';
    const messages = found.map((d) => d.message).join('\n');
    marks.push(Decoration.line({ class: `cm-pm-diag-line-${severity}`, attributes: { 'data-diagnostic': severity } }).range(line.from));
    for (const d of found) {
      const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
      if (line.to > from) marks.push(Decoration.mark({ class: `cm-pm-diag-text-${d.severity}`, attributes: { title: d.message } }).range(from, line.to));
    }
    markers.push(new SeverityMarker(severity, messages).range(line.from));
  }
  return { marks: Decoration.set(marks, true), markers: RangeSet.of(markers) };
}

/** The diagnostics follow the text while it is edited, until the next set replaces them. */
const field = StateField.define<Placed>({
  create: () => ({ marks: Decoration.none, markers: RangeSet.empty }),
  update(placed, tr) {
    for (const effect of tr.effects) if (effect.is(setLineDiagnostics)) return place(effect.value, tr.state);
    return tr.docChanged ? { marks: placed.marks.map(tr.changes), markers: placed.markers.map(tr.changes) } : placed;
  },
  provide: (f) => EditorView.decorations.from(f, (p) => p.marks),
});

const theme = EditorView.baseTheme({
  '.cm-pm-diag-line-error': { backgroundColor: 'var(--pm-diag-error-bg)' },
  '.cm-pm-diag-line-warning': { backgroundColor: 'var(--pm-diag-warning-bg)' },
  '.cm-pm-diag-text-error': { textDecoration: 'underline wavy var(--pm-diag-error)', textUnderlineOffset: '3px' },
  '.cm-pm-diag-text-warning': { textDecoration: 'underline wavy var(--pm-diag-warning)', textUnderlineOffset: '3px' },
  '.cm-pm-diag-dot': { display: 'inline-block', width: '1.2em', textAlign: 'center', fontSize: '11px', cursor: 'default' },
  '.cm-pm-diag-error': { color: 'var(--pm-diag-error)' },
  '.cm-pm-diag-warning': { color: 'var(--pm-diag-warning)' },
});

/** Problems marked in the text: a tinted line, a wavy underline from the column on, and a marker in the gutter. */
export const lineDiagnostics: Extension = [
  field,
  gutter({ class: 'cm-pm-diag-gutter', markers: (view) => view.state.field(field).markers }),
  theme,
];

/** Puts the cursor at the start of a 1-based line, scrolls it to the middle of the screen and focuses the editor. */
export function revealLine(view: EditorView, line: number) {
  const target = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
  view.dispatch({ selection: { anchor: target.from }, effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
  view.focus();
}
