import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { navLink, signUp, typeContent } from './helpers';
import { OAuthTestClient } from './oauthClient';

/** The scheme under test, without motion, so axe never reads a notification halfway through its fade. */
const media = (colorScheme: 'light' | 'dark') => ({ colorScheme, reducedMotion: 'reduce' as const });

const template = 'Write a {{tone:enum:friendly,formal:friendly}} reply to {{customer}} about {{topic:text}}.';

for (const scheme of ['light', 'dark'] as const) {
  test(`every page has no serious or critical WCAG 2.2 AA violation in the ${scheme} theme`, async ({ page, baseURL }) => {
    // A tour of every page with an axe scan on each: minutes, not seconds, on a busy 2-core machine.
    test.setTimeout(300_000);
    await page.emulateMedia(media(scheme));

    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await expectNoSeriousViolations(page, 'sign-in');
    await page.goto('/sign-up');
    await expectNoSeriousViolations(page, 'sign-up');

    await signUp(page);
    await expectNoSeriousViolations(page, 'empty library');

    // One template, with a tag.
    await navLink(page, 'New prompt').click();
    await page.getByLabel('Title').fill('Customer reply');
    await typeContent(page, template);
    await page.getByPlaceholder('Add a tag and press Enter').fill('support');
    await page.keyboard.press('Enter');
    await expectNoSeriousViolations(page, 'new prompt editor');
    await page.getByRole('button', { name: 'Create prompt' }).click();
    await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
    const promptUrl = new URL(page.url()).pathname;
    await typeContent(page, template.replace('reply', 'short reply'));
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    await expectNoSeriousViolations(page, 'prompt editor with unsaved changes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('All changes saved')).toBeVisible();

    await page.getByRole('tab', { name: 'Use template' }).click();
    await expect(page.getByText('Needs input')).toBeVisible();
    await expectNoSeriousViolations(page, 'use template');
    await page.goto(`${promptUrl}/versions/1`);
    await expect(page.getByRole('heading', { name: 'Version 1' })).toBeVisible();
    await expectNoSeriousViolations(page, 'versions');
    await page.goto(`${promptUrl}/responses`);
    await expect(page.getByText('No captured responses')).toBeVisible();
    await expectNoSeriousViolations(page, 'responses');

    // A page that could not load: its message and its retry button.
    await page.goto('/prompts/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousViolations(page, 'error state');

    // One collection.
    await navLink(page, 'Collections').click();
    await page.getByRole('button', { name: 'New collection' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Support desk');
    await expectNoSeriousViolations(page, 'new collection dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await expect(page.getByTestId('collection-card')).toContainText('Support desk');
    await expectNoSeriousViolations(page, 'collections');

    await navLink(page, 'Library').click();
    await expect(page.getByTestId('prompt-card')).toContainText('Customer reply');
    await expectNoSeriousViolations(page, 'library');
    await navLink(page, 'Tags').click();
    await expect(page.getByRole('link', { name: '#support' })).toBeVisible();
    await expectNoSeriousViolations(page, 'tags');
    await navLink(page, 'Settings').click();
    await expectNoSeriousViolations(page, 'settings');

    // The OAuth consent page, for a client that registered itself.
    const oauthClient = new OAuthTestClient(baseURL!, 'Accessible Assistant');
    try {
      await oauthClient.register();
      await page.goto(oauthClient.authorizeUrl());
      await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
      await expectNoSeriousViolations(page, 'OAuth consent');
    } finally {
      oauthClient.close();
    }

    // One skill.
    await page.goto('/skills/new');
    await page.getByLabel('Title').fill('My new skill');
    await expectNoSeriousViolations(page, 'new skill editor');
    await page.getByRole('button', { name: 'Create skill' }).click();
    await expect(page).toHaveURL(/\/skills\/[0-9a-f-]{36}$/);
    await expectNoSeriousViolations(page, 'skill editor');
    await navLink(page, 'Skills').click();
    await expect(page.getByRole('link', { name: 'My new skill' })).toBeVisible();
    await expectNoSeriousViolations(page, 'skills');

    await navLink(page, 'Connections').click();
    await expectNoSeriousViolations(page, 'connections');
    await page.goto('/connections/new');
    await expectNoSeriousViolations(page, 'new connection');
    await page.goto('/connections/executions');
    await expectNoSeriousViolations(page, 'executions');
  });

  test(`the playbook pages have no serious or critical WCAG 2.2 AA violation in the ${scheme} theme`, async ({ page }) => {
    // Five axe scans on a busy 2-core machine.
    test.setTimeout(180_000);
    await page.emulateMedia(media(scheme));
    await signUp(page);
    // None yet, the editor (new, saved, with a problem marked at its line), the versions, the list.
    await navLink(page, 'Playbooks').click();
    await expect(page.getByText('No playbooks yet')).toBeVisible();
    await expectNoSeriousViolations(page, 'playbooks (none yet)');
    await page.goto('/playbooks/new');
    await expect(page.getByTestId('playbook-validity')).toHaveText('Valid');
    await expectNoSeriousViolations(page, 'new playbook editor');
    await page.getByRole('button', { name: 'Create playbook' }).click();
    await expect(page).toHaveURL(/\/playbooks\/[0-9a-f-]{36}$/);
    const playbookUrl = new URL(page.url()).pathname;
    // The saved playbook's page (with its tabs) has replaced the new one's form.
    await expect(page.getByRole('tab', { name: 'Versions' })).toBeVisible();
    await page.getByLabel('Description').fill('Writes a short brief.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('All changes saved')).toBeVisible();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await expect(page.getByRole('button', { name: 'Restore version 1' })).toBeVisible();
    await expectNoSeriousViolations(page, 'playbook versions');
    await navLink(page, 'Playbooks').click();
    await expect(page.getByTestId('playbook-card')).toHaveCount(1);
    await expectNoSeriousViolations(page, 'playbooks');
    await page.goto(playbookUrl);
    await typeContent(page, '# Brief\n\n## INPUTS\n- `mode` (enum: a, b): Mode\n- bad line\n\n## STEP 1: Go\n\n```if mode == "a"```\n\n### STEP 1a: A\n\nAbout {{mode}}.\n@tool(srv, search, {"q": "{{mode}}"})\n\n```else```\n\n### STEP 1b: B\n\nOther.\n\n```endif```\n');
    await expect(page.getByTestId('playbook-outline')).toContainText('else');
    await expectNoSeriousViolations(page, 'playbook editor with branches and a warning');
    await typeContent(page, '# Brief\n\n## INPUTS\n- `topic` (string): A\n- `topic` (text): B\n\n## STEP 1: Go\n\nAbout {{topic}}.\n');
    await expect(page.getByTestId('playbook-problems')).toContainText('Duplicate input name');
    await expectNoSeriousViolations(page, 'playbook editor with a problem');
  });

  test(`the conversation pages have no serious or critical WCAG 2.2 AA violation in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia(media(scheme));
    await signUp(page);
    // None and no provider, the provider dialog, the new-conversation dialog, an imported chat.
    await navLink(page, 'Conversations').click();
    await expect(page.getByText('Add a model provider first')).toBeVisible();
    await expectNoSeriousViolations(page, 'conversations without a provider');
    await navLink(page, 'Settings').click();
    await page.getByRole('button', { name: 'Add provider' }).click();
    const providerDialog = page.getByRole('dialog', { name: 'Add a model provider' });
    await expectNoSeriousViolations(page, 'add provider dialog');
    await providerDialog.getByRole('combobox', { name: 'Provider' }).click();
    await page.getByRole('option', { name: /OpenAI-compatible server/ }).click();
    await providerDialog.getByLabel('Name').fill('local');
    // Nothing listens there: the model list says the provider could not be asked.
    await providerDialog.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await providerDialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(page.getByTestId('provider-row')).toContainText('local');
    await expectNoSeriousViolations(page, 'settings with a provider');
    await navLink(page, 'Conversations').click();
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect(page.getByRole('dialog', { name: 'New conversation' })).toBeVisible();
    await expectNoSeriousViolations(page, 'new conversation dialog');
    await page.getByRole('dialog', { name: 'New conversation' }).getByRole('button', { name: 'Cancel' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'Imported.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ role: 'user', content: 'Show code' }, { role: 'assistant', content: 'Here:\n\n```js\nconsole.log(1)\n```' }])),
    });
    await expect(page.getByTestId('chat-message')).toHaveCount(2);
    await expectNoSeriousViolations(page, 'chat');
    await navLink(page, 'Conversations').click();
    await expect(page.getByTestId('conversation-row')).toHaveCount(1);
    await expectNoSeriousViolations(page, 'conversations');
  });
}

test('the keyboard and screen readers find their way: skip link, page titles, focus on the new heading, the phone menu', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page).toHaveTitle('Sign in · Promptmark');
  await signUp(page);
  await expect(page).toHaveTitle('Library · Promptmark');

  // The first Tab reaches the skip link, which jumps past the header and navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  // Another page: its own title, and focus on its heading.
  await navLink(page, 'Tags').click();
  await expect(page).toHaveTitle('Tags · Promptmark');
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeFocused();
  await navLink(page, 'Settings').click();
  await expect(page).toHaveTitle('Settings · Promptmark');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();

  // The prompt editor says how to leave it, and the rating reads as one.
  await navLink(page, 'New prompt').click();
  await expect(page).toHaveTitle('New prompt · Promptmark');
  await expect(page.locator('.cm-content')).toHaveAccessibleDescription(/To leave the editor, press Escape, then Tab\./);
  const rating = page.getByRole('radiogroup', { name: 'Your rating' });
  await expect(rating.getByRole('radio', { name: '1 star', exact: true })).toBeAttached();
  await expect(rating.getByRole('radio', { name: '3 stars' })).toBeAttached();
  await navLink(page, 'Settings').click();

  // A focused input shows a ring.
  await page.getByLabel('New key name').focus();
  await expect(page.getByLabel('New key name')).not.toHaveCSS('outline-style', 'none');

  // On a phone the menu button says whether the navigation is open.
  await page.setViewportSize({ width: 390, height: 800 });
  const menu = page.getByRole('button', { name: 'Open navigation' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(page.getByRole('button', { name: 'Close navigation' })).toHaveAttribute('aria-expanded', 'true');
});
