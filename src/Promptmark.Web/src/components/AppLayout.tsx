import { Suspense, useRef } from 'react';
import { AppShell, Avatar, Burger, Box, Divider, Group, Menu, NavLink, ScrollArea, Skeleton, Stack, Text, UnstyledButton, ColorSwatch, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBooks, IconFolders, IconTags, IconSettings, IconLogout, IconPlus, IconChevronDown, IconApi, IconSparkles, IconPlugConnected, IconMessages, IconRoute } from '@tabler/icons-react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Logo } from './Logo';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { useMe, useSignOut } from '@/features/auth/session';
import { useCollections } from '@/features/collections/queries';
import { collectionColor } from '@/features/collections/colors';
import { PageSkeleton } from './PageSkeleton';
import { useFocusHeadingOnNavigate } from './useFocusHeadingOnNavigate';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const signOut = useSignOut();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const collections = useCollections();
  const activeCollection = location.pathname === '/' ? params.get('collection') : null;
  const inLibrary = location.pathname === '/' || location.pathname.startsWith('/prompts');
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main-content" className="pm-skip-link">Skip to content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} aria-expanded={opened} />
            <UnstyledButton onClick={() => navigate('/')} aria-label="Promptmark home">
              <Logo />
            </UnstyledButton>
          </Group>
          <Group gap="xs">
            <ColorSchemeToggle />
            <Menu position="bottom-end" width={220}>
              <Menu.Target>
                <UnstyledButton px={6} py={4} style={{ borderRadius: 8 }}>
                  <VisuallyHidden>Account menu</VisuallyHidden>
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={30} radius="xl" color="iris" aria-hidden>{me.data?.email.slice(0, 1).toUpperCase()}</Avatar>
                    <Text size="sm" visibleFrom="sm" maw={180} truncate>{me.data?.email}</Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.data?.email}</Menu.Label>
                <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate('/settings')}>Settings</Menu.Item>
                <Menu.Item leftSection={<IconApi size={16} />} component="a" href="/scalar" target="_blank">API reference</Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={signOut}>Sign out</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main">
        <AppShell.Section>
          <NavLink
            component={RouterNavLink}
            to="/prompts/new"
            label="New prompt"
            leftSection={<IconPlus size={18} />}
            variant="filled"
            active
            onClick={close}
            style={{ borderRadius: 8 }}
          />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} mt="sm">
          <Stack gap={2}>
            <NavLink component={Link} to="/" label="Library" leftSection={<IconBooks size={18} />} active={inLibrary && !activeCollection} aria-current={location.pathname === '/' && !activeCollection ? 'page' : undefined} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/conversations" label="Conversations" leftSection={<IconMessages size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/skills" label="Skills" leftSection={<IconSparkles size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/playbooks" label="Playbooks" leftSection={<IconRoute size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/connections" label="Connections" leftSection={<IconPlugConnected size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/collections" label="Collections" leftSection={<IconFolders size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/tags" label="Tags" leftSection={<IconTags size={18} />} onClick={close} style={{ borderRadius: 8 }} />
            <NavLink component={RouterNavLink} to="/settings" label="Settings" leftSection={<IconSettings size={18} />} onClick={close} style={{ borderRadius: 8 }} />
          </Stack>
          <Divider my="md" label="Collections" labelPosition="left" />
          <Stack gap={2}>
            {collections.isPending && [0, 1, 2].map((i) => <Skeleton key={i} h={28} radius="sm" />)}
            {collections.data?.length === 0 && (
              <Text size="xs" c="dimmed" px="sm">Group prompts into collections from the Collections page.</Text>
            )}
            {collections.data?.map((c) => (
              // A plain Link: the router's NavLink would mark every collection as the current page on `/` (it ignores the query).
              <NavLink
                key={c.id}
                component={Link}
                to={`/?collection=${c.id}`}
                label={c.name}
                active={activeCollection === c.id}
                aria-current={activeCollection === c.id ? 'page' : undefined}
                leftSection={<ColorSwatch color={collectionColor(c.color)} size={10} />}
                rightSection={<Text size="xs" c="dimmed">{c.prompt_count ?? ''}</Text>}
                onClick={close}
                style={{ borderRadius: 8 }}
              />
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" ref={main} tabIndex={-1}>
        <Box maw={1280} mx="auto">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
