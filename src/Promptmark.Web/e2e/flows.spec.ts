import { expect, test } from '@playwright/test';
import { navLink, password, screenshot, signUp, typeContent, uniqueEmail } from './helpers';

const template = 'Write a {{tone:enum:friendly,formal:friendly}} reply to {{customer}} about {{topic:text}}.\nKeep it under {{words:number:80}} words.';


test('signing up lands in an empty library that says what to do', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await screenshot(page, '01-sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await screenshot(page, '02-sign-up');
  await signUp(page);
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await screenshot(page, '03-library-empty');
});

test('a template is created, filled in and rendered; an edit is restored from its version', async ({ page }) => {
  await signUp(page);
  await page.getByRole('link', { name: 'Write your first prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/new$/);
  await page.getByLabel('Title').fill('Customer reply');
  await typeContent(page, template);
  await expect(page.locator('.cm-pm-var-name').first()).toHaveText('tone');
  await page.getByPlaceholder('Add a tag and press Enter').fill('support');
  await page.keyboard.press('Enter');
  await screenshot(page, '04-editor-new');
  await page.getByRole('button', { name: 'Create prompt' }).click();

  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  const promptUrl = new URL(page.url()).pathname;
  const variables = page.getByTestId('schema-variables');
  await expect(variables).toContainText('customer');
  await expect(variables).toContainText('enum');
  await screenshot(page, '05-editor-saved');

  // Use the template: a form from the schema, a live preview from the server.
  await page.getByRole('tab', { name: 'Use template' }).click();
  await expect(page).toHaveURL(`${promptUrl}/use`);
  await expect(page.getByText('Needs input')).toBeVisible();
  await page.getByLabel('Customer').fill('Ada');
  await page.getByLabel('Topic').fill('a late delivery');
  await page.getByRole('combobox', { name: 'Tone' }).click();
  await page.getByRole('option', { name: 'formal' }).click();
  await page.getByLabel('Words').fill('50');
  const rendered = page.getByTestId('rendered');
  await expect(rendered).toHaveText('Write a formal reply to Ada about a late delivery.\nKeep it under 50 words.');
  await expect(page.getByText('Ready', { exact: true })).toBeVisible();
  await screenshot(page, '06-use-template');

  // Edit the content: the old text becomes version 1.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await typeContent(page, template.replace('reply', 'short reply'));
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('tab', { name: 'Versions' }).click();
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await expect(page.getByTestId('diff-view')).toContainText('short reply');
  await screenshot(page, '07-versions-diff');

  // Deep link to the version, then restore it.
  await page.goto(`${promptUrl}/versions/1`);
  await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page).toHaveURL(promptUrl);
  await expect(page.locator('.cm-content')).toContainText('Write a {{tone:enum:friendly,formal:friendly}} reply to');
  await expect(page.locator('.cm-content')).not.toContainText('short reply');

  // Capture what a model answered, then delete it.
  await page.getByRole('tab', { name: 'Responses' }).click();
  await expect(page.getByText('No captured responses')).toBeVisible();
  await page.getByRole('textbox', { name: 'Model' }).fill('claude-sonnet-4');
  await page.getByRole('textbox', { name: 'Response' }).fill('Dear Ada,\nWe are sorry your parcel is late.');
  await page.getByRole('button', { name: 'Capture' }).click();
  await expect(page.getByTestId('response-card')).toContainText('We are sorry your parcel is late.');
  await screenshot(page, '08-responses');
  await page.getByRole('button', { name: 'Delete response' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No captured responses')).toBeVisible();

  // The library lists it, with its template badge.
  await navLink(page, 'Library').click();
  const card = page.getByTestId('prompt-card').filter({ hasText: 'Customer reply' });
  await expect(card.getByText('Template')).toBeVisible();
  await screenshot(page, '08-library-with-template');
});

test('an API key is created, shown once with MCP snippets, and revoked', async ({ page }) => {
  await signUp(page);
  await navLink(page, 'Settings').click();
  await page.getByLabel('New key name').fill('Claude Desktop');
  await page.getByRole('checkbox', { name: 'Execute' }).uncheck();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = page.getByTestId('new-api-key');
  await expect(key).toHaveText(/^pm_/);
  const secret = (await key.textContent())!;
  await expect(page.getByTestId('snippet-claude')).toContainText(secret);
  await expect(page.getByTestId('snippet-claude')).toContainText('/mcp');
  await expect(page.getByTestId('api-keys')).toContainText('Claude Desktop');
  const listed = page.getByTestId('api-keys').getByRole('row', { name: /Claude Desktop/ });
  await expect(listed).toContainText('write');
  await expect(listed).not.toContainText('execute');
  await screenshot(page, '09-settings-keys');

  // The key works against the API.
  const me = await page.request.get('/api/auth/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);

  await page.getByRole('button', { name: 'Revoke Claude Desktop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('No keys yet.')).toBeVisible();
  const refused = await page.request.get('/api/prompts', { headers: { Authorization: `Bearer ${secret}` }, failOnStatusCode: false });
  expect(refused.status()).toBe(401);
});

test('collections and tags are managed from their pages', async ({ page }) => {
  await signUp(page);
  await navLink(page, 'Collections').click();
  await expect(page.getByText('No collections yet')).toBeVisible();
  await page.getByRole('button', { name: 'New collection' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Support desk');
  await page.getByRole('radio', { name: 'green' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByTestId('collection-card')).toContainText('Support desk');
  await screenshot(page, '10-collections');

  await navLink(page, 'Tags').click();
  await expect(page.getByText('No tags yet')).toBeVisible();
  await screenshot(page, '11-tags-empty');
});

test('an expired session goes back to sign-in with a message, and returns afterwards', async ({ page, context }) => {
  const email = await signUp(page, uniqueEmail('expiry'));
  await navLink(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();

  // In the app: the next call is refused (creating a key), and the app goes to sign-in.
  await context.clearCookies();
  await page.getByLabel('New key name').fill('too late');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await screenshot(page, '12-session-expired');
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  // On a fresh load: the cookie is gone, the app remembers there was a session.
  await context.clearCookies();
  await page.goto('/tags');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftags/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
});

test('the dark theme is remembered', async ({ page }) => {
  await signUp(page);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await navLink(page, 'New prompt').click();
  await page.getByLabel('Title').fill('Dark mode check');
  await typeContent(page, 'Translate {{text:text}} into {{language:enum:French,German}}.');
  await screenshot(page, '13-editor-dark');
});
