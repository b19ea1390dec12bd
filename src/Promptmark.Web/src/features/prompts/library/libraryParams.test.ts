import { describe, expect, it } from 'vitest';
import { activeFilterCount, readView, toFilters, writeView, isFiltered } from './libraryParams';

describe('library URL parameters', () => {
  it('round-trips a view through the URL', () => {
    const view = { q: 'email', tag: 'work', collection: 'c1', type: 'system', kind: 'templates' as const, page: 3 };
    expect(readView(writeView(view))).toEqual(view);
  });

  it('defaults to page 1 of everything and ignores nonsense', () => {
    expect(readView(new URLSearchParams('page=-4&kind=weird'))).toEqual({ q: '', tag: null, collection: null, type: null, kind: 'all', page: 1 });
    expect(isFiltered(readView(new URLSearchParams()))).toBe(false);
  });

  it('maps a view to the API list filters with paging', () => {
    const filters = toFilters(readView(new URLSearchParams('q=%20hi%20&kind=remixes&page=2&tag=a')));
    expect(filters).toEqual({ search: 'hi', tag: 'a', is_remix: true, limit: 20, offset: 20 });
  });

  it('counts the filters the phone sheet holds, not the search', () => {
    expect(activeFilterCount(readView(new URLSearchParams('q=hi')))).toBe(0);
    expect(activeFilterCount(readView(new URLSearchParams('tag=a&type=system&kind=templates&page=2')))).toBe(3);
  });
});
