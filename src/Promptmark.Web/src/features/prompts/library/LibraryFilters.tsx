import { ActionIcon, Badge, Button, Drawer, Group, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconTag, IconX } from '@tabler/icons-react';
import { num } from '@/lib/api/client';
import { promptTypes } from '@/lib/api/types';
import { plural } from '@/lib/format';
import { usePhoneScreen, useTouchScreen } from '@/lib/media';
import { useCollections } from '@/features/collections/queries';
import { useTags } from '../queries';
import { activeFilterCount, type Kind, type LibraryView } from './libraryParams';

interface LibraryFiltersProps {
  view: LibraryView;
  update: (change: Partial<LibraryView>) => void;
  search: string;
  onSearch: (search: string) => void;
  /** How many prompts the current filters find, once known. */
  total: number | undefined;
}

/** The library's search and filters: one row on wide screens; on phones the search and a "Filters" button that opens the rest in a sheet. */
export function LibraryFilters({ view, update, search, onSearch, total }: LibraryFiltersProps) {
  const phone = usePhoneScreen();
  const [sheetOpen, sheet] = useDisclosure();
  const active = activeFilterCount(view);
  const searchBox = <SearchBox search={search} onSearch={onSearch} />;

  if (!phone) {
    return (
      <Paper withBorder p="sm" radius="md" mb="md">
        <Group gap="sm" wrap="wrap">
          {searchBox}
          <FilterControls view={view} update={update} stacked={false} />
        </Group>
      </Paper>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" mb="md">
      {searchBox}
      <Button
        variant="default" onClick={sheet.open} aria-label={active ? `Filters, ${active} active` : 'Filters'}
        leftSection={<IconAdjustmentsHorizontal size={16} />} rightSection={active ? <Badge size="sm" circle>{active}</Badge> : null}
      >
        Filters
      </Button>
      <Drawer
        opened={sheetOpen} onClose={sheet.close} position="bottom" title="Filters" radius="md"
        styles={{ content: { height: 'auto', flex: '0 0 auto', width: '100%' } }}
      >
        <Stack gap="sm" pb="md">
          <FilterControls view={view} update={update} stacked />
          <Group grow mt="xs">
            {active > 0 && <Button variant="default" onClick={() => update({ tag: null, collection: null, type: null, kind: 'all' })}>Clear filters</Button>}
            <Button onClick={sheet.close}>{total === undefined ? 'Done' : `Show ${plural(total, 'prompt')}`}</Button>
          </Group>
        </Stack>
      </Drawer>
    </Group>
  );
}

function SearchBox({ search, onSearch }: { search: string; onSearch: (search: string) => void }) {
  // The "/" shortcut is only worth announcing where there is a keyboard; a phone's narrow box takes a short placeholder.
  const touch = useTouchScreen();
  return (
    <TextInput
      id="library-search"
      aria-label="Search prompts"
      placeholder={touch ? 'Search prompts…' : 'Search titles and content…  ( / )'}
      leftSection={<IconSearch size={16} />}
      value={search}
      onChange={(e) => onSearch(e.currentTarget.value)}
      rightSection={search ? <ActionIcon variant="subtle" color="gray" aria-label="Clear search" onClick={() => onSearch('')}><IconX size={14} /></ActionIcon> : null}
      style={{ flex: '1 1 220px', minWidth: 0 }}
    />
  );
}

/** Tag, collection, type and kind: fixed widths in the row, full width stacked in the sheet. */
function FilterControls({ view, update, stacked }: { view: LibraryView; update: LibraryFiltersProps['update']; stacked: boolean }) {
  const tags = useTags();
  const collections = useCollections();
  const width = (w: number) => (stacked ? undefined : w);
  // In the sheet the option lists open inside it: portalled to the body they lose their place under the phone's viewport.
  const comboboxProps = stacked ? { withinPortal: false } : undefined;
  return (
    <>
      <Select
        aria-label="Filter by tag"
        placeholder="Any tag"
        data={(tags.data ?? []).map((t) => ({ value: t.name, label: `${t.name} (${num(t.count)})` }))}
        value={view.tag}
        onChange={(tag) => update({ tag })}
        clearable
        searchable
        w={width(150)}
        comboboxProps={comboboxProps}
        leftSection={<IconTag size={14} />}
      />
      <Select
        aria-label="Filter by collection"
        placeholder="Any collection"
        data={(collections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={view.collection}
        onChange={(collection) => update({ collection })}
        clearable
        w={width(160)}
        comboboxProps={comboboxProps}
      />
      <Select aria-label="Filter by type" placeholder="Any type" data={promptTypes.map((t) => ({ ...t }))} value={view.type} onChange={(type) => update({ type })} clearable w={width(150)} comboboxProps={comboboxProps} />
      <SegmentedControl
        aria-label="Kind of prompt"
        fullWidth={stacked}
        value={view.kind}
        onChange={(kind) => update({ kind: kind as Kind })}
        data={[{ value: 'all', label: 'All' }, { value: 'templates', label: 'Templates' }, { value: 'remixes', label: 'Remixes' }]}
      />
    </>
  );
}
