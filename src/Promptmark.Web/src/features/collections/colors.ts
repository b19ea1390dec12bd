/** The colours the API accepts for a collection, and the Mantine palette each one is drawn with. */
export const collectionColors = ['gray', 'red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink'] as const;
const palette: Record<string, string> = { purple: 'grape' };

export const mantineColor = (color: string): string =>
  (collectionColors as readonly string[]).includes(color) ? (palette[color] ?? color) : 'gray';
export const collectionColor = (color: string) => `var(--mantine-color-${mantineColor(color)}-6)`;
