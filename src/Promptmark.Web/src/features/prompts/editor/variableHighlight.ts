import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView } from '@codemirror/view';
import { docDecorations } from '@/components/docDecorations';
import { findVariableTokens } from './variableTokens';

const whole = Decoration.mark({ class: 'cm-pm-var' });
const wholeInvalid = Decoration.mark({ class: 'cm-pm-var cm-pm-var-invalid', attributes: { title: 'Not a valid variable' } });
const namePart = Decoration.mark({ class: 'cm-pm-var-name' });
const typePart = Decoration.mark({ class: 'cm-pm-var-type' });
const restPart = Decoration.mark({ class: 'cm-pm-var-rest' });

function build(view: EditorView): DecorationSet {
  // Prompts are small: scan the whole document, which keeps decorations in order and never cuts a placeholder.
  const builder = new RangeSetBuilder<Decoration>();
  for (const token of findVariableTokens(view.state.doc.toString())) {
    builder.add(token.from, token.to, token.valid ? whole : wholeInvalid);
    const parts: [number, number, Decoration][] = [];
    if (token.nameRange[1] > token.nameRange[0]) parts.push([token.nameRange[0], token.nameRange[1], namePart]);
    if (token.typeRange && token.typeRange[1] > token.typeRange[0]) parts.push([token.typeRange[0], token.typeRange[1], typePart]);
    if (token.restRange && token.restRange[1] > token.restRange[0]) parts.push([token.restRange[0], token.restRange[1], restPart]);
    for (const [a, b, deco] of parts) builder.add(a, b, deco);
  }
  return builder.finish();
}

const plugin = docDecorations(build);

const theme = EditorView.baseTheme({
  '.cm-pm-var': {
    backgroundColor: 'var(--pm-var-bg)',
    borderRadius: '4px',
    color: 'var(--pm-var-brace)',
  },
  '.cm-pm-var-name': { color: 'var(--pm-var-name)', fontWeight: '600' },
  '.cm-pm-var-type': { color: 'var(--pm-var-type)', fontStyle: 'italic' },
  '.cm-pm-var-rest': { color: 'var(--pm-var-rest)' },
  '.cm-pm-var-invalid': { textDecoration: 'underline wavy var(--pm-var-invalid)', textUnderlineOffset: '3px' },
});

/** Colours `{{name:type:rest}}` placeholders in a CodeMirror editor. */
export function variableHighlighting(): Extension {
  return [plugin, theme];
}
