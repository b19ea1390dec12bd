import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: not a test suite but a tour that photographs every page, in both themes, at 1366×900 and
// 390×844, into artifacts/screenshots/tour, for a person to look at (same API and browser set-up as the e2e tests).
export default defineConfig({
  ...base,
  testDir: './screenshots',
  reporter: 'list',
  outputDir: base.outputDir?.replace(/e2e-output$/, 'screenshots-output'),
});
