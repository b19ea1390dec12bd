import { CodeEditor, type CodeEditorProps } from '@/components/CodeEditor';
import { variableHighlighting } from './variableHighlight';

const promptLanguage = variableHighlighting();

/** The CodeMirror editor for prompt text, with `{{variable}}` highlighting. */
export function PromptContentEditor(props: Omit<CodeEditorProps, 'language' | 'testId'>) {
  return <CodeEditor {...props} language={promptLanguage} testId="prompt-content" />;
}
