/** "Library · Promptmark": the title of the deepest route that names itself in its `handle`, or just the app's name. */
export function documentTitle(matches: readonly { route: { handle?: unknown } }[]): string {
  const title = matches.map((m) => (m.route.handle as { title?: string } | undefined)?.title).findLast(Boolean);
  return title ? `${title} · Promptmark` : 'Promptmark';
}
