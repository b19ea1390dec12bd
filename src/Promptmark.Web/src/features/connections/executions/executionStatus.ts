export interface StatusBadge {
  color: 'teal' | 'orange' | 'red' | 'gray';
  label: string;
}

const badges: Record<string, StatusBadge> = {
  success: { color: 'teal', label: 'Success' },
  tool_error: { color: 'orange', label: 'Tool error' },
  failed: { color: 'red', label: 'Failed' },
  cancelled: { color: 'gray', label: 'Cancelled' },
};

/** How an execution's status looks: success, tool_error (the tool answered isError), failed, cancelled. */
export const executionStatusBadge = (status: string): StatusBadge => badges[status] ?? { color: 'gray', label: status };

/** "850 ms", "1.2 s", "2 min 5 s". */
export function formatLatency(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "512 B", "3.4 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
