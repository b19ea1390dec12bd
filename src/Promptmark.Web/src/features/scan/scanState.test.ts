import { describe, expect, it } from 'vitest';
import { findingMarks, findingSummary, groupFindings, openCategories, scanBadgeState } from './scanState';

const finding = (category: string, rule = 'r') => ({ category, rule, field: 'prompt', position: 0, length: 3, excerpt: 'a***' });

describe('scanBadgeState', () => {
  it('is none without flags or with all zero', () => {
    expect(scanBadgeState(undefined)).toBe('none');
    expect(scanBadgeState({ pii: 0, secrets: 0 })).toBe('none');
  });
  it('is open when any flag is 1, even beside acknowledged ones', () => {
    expect(scanBadgeState({ pii: 2, secrets: 1 })).toBe('open');
    expect(scanBadgeState({ secrets: '1' })).toBe('open');
  });
  it('is acknowledged when the only findings were acknowledged', () => {
    expect(scanBadgeState({ pii: 0, secrets: 2 })).toBe('acknowledged');
  });
});

describe('openCategories', () => {
  it('names only the categories with flag 1', () => {
    expect(openCategories({ pii: 1, secrets: 2, injection: 0, danger: 1 })).toEqual(['pii', 'danger']);
  });
});

describe('groupFindings', () => {
  it('groups by category in display order with each flag', () => {
    const groups = groupFindings([finding('pii', 'email'), finding('secrets', 'aws'), finding('pii', 'phone')], { pii: 2, secrets: 1 });
    expect(groups.map((g) => [g.category, g.state, g.findings.length])).toEqual([['secrets', 1, 1], ['pii', 2, 2]]);
    expect(groups[0]?.label).toBe('Secrets');
  });
  it('keeps a flagged category without listed findings and puts unknown categories last', () => {
    const groups = groupFindings([finding('other')], { danger: 1 });
    expect(groups.map((g) => g.category)).toEqual(['danger', 'other']);
  });
});

describe('findingMarks', () => {
  it('marks only the findings of the given field, from their position over their length', () => {
    const marks = findingMarks([{ ...finding('secrets', 'github-token'), position: 5, length: 40 }, { ...finding('pii'), field: 'notes' }], 'prompt');
    expect(marks).toEqual([{ from: 5, to: 45, label: 'Secrets: github-token' }]);
  });
});

describe('findingSummary', () => {
  it('says per category how many, which rules and in which fields', () => {
    const lines = findingSummary([finding('pii', 'email'), finding('secrets', 'github-token'), { ...finding('pii', 'email'), field: 'notes' }]);
    expect(lines).toEqual(['Secrets: 1 (github-token) in Content', 'Personal data: 2 (email) in Content and Notes']);
  });
});
