import { Group, Pagination } from '@mantine/core';

/** The page picker under a list, shown only when there is more than one page. */
export function ListPagination({ pages, page, onChange }: { pages: number; page: number; onChange: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <Group justify="center" mt="lg">
      <Pagination total={pages} value={page} onChange={onChange} aria-label="Pages" />
    </Group>
  );
}
