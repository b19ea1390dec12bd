import type { McpToolSummary } from '@/lib/api/types';

/** Whether every word of the search appears in the tool's name, title or description (case-insensitive). */
export function matchesTool(tool: Pick<McpToolSummary, 'name' | 'title' | 'description'>, search: string): boolean {
  const haystack = `${tool.name} ${tool.title ?? ''} ${tool.description ?? ''}`.toLowerCase();
  return search.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
