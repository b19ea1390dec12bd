import type { LineDiagnostic } from '@/components/lineDiagnostics';
import { num } from '@/lib/api/client';
import type { Playbook, PlaybookParseResult } from '@/lib/api/types';

/** The editable fields of a playbook, as the editor holds them. */
export interface PlaybookForm {
  title: string;
  content: string;
  description: string;
  tags: string[];
  default_model_id: string | null;
}

/** A small playbook that parses without a warning: inputs, two steps, a named output and an artifact type. */
export const starterPlaybook = `# Topic brief

Researches a topic and writes a short brief for the chosen audience.

## INPUTS

- \`topic\` (string): What the brief is about
- \`audience\` (enum: technical, general): Who reads it

## STEP 1: Research

List the five most important facts about {{topic}} for a {{audience}} audience.

@output(facts)

## STEP 2: Write the brief

Write a one-page brief from the facts above, with a title and three sections.

## ARTIFACTS

type: markdown
`;

export const emptyPlaybookForm: PlaybookForm = { title: '', content: starterPlaybook, description: '', tags: [], default_model_id: null };

export function playbookFormOf(p: Playbook): PlaybookForm {
  return { title: p.title, content: p.content, description: p.description ?? '', tags: [...p.tags], default_model_id: p.default_model_id };
}

/**
 * The body of a create or update. The name falls back to the document's `# title`, so a playbook written in the
 * editor alone can be saved; an emptied model goes as "" (the API's way to clear it).
 */
export function playbookBody(fields: Partial<PlaybookForm>, parsedTitle: string | undefined) {
  const { title, default_model_id, ...rest } = fields;
  return {
    ...rest,
    ...(title !== undefined && { title: nameOf(title, parsedTitle) }),
    ...(default_model_id !== undefined && { default_model_id: default_model_id ?? '' }),
  };
}

const nameOf = (title: string, parsedTitle: string | undefined) => title.trim() || parsedTitle || '';

/** The body of a create: every field, the name and content always. */
export const newPlaybookBody = (form: PlaybookForm, parsedTitle: string | undefined) =>
  ({ ...playbookBody(form, parsedTitle), title: nameOf(form.title, parsedTitle), content: form.content });

/** The parser's errors and warnings as editor diagnostics. */
export function diagnosticsOf(result: PlaybookParseResult | null | undefined): LineDiagnostic[] {
  if (!result) return [];
  const of = (severity: LineDiagnostic['severity']) => (d: PlaybookParseResult['errors'][number]): LineDiagnostic =>
    ({ line: num(d.line), column: num(d.column), severity, message: d.message });
  return [...result.errors.map(of('error')), ...result.warnings.map(of('warning'))];
}
