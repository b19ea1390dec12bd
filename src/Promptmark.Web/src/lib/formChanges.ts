const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of an editor's form that differ from the saved object's (what a PATCH has to send). */
export function changedFields<T extends object>(saved: T, form: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(form) as (keyof T)[]) {
    if (!same(saved[key], form[key])) changes[key] = form[key];
  }
  return changes;
}

export const isDirty = <T extends object>(saved: T, form: T) => Object.keys(changedFields(saved, form)).length > 0;
