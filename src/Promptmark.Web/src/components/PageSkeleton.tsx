import { Skeleton, Stack } from '@mantine/core';

export function PageSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading">
      <Skeleton h={34} w="40%" />
      <Skeleton h={16} w="60%" />
      <Skeleton h={120} mt="md" />
      <Skeleton h={120} />
    </Stack>
  );
}
