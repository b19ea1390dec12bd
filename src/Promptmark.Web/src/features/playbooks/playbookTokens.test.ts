import { describe, expect, it } from 'vitest';
import { tokenizePlaybook, type PlaybookTokenKind } from './playbookTokens';

/** The tokens as [text, kind] pairs, easier to read than offsets. */
function read(text: string): [string, PlaybookTokenKind][] {
  return tokenizePlaybook(text).map((t) => [text.slice(t.from, t.to), t.kind]);
}

describe('tokenizePlaybook', () => {
  it('marks the title, known sections, steps and sub-steps', () => {
    const text = '# Review\n\nChecks code.\n\n## INPUTS\n\n## STEP 1: Read {{code}}\n\n### STEP 1a: Deep\n\n## Notes\n\n## ARTIFACTS';
    expect(read(text)).toEqual([
      ['#', 'heading-mark'], ['Review', 'title'],
      ['##', 'heading-mark'], ['INPUTS', 'section'],
      ['##', 'heading-mark'], ['STEP 1:', 'step'], ['Read ', 'step-title'], ['{{code}}', 'variable'],
      ['###', 'heading-mark'], ['STEP 1a:', 'step'], ['Deep', 'step-title'],
      ['##', 'heading-mark'], ['Notes', 'heading'],
      ['##', 'heading-mark'], ['ARTIFACTS', 'section'],
    ]);
  });

  it('reads input lines only inside ## INPUTS', () => {
    const inputs = '## INPUTS\n- `mode` (enum: a, b): The {{focus}}\n- not an input\n## STEP 1: Go\n- `mode` (string): text';
    expect(read(inputs)).toEqual([
      ['##', 'heading-mark'], ['INPUTS', 'section'],
      ['mode', 'input-name'], ['enum: a, b', 'input-type'], ['{{focus}}', 'variable'],
      ['##', 'heading-mark'], ['STEP 1:', 'step'], ['Go', 'step-title'],
    ]);
  });

  it('splits a directive into its name, its arguments, quoted strings and variables', () => {
    const text = '## STEP 1: Ask\n@elicit(select, "Which?", "A")\n  @tool(srv, search, {"q": "{{topic}}"})';
    expect(read(text).slice(3)).toEqual([
      ['@elicit', 'directive'], ['(select, ', 'directive-args'], ['"Which?"', 'string'], [', ', 'directive-args'], ['"A"', 'string'], [')', 'directive-args'],
      ['@tool', 'directive'], ['(srv, search, {', 'directive-args'], ['"q"', 'string'], [': "', 'directive-args'], ['{{topic}}', 'variable'], ['"})', 'directive-args'],
    ]);
  });

  it('reads branch markers as the spec writes them: if, elif, else, endif', () => {
    const text = '## STEP 2: Route\n```if mode == "security"```\n```elif mode != "quick"```\n```else```\n```endif```';
    expect(read(text).slice(3)).toEqual([
      ['```if', 'branch'], ['mode', 'branch-variable'], ['==', 'operator'], ['"security"', 'string'], ['```', 'branch'],
      ['```elif', 'branch'], ['mode', 'branch-variable'], ['!=', 'operator'], ['"quick"', 'string'], ['```', 'branch'],
      ['```else```', 'branch'],
      ['```endif```', 'branch'],
    ]);
  });

  it('leaves everything inside a fenced code block as code, headings and directives included', () => {
    const text = '## STEP 1: Show\n```markdown\n## STEP 9: Not a step\n@output(x)\n```\n@output(y)';
    expect(read(text).slice(3)).toEqual([
      ['```markdown', 'code'], ['## STEP 9: Not a step', 'code'], ['@output(x)', 'code'], ['```', 'code'],
      ['@output', 'directive'], ['(y)', 'directive-args'],
    ]);
  });

  it('marks the artifact type, or the variable that chooses it', () => {
    expect(read('## ARTIFACTS\ntype: mermaid').slice(2)).toEqual([['mermaid', 'artifact-type']]);
    expect(read('## OUTPUT\ntype: {{format}}').slice(2)).toEqual([['{{format}}', 'variable']]);
  });

  it('counts offsets across lines, so a token lands on its text', () => {
    const text = '# T\r\n\n## STEP 1: A\n\nUse {{x}} here.';
    const token = tokenizePlaybook(text).find((t) => t.kind === 'variable')!;
    expect(text.slice(token.from, token.to)).toBe('{{x}}');
  });
});
