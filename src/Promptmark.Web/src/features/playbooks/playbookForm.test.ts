import { describe, expect, it } from 'vitest';
import { changedFields } from '@/lib/formChanges';
import { diagnosticsOf, emptyPlaybookForm, playbookBody } from './playbookForm';

describe('playbookBody', () => {
  it('names the playbook after its # title when the name is left empty', () => {
    expect(playbookBody({ title: '  ', content: '# Brief' }, 'Brief')).toEqual({ title: 'Brief', content: '# Brief' });
    expect(playbookBody({ title: 'Mine' }, 'Brief')).toEqual({ title: 'Mine' });
  });

  it('sends only what is given, and a cleared model as an empty string', () => {
    const changes = changedFields({ ...emptyPlaybookForm, default_model_id: 'local/a' }, { ...emptyPlaybookForm, default_model_id: null, tags: ['x'] });
    expect(playbookBody(changes, 'T')).toEqual({ default_model_id: '', tags: ['x'] });
  });
});

describe('diagnosticsOf', () => {
  it('lists errors, then warnings, at their lines and columns', () => {
    const result = {
      valid: false, definition: null,
      errors: [{ line: 9, column: 3, message: 'Duplicate input name "topic"' }],
      warnings: [{ line: '4', column: '1', message: 'Malformed input line' }],
    };
    expect(diagnosticsOf(result)).toEqual([
      { line: 9, column: 3, severity: 'error', message: 'Duplicate input name "topic"' },
      { line: 4, column: 1, severity: 'warning', message: 'Malformed input line' },
    ]);
  });
});
