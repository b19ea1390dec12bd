import { useEffect, useRef } from 'react';
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt, drawSelection, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { Input } from '@mantine/core';
import { variableHighlighting } from './variableHighlight';
import classes from './PromptContentEditor.module.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  label: string;
  description?: string;
  error?: string | undefined;
  placeholder?: string;
  /** Called on Mod-s inside the editor. */
  onSave?: () => void;
  minHeight?: number;
}

/** CodeMirror 6 for prompt text: `{{variable}}` highlighting, undo history, soft wrap, Mod-s to save. */
export function PromptContentEditor({ value, onChange, label, description, error, placeholder, onSave, minHeight = 280 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onSaveRef = useRef(onSave);
  onChangeRef.current = onChange;
  onSaveRef.current = onSave;
  const labelId = useRef(`pm-editor-${Math.random().toString(36).slice(2)}`).current;
  const a11y = useRef(new Compartment()).current;

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
          variableHighlighting(),
          keymap.of([
            { key: 'Mod-s', preventDefault: true, run: () => { onSaveRef.current?.(); return true; } },
            // Escape then Tab leaves the editor (CodeMirror's accessible tab handling); Tab indents otherwise.
            indentWithTab,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          a11y.of(EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': 'true', role: 'textbox' })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
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

  return (
    <Input.Wrapper label={label} description={description} error={error} labelElement="div" id={labelId} data-testid="prompt-content">
      <div
        ref={host}
        className={classes.editor}
        data-error={error ? true : undefined}
        style={{ ['--pm-editor-min-height' as string]: `${minHeight}px` }}
      />
    </Input.Wrapper>
  );
}
