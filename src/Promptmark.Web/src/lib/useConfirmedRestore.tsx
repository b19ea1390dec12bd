import { useNavigate } from 'react-router';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '@/lib/notify';

interface ConfirmedRestore<T> {
  /** What goes back to the old version, e.g. "The title, content and notes". */
  what: string;
  restore: (versionId: string) => Promise<T>;
  /** Puts the restored object in the cache. */
  restored: (result: T) => void;
  /** Where to go once restored (the editor). */
  then: string;
}

/** Restoring a version: asks first (saying nothing is lost), restores, says which version now holds the replaced state, and goes to the editor. */
export function useConfirmedRestore<T>(options: ConfirmedRestore<T>) {
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: ({ id }: { id: string; number: number; current: number }) => options.restore(id),
    onSuccess: (result, { number, current }) => {
      options.restored(result);
      notifySuccess(`Restored version ${number}; the state it replaced is kept as version ${current}.`);
      navigate(options.then);
    },
    onError: (e) => notifyError(e, 'Could not restore'),
  });
  const confirm = (version: { id: string; number: number; current: number }) =>
    modals.openConfirmModal({
      title: `Restore version ${version.number}?`,
      children: (
        <Text size="sm">
          {options.what} go back to version {version.number}. Nothing is lost: the current state is kept as version {version.current} in the history.
        </Text>
      ),
      labels: { confirm: 'Restore', cancel: 'Cancel' },
      onConfirm: () => mutation.mutate(version),
    });
  return { confirm, pending: mutation.isPending, restoring: mutation.isPending ? mutation.variables?.id : undefined };
}
