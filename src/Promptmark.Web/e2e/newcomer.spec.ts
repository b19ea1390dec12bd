import { expect, test, type Page } from '@playwright/test';
import { navLink, signUp, typeContent, uniqueEmail } from './helpers';

// What got in a newcomer's way in their first ten minutes, one test each.

async function createPrompt(page: Page, title: string, content: string) {
  await page.goto('/prompts/new');
  await page.getByLabel('Title').fill(title);
  await typeContent(page, content);
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
}

test('publishing a prompt the scan keeps private leaves the form as the server saved it, with one message', async ({ page }) => {
  await signUp(page);
  await createPrompt(page, 'Deploy helper', 'Call the GitHub API with ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8 and list the open pull requests.');
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('switch', { name: 'Public' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const notice = page.getByTestId('scan-notice');
  await expect(notice).toContainText('kept private');
  await expect(page.getByRole('switch', { name: 'Public' })).not.toBeChecked();
  await expect(page.getByText('All changes saved')).toBeVisible();
  // One message: the notice, not a "Saved" and a "Kept private" toast on top of it.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  // The web app names what to do in its own words, not an MCP tool.
  await expect(notice).not.toContainText('acknowledge_scan');

  let warned = false;
  page.on('dialog', (dialog) => { warned = true; void dialog.accept(); });
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Deploy helper');
  expect(warned).toBe(false);
});

test('the Tags page and the tag filter show how often each tag is used', async ({ page }) => {
  await signUp(page);
  for (const title of ['One', 'Two']) {
    await page.goto('/prompts/new');
    await page.getByLabel('Title').fill(title);
    await typeContent(page, `Prompt ${title}`);
    await page.getByPlaceholder('Add a tag and press Enter').fill('support');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Create prompt' }).click();
    await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  }
  await navLink(page, 'Tags').click();
  await expect(page.getByRole('row', { name: /support/ })).toContainText('2');

  await navLink(page, 'Library').click();
  await page.getByRole('combobox', { name: 'Filter by tag' }).click();
  await expect(page.getByRole('option', { name: 'support (2)' })).toBeVisible();
});

test('collections: created from the editor, marked as current only when open, and New prompt starts in them', async ({ page }) => {
  await signUp(page);
  await page.goto('/prompts/new');
  await page.getByLabel('Title').fill('Filed prompt');
  await typeContent(page, 'Summarise the meeting notes.');
  // No collection yet: the picker offers to create one instead of being a dead end.
  await page.getByRole('button', { name: 'Create a collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New collection' });
  await dialog.getByLabel('Name').fill('Meetings');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('combobox', { name: 'Collection' })).toHaveValue('Meetings');
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await navLink(page, 'Library').click();
  await expect(nav.getByRole('link', { name: 'Meetings' })).not.toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Library', exact: true })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Meetings' }).click();
  await expect(nav.getByRole('link', { name: 'Meetings' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Library', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await page.getByRole('main').getByRole('link', { name: 'New prompt' }).click();
  await expect(page.getByRole('combobox', { name: 'Collection' })).toHaveValue('Meetings');
});

test('Ctrl+S saves from the title and notes fields too, not only inside the code editor', async ({ page }) => {
  await signUp(page);
  await createPrompt(page, 'Shortcut', 'Say hello.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByLabel('Title').fill('Shortcut, renamed');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByLabel('Notes').fill('Saved with the keyboard');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Title')).toHaveValue('Shortcut, renamed');
  await expect(page.getByLabel('Notes')).toHaveValue('Saved with the keyboard');
});

test('the Variables panel follows the text as it is typed, before and after the first save', async ({ page }) => {
  await signUp(page);
  await page.goto('/prompts/new');
  const variables = page.getByTestId('schema-variables');
  await typeContent(page, 'Reply to {{customer}} in a {{tone:enum:formal,casual}} tone. {{1bad}}');
  await expect(variables).toContainText('customer');
  await expect(variables).toContainText('formal · casual');
  await expect(page.getByText('is not a valid variable name')).toBeVisible();
  await expect(page.getByText('as typed')).toBeVisible();

  await page.getByLabel('Title').fill('Reply');
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  await expect(page.getByText('saved', { exact: true })).toBeVisible();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' Sign as {{agent::Sam}}.');
  await expect(variables).toContainText('agent');
  await expect(variables).toContainText('Sam');
  await expect(page.getByText('as typed')).toBeVisible();
});

test('sign-up says what is wrong with the email, and nothing is red before anything was typed', async ({ page }) => {
  await page.goto('/sign-up');
  const email = page.getByLabel('Email');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.mantine-InputWrapper-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create account' })).toBeEnabled();

  await email.fill('not-an-email');
  await page.locator('input[type=password]').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter an email address like name@example.com')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters (5 so far)')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);

  await email.fill(uniqueEmail());
  await page.locator('input[type=password]').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Library', exact: true })).toBeVisible();
});

test('counts and errors read as sentences', async ({ page }) => {
  await signUp(page);
  await createPrompt(page, 'Only one', 'A single prompt.');
  await page.goto('/?q=single');
  await expect(page.getByText('1 prompt matches')).toBeVisible();

  await page.goto('/prompts/00000000-0000-7000-8000-000000000000');
  await expect(page.getByText(/^Prompt .*not found/)).toBeVisible();
});
