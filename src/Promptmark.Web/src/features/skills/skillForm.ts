import type { Skill } from '@/lib/api/types';

export interface SkillForm {
  content: string;
  title: string;
  icon_emoji: string;
  tags: string[];
  is_draft: boolean;
}

/** A SKILL.md to start from: valid front matter (name, description) and the usual sections. */
export const starterSkill = `---
name: my-new-skill
description: Explain what this skill does and when an agent should use it, in one or two sentences.
---

# My new skill

## When to use

- Describe the situations or requests this skill is for.

## Instructions

1. Step one.
2. Step two.

## Examples

Show a short example input and the expected result.
`;

export const emptySkillForm: SkillForm = { content: starterSkill, title: '', icon_emoji: '', tags: [], is_draft: false };

export function skillFormOf(skill: Skill): SkillForm {
  return { content: skill.content, title: skill.title, icon_emoji: skill.icon_emoji, tags: [...skill.tags], is_draft: skill.is_draft };
}

export function isSkillDirty(a: SkillForm, b: SkillForm): boolean {
  return a.content !== b.content || a.title !== b.title || a.icon_emoji !== b.icon_emoji || a.is_draft !== b.is_draft
    || a.tags.length !== b.tags.length || a.tags.some((t, i) => t !== b.tags[i]);
}

/** The request body: empty optional fields are left to the server (title from the name, default emoji). */
export function skillBody(form: SkillForm) {
  return {
    content: form.content,
    title: form.title.trim() || null,
    icon_emoji: form.icon_emoji.trim() || null,
    tags: form.tags,
    is_draft: form.is_draft,
  };
}

export interface ContentProblem {
  /** The part of the SKILL.md the message is about, e.g. "name", "front matter", or "" for the whole content. */
  part: string;
  message: string;
}

export interface SkillFieldErrors {
  /** Problems with the SKILL.md (keys `content` and `content.*`), in the order the server sent them. */
  content: ContentProblem[];
  /** Problems with the other fields, keyed as the form names them (title, icon_emoji, tags, is_draft). */
  fields: Record<string, string>;
}

const partLabels: Record<string, string> = { 'front-matter': 'front matter', 'allowed-tools': 'allowed tools' };

/**
 * Splits a 400's `errors` (`{"content.name": [...], "content.front-matter": [...], "title": [...]}`) into
 * messages for the SKILL.md editor and messages for the other inputs.
 */
export function skillFieldErrors(errors: Record<string, string[]>): SkillFieldErrors {
  const result: SkillFieldErrors = { content: [], fields: {} };
  for (const [key, messages] of Object.entries(errors)) {
    if (key === 'content' || key.startsWith('content.')) {
      const raw = key === 'content' ? '' : key.slice('content.'.length);
      const part = partLabels[raw] ?? raw.replace(/[_-]/g, ' ');
      for (const message of messages) result.content.push({ part, message });
    } else if (messages.length > 0) {
      result.fields[key.replace(/\.\d+$/, '')] ??= messages.join(' ');
    }
  }
  return result;
}
