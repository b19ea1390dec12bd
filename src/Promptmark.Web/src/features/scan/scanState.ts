import type { ScanFinding } from '@/lib/api/types';
import type { TextMark } from '@/components/textMarks';

/** The scan categories, in the order they are shown. */
export const scanCategories = ['secrets', 'pii', 'injection', 'danger'] as const;

const categoryLabels: Record<string, string> = {
  secrets: 'Secrets',
  pii: 'Personal data',
  injection: 'Prompt injection',
  danger: 'Dangerous content',
};
export const categoryLabel = (category: string) => categoryLabels[category] ?? category;

/** none: nothing found; open: a category has unacknowledged findings (1); acknowledged: only acknowledged ones (2). */
export type ScanBadgeState = 'none' | 'open' | 'acknowledged';

type Flags = Record<string, number | string> | null | undefined;

const flagOf = (flags: Flags, category: string) => Number(flags?.[category] ?? 0);

/** The badge for a prompt's scan flags: any flag 1 → open; else any flag 2 → acknowledged; else none. */
export function scanBadgeState(flags: Flags): ScanBadgeState {
  const values = Object.values(flags ?? {}).map(Number);
  if (values.includes(1)) return 'open';
  if (values.includes(2)) return 'acknowledged';
  return 'none';
}

/** Categories whose flag is 1 (open findings that can be acknowledged). */
export function openCategories(flags: Flags): string[] {
  return Object.keys(flags ?? {}).filter((c) => flagOf(flags, c) === 1);
}

export interface FindingGroup {
  category: string;
  label: string;
  /** The category's flag: 0, 1 (open) or 2 (acknowledged). */
  state: number;
  findings: ScanFinding[];
}

/** Findings grouped by category (known categories first, in order), with each category's flag. */
export function groupFindings(findings: ScanFinding[], flags?: Flags): FindingGroup[] {
  const byCategory = new Map<string, ScanFinding[]>();
  for (const f of findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  for (const c of Object.keys(flags ?? {})) if (flagOf(flags, c) !== 0 && !byCategory.has(c)) byCategory.set(c, []);
  const rank = (c: string) => { const i = (scanCategories as readonly string[]).indexOf(c); return i < 0 ? scanCategories.length : i; };
  return [...byCategory.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((category) => ({
      category,
      label: categoryLabel(category),
      state: flags ? flagOf(flags, category) : 1,
      findings: byCategory.get(category)!,
    }));
}

/** The findings in one field, as marks on that field's text (positions are where the scan found them in the saved text). */
export function findingMarks(findings: ScanFinding[] | undefined, field: string): TextMark[] {
  return (findings ?? [])
    .filter((f) => f.field === field)
    .map((f) => ({ from: Number(f.position), to: Number(f.position) + Number(f.length), label: `${categoryLabel(f.category)}: ${f.rule}` }));
}

/** "2 secrets (github-token, openai-key) in prompt": one line per category, for the banner after a save. */
export function findingSummary(findings: ScanFinding[]): string[] {
  return groupFindings(findings).map((g) => {
    const rules = [...new Set(g.findings.map((f) => f.rule))].join(', ');
    const fields = [...new Set(g.findings.map((f) => fieldLabel(f.field)))].join(' and ');
    return `${g.label}: ${g.findings.length} (${rules}) in ${fields}`;
  });
}

const fieldLabels: Record<string, string> = { prompt: 'Content', title: 'Title', notes: 'Notes' };
export const fieldLabel = (field: string) => fieldLabels[field] ?? field;
