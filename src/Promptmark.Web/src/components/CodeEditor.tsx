import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt, drawSelection, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { Input, VisuallyHidden } from '@mantine/core';
import classes from './CodeEditor.module.css';
import { setTextMarks, textMarks, type TextMark } from './textMarks';
import { lineDiagnostics, setLineDiagnostics, type LineDiagnostic } from './lineDiagnostics';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  /** Called on Mod-s inside the editor. */
  onSave?: () => void;
  minHeight?: number;
  /** Language support (highlighting, parsing); read once, when the editor is created. */
  language?: Extension;
  /** Stretches of `value` to point out (scan findings); they follow later edits. */
  marks?: TextMark[];
  /** Problems to mark at their lines; the editor gets a gutter for them when this is given at creation. */
  diagnostics?: LineDiagnostic[];
  /** Set to the CodeMirror view while it exists (to move the cursor from outside, e.g. an outline). */
  viewRef?: RefObject<EditorView | null>;
  testId?: string;
}

/** CodeMirror 6 as a labelled form input: undo history, soft wrap, Mod-s, Escape-then-Tab to leave it. */
export function CodeEditor({ value, onChange, label, description, error, placeholder, onSave, minHeight = 280, language = [], marks, diagnostics, viewRef, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onSaveRef = useRef(onSave);
  onChangeRef.current = onChange;
  onSaveRef.current = onSave;
  const labelId = useId();
  const keysId = `${labelId}-keys`;

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          placeholderExt(placeholder ?? ''),
          language,
          textMarks,
          diagnostics ? lineDiagnostics : [],
          keymap.of([
            { key: 'Mod-s', preventDefault: true, run: () => { onSaveRef.current?.(); return true; } },
            // Escape then Tab leaves the editor (CodeMirror's accessible tab handling); Tab indents otherwise.
            indentWithTab,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({
            'aria-labelledby': labelId,
            'aria-describedby': [description && `${labelId}-description`, keysId].filter(Boolean).join(' '),
            'aria-multiline': 'true',
            role: 'textbox',
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    if (viewRef) viewRef.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
      if (viewRef) viewRef.current = null;
    };
    // The editor is created once; outside value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  // After the value effect, so the marks land on the text they were found in.
  useEffect(() => {
    view.current?.dispatch({ effects: setTextMarks.of(marks ?? []) });
  }, [marks]);

  useEffect(() => {
    if (diagnostics) view.current?.dispatch({ effects: setLineDiagnostics.of(diagnostics) });
  }, [diagnostics]);

  return (
    <Input.Wrapper label={label} description={description} error={error} labelElement="div" id={labelId} data-testid={testId}>
      <div
        ref={host}
        className={classes.editor}
        data-error={error ? true : undefined}
        style={{ ['--pm-editor-min-height' as string]: `${minHeight}px` }}
      />
      <VisuallyHidden id={keysId}>Tab indents. To leave the editor, press Escape, then Tab.</VisuallyHidden>
    </Input.Wrapper>
  );
}
