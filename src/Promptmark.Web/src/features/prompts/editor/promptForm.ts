import type { Prompt } from '@/lib/api/types';
import { num } from '@/lib/api/client';
import { changedFields as changes, isDirty as hasChanges } from '@/lib/formChanges';

/** The editable fields of a prompt, as the editor holds them. */
export interface PromptForm {
  title: string;
  prompt: string;
  notes: string;
  tags: string[];
  collection_id: string | null;
  type_id: string;
  models: string[];
  self_rating: number;
  is_public: boolean;
  is_remixable: boolean;
}

export const emptyForm: PromptForm = {
  title: '', prompt: '', notes: '', tags: [], collection_id: null, type_id: 'general', models: [], self_rating: 0, is_public: false, is_remixable: false,
};

export function formOf(p: Prompt): PromptForm {
  return {
    title: p.title,
    prompt: p.prompt,
    notes: p.notes ?? '',
    tags: [...p.tags],
    collection_id: p.collection_id,
    type_id: p.type_id,
    models: [...p.models],
    self_rating: num(p.self_rating),
    is_public: p.is_public,
    is_remixable: p.is_remixable,
  };
}

/** The fields that differ between the saved prompt and the form (what a PATCH has to send). */
export const changedFields: (saved: PromptForm, form: PromptForm) => Partial<PromptForm> = changes;
export const isDirty: (saved: PromptForm, form: PromptForm) => boolean = hasChanges;
