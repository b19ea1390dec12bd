import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint, where the navigation folds behind the menu button. */
export const phoneScreen = '(max-width: 47.99em)';

/** A touch screen without a hovering pointer: keyboard shortcuts mean nothing there (the same query hides `.pm-keyboard-hint`). */
export const touchScreen = '(hover: none) and (pointer: coarse)';

export const usePhoneScreen = () => useMediaQuery(phoneScreen, false, { getInitialValueInEffect: false });
export const useTouchScreen = () => useMediaQuery(touchScreen, false, { getInitialValueInEffect: false });
