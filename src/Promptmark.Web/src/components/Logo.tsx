import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconBracketsContain } from '@tabler/icons-react';

export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const big = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={big ? 38 : 30} radius="md" variant="gradient" gradient={{ from: 'iris.6', to: 'cyan.6', deg: 135 }} aria-hidden>
        <IconBracketsContain size={big ? 22 : 18} stroke={2} />
      </ThemeIcon>
      <Text fw={700} size={big ? 'xl' : 'lg'} style={{ letterSpacing: '-0.01em' }}>
        Promptmark
      </Text>
    </Group>
  );
}
