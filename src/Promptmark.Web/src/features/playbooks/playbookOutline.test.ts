import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlaybookDefinition } from '@/lib/api/types';
import { branchMarkerLines, playbookOutline } from './playbookOutline';

// A conformance vector of the spec: the document and the definition the parser gives for it.
const vectors = join(dirname(fileURLToPath(import.meta.url)), '../../../../../docs/reference/playbook-spec/tests/vectors/branching');
const vector = (name: string) => readFileSync(join(vectors, name), 'utf8');
const router = vector('if-elseif-else.playbook.md');
const definition = JSON.parse(vector('if-elseif-else.expected.json')).definition as PlaybookDefinition;

describe('playbookOutline', () => {
  it('lists each step, each branch arm at its marker line, and the sub-steps under it', () => {
    expect(playbookOutline(definition, router).map((i) => [i.kind, i.label, i.title, i.line])).toEqual([
      ['step', '1', 'Classify Urgency', 10],
      ['step', '2', 'Handle Ticket', 20],
      ['branch', 'if category == "billing"', '', 22],
      ['substep', '2a', 'Billing Resolution', 24],
      ['branch', 'elif category == "technical"', '', 32],
      ['substep', '2b', 'Technical Investigation', 34],
      ['branch', 'elif category == "account"', '', 42],
      ['substep', '2c', 'Account Management', 44],
      ['branch', 'else', '', 52],
      ['substep', '2d', 'General Support', 54],
      ['step', '3', 'Summary', 64],
    ]);
  });

  it('puts an arm at its first sub-step when the text no longer has its markers', () => {
    const arms = playbookOutline(definition, '').filter((i) => i.kind === 'branch');
    expect(arms.map((i) => i.line)).toEqual([24, 34, 44, 54]);
  });

  it('is empty without a definition (a fatal parse error)', () => {
    expect(playbookOutline(null, '# Nothing')).toEqual([]);
  });
});

describe('branchMarkerLines', () => {
  it('finds if, elif and else markers but not endif, nor markers inside code blocks', () => {
    const text = '## STEP 1: A\n```if a == "1"```\n### STEP 1a: X\n```else```\n### STEP 1b: Y\n```endif```\n````md\n```if b == "2"```\n````';
    expect(branchMarkerLines(text)).toEqual([2, 4]);
  });
});
