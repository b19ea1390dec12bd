import type { Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, lineNumbers } from '@codemirror/view';
import { docDecorations } from '@/components/docDecorations';
import { tokenizePlaybook, type PlaybookTokenKind } from './playbookTokens';

const decorations = new Map<PlaybookTokenKind, Decoration>();
const decorationOf = (kind: PlaybookTokenKind) => {
  if (!decorations.has(kind)) decorations.set(kind, Decoration.mark({ class: `cm-pb-${kind}` }));
  return decorations.get(kind)!;
};

// A playbook is at most 200 KB: tokenizing all of it on each change keeps code fences right wherever the edit is.
const build = (view: EditorView): DecorationSet =>
  Decoration.set(tokenizePlaybook(view.state.doc.toString()).map((t) => decorationOf(t.kind).range(t.from, t.to)), true);

const highlighter = docDecorations(build);

// Colours with at least 4.5:1 contrast on the editor's background, on a tinted problem line too, in both themes.
const colors = {
  iris: 'light-dark(var(--mantine-color-iris-8), var(--mantine-color-iris-2))',
  teal: 'light-dark(#06694b, var(--mantine-color-teal-3))',
  cyan: 'light-dark(var(--mantine-color-cyan-9), var(--mantine-color-cyan-3))',
  grape: 'light-dark(var(--mantine-color-grape-8), var(--mantine-color-grape-3))',
  branch: 'var(--pm-branch)',
};
const theme = EditorView.baseTheme({
  '.cm-pb-heading-mark': { color: 'var(--mantine-color-dimmed)' },
  '.cm-pb-title': { fontWeight: '700', fontSize: '1.15em', color: 'var(--mantine-color-text)' },
  '.cm-pb-section': { fontWeight: '700', color: colors.teal, letterSpacing: '0.02em' },
  '.cm-pb-heading': { fontWeight: '600' },
  '.cm-pb-step': { fontWeight: '700', color: colors.iris },
  '.cm-pb-step-title': { fontWeight: '600' },
  '.cm-pb-input-name': { color: colors.iris, fontWeight: '600' },
  '.cm-pb-input-type': { color: colors.cyan, fontStyle: 'italic' },
  '.cm-pb-artifact-type': { color: colors.cyan, fontWeight: '600' },
  '.cm-pb-directive': { color: colors.grape, fontWeight: '600' },
  '.cm-pb-directive-args': { color: colors.grape },
  '.cm-pb-string': { color: colors.teal },
  '.cm-pb-branch': { color: colors.branch, fontWeight: '600' },
  '.cm-pb-branch-variable': { color: colors.iris, fontWeight: '600' },
  '.cm-pb-operator': { color: colors.branch },
  '.cm-pb-variable': { color: 'var(--pm-var-name)', backgroundColor: 'var(--pm-var-bg)', borderRadius: '4px', fontWeight: '600' },
  '.cm-pb-code': { color: 'var(--mantine-color-dimmed)' },
  '.cm-gutters': { backgroundColor: 'transparent', borderRight: '1px solid var(--mantine-color-default-border)', color: 'var(--mantine-color-dimmed)' },
});

/** PLAYBOOK.md in CodeMirror: line numbers and the format's highlighting. */
export const playbookLanguage: Extension = [lineNumbers(), highlighter, theme];
