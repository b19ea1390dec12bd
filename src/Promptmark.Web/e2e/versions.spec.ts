import { expect, test, type Page } from '@playwright/test';
import { screenshot, signUp, typeContent } from './helpers';

/** Replaces the content in the editor, says what changed (taking a screenshot when named), and saves. */
async function saveWithNote(page: Page, content: string, note: string, shot?: string) {
  await typeContent(page, content);
  await page.getByRole('textbox', { name: 'What changed?' }).fill(note);
  if (shot) await screenshot(page, shot);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'What changed?' })).toHaveCount(0);
}

async function pick(page: Page, select: string, option: string) {
  await page.getByRole('combobox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('versions carry notes and labels, and any two can be compared word by word, in one column on a phone', async ({ page }) => {
  await signUp(page);
  await page.goto('/prompts/new');
  await page.getByLabel('Title').fill('Support answer');
  await typeContent(page, 'Answer in a friendly tone.\nKeep it short.');
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  const promptUrl = new URL(page.url()).pathname;

  // Two saves, each saying what it changed: v1 friendly, v2 formal, v3 (current) shorter.
  await saveWithNote(page, 'Answer in a formal tone.\nKeep it short.', 'Formal tone for enterprise customers', 'editor-version-note');
  await saveWithNote(page, 'Answer in a formal tone.\nKeep it very short.', 'Shorter answers');

  await page.goto(`${promptUrl}/versions/2`);
  await expect(page.getByRole('heading', { name: 'Version 2' })).toBeVisible();
  await expect(page.getByTestId('version-note')).toHaveText('Formal tone for enterprise customers');
  const history = page.getByRole('navigation', { name: 'Versions' });
  await expect(history.getByRole('link', { name: /v3/ })).toContainText('Shorter answers');

  // production on v1, then moved to v2.
  await page.goto(`${promptUrl}/versions/1`);
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await expect(page.getByText('MCP clients that ask for this prompt get the version labelled production')).toBeVisible();
  await page.getByRole('combobox', { name: 'Label', exact: true }).fill('production');
  await page.getByRole('button', { name: 'Set label', exact: true }).click();
  await expect(page.getByText('production → v1')).toBeVisible();
  await expect(history.getByRole('link', { name: /v1/ })).toContainText('production');
  await page.getByRole('combobox', { name: 'Label', exact: true }).fill('production');
  await pick(page, 'On version', 'v2');
  await page.getByRole('button', { name: 'Move label', exact: true }).click();
  await expect(page.getByText('production → v2')).toBeVisible();
  await expect(history.getByRole('link', { name: /v2/ })).toContainText('production');
  await expect(history.getByRole('link', { name: /v1/ })).not.toContainText('production');

  // v1 against v2 (not the current v3): the changed word is highlighted inside the changed line.
  await pick(page, 'with', 'v2');
  const diff = page.getByTestId('diff-view');
  await expect(diff).toHaveAttribute('data-layout', 'side-by-side');
  await expect(diff.locator('del')).toHaveText('friendly');
  await expect(diff.locator('ins')).toHaveText('formal');
  await expect(diff).not.toContainText('very');
  await screenshot(page, 'versions-compare-labels');

  // On a phone the same diff is one column.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(diff).toHaveAttribute('data-layout', 'unified');
  await expect(diff.getByRole('columnheader')).toHaveCount(1);
  await expect(diff.locator('ins')).toHaveText('formal');
  await screenshot(page, 'versions-compare-phone');
});
