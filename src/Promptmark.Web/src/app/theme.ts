import { createTheme, type MantineColorsTuple } from '@mantine/core';

const iris: MantineColorsTuple = [
  '#f0eeff', '#dcd8fb', '#b6adf3', '#8e80ec', '#6c59e5', '#5b4bdb', '#4f3fd0', '#4133b8', '#382ca5', '#2d2292',
];

export const theme = createTheme({
  primaryColor: 'iris',
  colors: { iris },
  primaryShade: { light: 5, dark: 3 },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
});
