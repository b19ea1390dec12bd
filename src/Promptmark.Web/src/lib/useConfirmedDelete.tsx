import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '@/lib/notify';

interface ConfirmedDelete {
  /** What the confirmation asks, e.g. "Delete this prompt?". */
  title: string;
  /** What happens to the object, shown under the title. */
  consequence: ReactNode;
  remove: () => Promise<unknown>;
  /** Cached queries that list the deleted object. */
  invalidate: QueryKey;
  done: string;
  /** Where to go once it is gone. */
  then: string;
  /** Lifts the unsaved-changes guard before navigating away. */
  beforeLeaving: () => void;
}

/** A delete that asks first, then refreshes the lists, says so, and leaves the deleted object's page. */
export function useConfirmedDelete(options: ConfirmedDelete) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: options.remove,
    onSuccess: () => {
      options.beforeLeaving();
      client.invalidateQueries({ queryKey: options.invalidate });
      notifySuccess(options.done);
      navigate(options.then, { replace: true });
    },
    onError: (e) => notifyError(e, 'Could not delete'),
  });
  const confirm = () =>
    modals.openConfirmModal({
      title: options.title,
      children: <Text size="sm">{options.consequence}</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => mutation.mutate(),
    });
  return { confirm, pending: mutation.isPending };
}
