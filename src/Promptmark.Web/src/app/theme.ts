import { createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const iris: MantineColorsTuple = [
  '#f0eeff', '#dcd8fb', '#b6adf3', '#8e80ec', '#6c59e5', '#5b4bdb', '#4f3fd0', '#4133b8', '#382ca5', '#2d2292',
];

export const theme = createTheme({
  primaryColor: 'iris',
  colors: { iris },
  primaryShade: { light: 5, dark: 5 },
  // Filled surfaces pick black or white text by luminance, so every colour's filled button stays readable (WCAG AA).
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  // People who ask their system for less motion get notifications, modals and menus without their fades and slides.
  respectReducedMotion: true,
  focusRing: 'auto',
  components: {
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // Read as one rating ("Your rating, radio group, 3 stars") rather than loose radios named "1" to "5".
    Rating: { defaultProps: { role: 'radiogroup', getSymbolLabel: (value: number) => `${value} star${value === 1 ? '' : 's'}` } },
  },
});

/**
 * Text colours that reach WCAG AA (4.5:1) on the page, on cards and on their own light tints. Mantine's defaults
 * (grey 6 for dimmed text, shade 9 on light badges and alerts, shade 4 of the primary colour on dark) fall short.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const accents = Object.entries(t.colors).filter(([name]) => !['dark', 'gray', t.primaryColor].includes(name));
  const lightAccents = Object.fromEntries(accents.flatMap(([name, shades]) => {
    const readable = darken(shades[9], 0.3);
    return [[`--mantine-color-${name}-text`, readable], [`--mantine-color-${name}-light-color`, readable]];
  }));
  return {
    variables: {},
    light: {
      ...lightAccents,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': 'var(--mantine-color-red-9)',
    },
    dark: {
      '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
      '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
      '--mantine-color-error': 'var(--mantine-color-red-5)',
      '--mantine-color-anchor': `var(--mantine-color-${t.primaryColor}-2)`,
      [`--mantine-color-${t.primaryColor}-text`]: `var(--mantine-color-${t.primaryColor}-2)`,
    },
  };
};
