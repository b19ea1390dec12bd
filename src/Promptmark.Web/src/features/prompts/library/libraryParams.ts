import type { LibraryFilters } from '../queries';

export const pageSize = 20;
export type Kind = 'all' | 'templates' | 'remixes';

/** Library filters live in the URL (?q=&tag=&collection=&type=&kind=&page=) so every view is a deep link. */
export interface LibraryView {
  q: string;
  tag: string | null;
  collection: string | null;
  type: string | null;
  kind: Kind;
  page: number;
}

export function readView(params: URLSearchParams): LibraryView {
  const kind = params.get('kind');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    tag: params.get('tag'),
    collection: params.get('collection'),
    type: params.get('type'),
    kind: kind === 'templates' || kind === 'remixes' ? kind : 'all',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function writeView(view: LibraryView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.tag) params.set('tag', view.tag);
  if (view.collection) params.set('collection', view.collection);
  if (view.type) params.set('type', view.type);
  if (view.kind !== 'all') params.set('kind', view.kind);
  if (view.page > 1) params.set('page', String(view.page));
  return params;
}

export function toFilters(view: LibraryView): LibraryFilters {
  const filters: LibraryFilters = { limit: pageSize, offset: (view.page - 1) * pageSize };
  if (view.q.trim()) filters.search = view.q.trim();
  if (view.tag) filters.tag = view.tag;
  if (view.collection) filters.collection_id = view.collection;
  if (view.type) filters.type_id = view.type;
  if (view.kind === 'templates') filters.is_template = true;
  if (view.kind === 'remixes') filters.is_remix = true;
  return filters;
}

export const isFiltered = (view: LibraryView) => !!(view.q || view.tag || view.collection || view.type || view.kind !== 'all');

/** How many filters the phone's filter sheet holds that are set (the search box stays outside it). */
export const activeFilterCount = (view: LibraryView) => [view.tag, view.collection, view.type, view.kind !== 'all'].filter(Boolean).length;
