import { useHotkeys } from '@mantine/hooks';

/**
 * Ctrl+S (⌘S) saves the editor page from anywhere on it: the code editor, a text field or nowhere in particular,
 * instead of opening the browser's "Save page" dialog.
 */
export function useSaveShortcut(save: () => void) {
  useHotkeys([['mod+S', save, { preventDefault: true }]], [], true);
}
