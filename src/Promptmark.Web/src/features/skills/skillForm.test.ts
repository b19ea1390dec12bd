import { describe, expect, it } from 'vitest';
import { isSkillDirty, skillBody, skillFieldErrors, starterSkill, emptySkillForm } from './skillForm';

describe('skillFieldErrors', () => {
  it('puts content.* problems beside the editor, naming the part', () => {
    const result = skillFieldErrors({
      'content.name': ['name must be lowercase letters, digits and hyphens'],
      'content.front-matter': ['the front matter is not closed', 'line 3 is not a key'],
      content: ['content is required'],
    });
    expect(result.content).toEqual([
      { part: 'name', message: 'name must be lowercase letters, digits and hyphens' },
      { part: 'front matter', message: 'the front matter is not closed' },
      { part: 'front matter', message: 'line 3 is not a key' },
      { part: '', message: 'content is required' },
    ]);
    expect(result.fields).toEqual({});
  });

  it('keeps other fields for their inputs, folding indexed keys like tags.3', () => {
    const result = skillFieldErrors({ title: ['too long'], 'tags.3': ['tag too long'], 'content.description': ['required'] });
    expect(result.fields).toEqual({ title: 'too long', tags: 'tag too long' });
    expect(result.content).toEqual([{ part: 'description', message: 'required' }]);
  });

  it('is empty without errors', () => {
    expect(skillFieldErrors({})).toEqual({ content: [], fields: {} });
  });
});

describe('skill form', () => {
  it('starts from a starter with front matter naming the skill and describing it', () => {
    expect(starterSkill.startsWith('---\nname: my-new-skill\ndescription: ')).toBe(true);
    expect(emptySkillForm.content).toBe(starterSkill);
  });

  it('sends blank optional fields as null so the server picks them', () => {
    expect(skillBody({ ...emptySkillForm, title: '  ', icon_emoji: '' })).toMatchObject({ title: null, icon_emoji: null, tags: [], is_draft: false });
  });

  it('notices tag changes', () => {
    expect(isSkillDirty(emptySkillForm, { ...emptySkillForm, tags: ['a'] })).toBe(true);
    expect(isSkillDirty(emptySkillForm, { ...emptySkillForm })).toBe(false);
  });
});
