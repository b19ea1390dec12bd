import { useLayoutEffect, useRef } from 'react';
import { useHotkeys } from '@mantine/hooks';

/**
 * Ctrl+S (⌘S) saves the editor page from anywhere on it: the code editor, a text field or nowhere in particular,
 * instead of opening the browser's "Save page" dialog.
 */
export function useSaveShortcut(save: () => void) {
  // The key handler is bound in an effect; through the ref it always calls the save of the latest render, so a
  // key pressed right after typing saves what was typed.
  const latest = useRef(save);
  useLayoutEffect(() => { latest.current = save; });
  useHotkeys([['mod+S', () => latest.current(), { preventDefault: true }]], [], true);
}
