import type { PlaybookDefinition, PlaybookStep } from '@/lib/api/types';
import { num } from '@/lib/api/client';
import { tokenizePlaybook } from './playbookTokens';

/** One entry of the editor's outline: a step, a branch arm (if / elif / else) or a sub-step, and the line it starts on. */
export interface OutlineItem {
  key: string;
  kind: 'step' | 'branch' | 'substep';
  /** "1", "2a", or the arm as written: `if mode == "security"`, `elif …`, `else`. */
  label: string;
  title: string;
  /** 1-based line in the document. */
  line: number;
}

/** The 1-based lines of the `if` / `elif` / `else` markers in `text`, in order (markers inside code blocks are text). */
export function branchMarkerLines(text: string): number[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  return tokenizePlaybook(text)
    .filter((t) => t.kind === 'branch' && /^```(if|elif|else```)/.test(text.slice(t.from, t.to)))
    .map((t) => lineOf(t.from));
}

const armLabel = (step: PlaybookStep, index: number) => {
  const condition = step.branches?.[index]?.condition;
  return condition ? `${index === 0 ? 'if' : 'elif'} ${condition.variable} ${condition.operator} "${condition.value}"` : 'else';
};

/**
 * The steps of a parsed definition with their branch arms and sub-steps, each at its line. The API gives the lines
 * of steps; an arm's line is its marker's, found in `text` between its step and the next one (the first sub-step's
 * line when the text no longer lines up with the definition).
 */
export function playbookOutline(definition: PlaybookDefinition | null | undefined, text: string): OutlineItem[] {
  if (!definition) return [];
  const markers = branchMarkerLines(text);
  const steps = definition.steps;
  return steps.flatMap((step, s) => {
    const line = num(step.line);
    const nextLine = s + 1 < steps.length ? num(steps[s + 1]!.line) : Infinity;
    const items: OutlineItem[] = [{ key: `step-${step.label}`, kind: 'step', label: step.label, title: step.title, line }];
    const branches = step.branches ?? [];
    const arms = markers.filter((m) => m > line && m < nextLine);
    branches.forEach((branch, b) => {
      const first = branch.steps[0];
      const armLine = arms.length === branches.length ? arms[b]! : first ? num(first.line) : line;
      items.push({ key: `arm-${step.label}-${b}`, kind: 'branch', label: armLabel(step, b), title: '', line: armLine });
      for (const sub of branch.steps) items.push({ key: `step-${sub.label}`, kind: 'substep', label: sub.label, title: sub.title, line: num(sub.line) });
    });
    return items;
  });
}
