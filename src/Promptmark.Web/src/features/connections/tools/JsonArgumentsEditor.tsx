import { json } from '@codemirror/lang-json';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { CodeEditor } from '@/components/CodeEditor';

const jsonLanguage = [json(), syntaxHighlighting(classHighlighter)];

/** The tool's arguments as raw JSON (CodeMirror with JSON highlighting). */
export function JsonArgumentsEditor({ value, onChange, error, onRun }: { value: string; onChange: (value: string) => void; error?: string | undefined; onRun: () => void }) {
  return (
    <CodeEditor
      label="Arguments (JSON)" description={<>A JSON object<span className="pm-keyboard-hint">; Ctrl+S runs the tool</span>.</>} value={value} onChange={onChange} error={error}
      onSave={onRun} minHeight={160} language={jsonLanguage} testId="arguments-json"
    />
  );
}
