import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { modals } from '@mantine/modals';
import { Text } from '@mantine/core';

/** Asks before leaving a page with unsaved edits: in-app navigation (router blocker) and tab close/reload. */
/** Returns a function that lets the next navigation through (after a save or a delete). */
export function useUnsavedGuard(dirty: boolean): () => void {
  const bypass = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !bypass.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modals.openConfirmModal({
      title: 'Leave without saving?',
      children: <Text size="sm">Your edits on this page have not been saved and will be lost.</Text>,
      labels: { confirm: 'Discard edits', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: () => blocker.proceed?.(),
      onCancel: () => blocker.reset?.(),
      onClose: () => { if (blocker.state === 'blocked') blocker.reset?.(); },
    });
  }, [blocker]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return useCallback(() => {
    bypass.current = true;
  }, []);
}
