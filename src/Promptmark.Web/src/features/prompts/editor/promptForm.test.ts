import { describe, expect, it } from 'vitest';
import { changedFields, emptyForm, isDirty } from './promptForm';

describe('prompt form changes', () => {
  it('is clean when nothing changed', () => {
    expect(isDirty(emptyForm, { ...emptyForm })).toBe(false);
    expect(changedFields(emptyForm, { ...emptyForm, tags: [] })).toEqual({});
  });

  it('lists only the changed fields, comparing lists by value', () => {
    const saved = { ...emptyForm, title: 'A', tags: ['x', 'y'] };
    const form = { ...saved, tags: ['x', 'y'], title: 'B', self_rating: 4 };
    expect(changedFields(saved, form)).toEqual({ title: 'B', self_rating: 4 });
  });

  it('sees a tag order change and a cleared collection', () => {
    const saved = { ...emptyForm, tags: ['x', 'y'], collection_id: 'c1' };
    expect(changedFields(saved, { ...saved, tags: ['y', 'x'], collection_id: null })).toEqual({ tags: ['y', 'x'], collection_id: null });
  });
});
