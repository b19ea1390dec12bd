import { expect, test } from '@playwright/test';
import { navLink, screenshot, signUp, typeContent } from './helpers';

const secret = 'ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8';

test('a prompt with a secret asked to be public stays private with a notice; acknowledged, it publishes', async ({ page }) => {
  await signUp(page);
  await page.goto('/prompts/new');
  await page.getByLabel('Title').fill('Deploy helper');
  await typeContent(page, `Call the GitHub API with the token ${secret} and list the open pull requests.`);
  await page.getByRole('switch', { name: 'Public' }).check();
  await page.getByRole('button', { name: 'Create prompt' }).click();

  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  const notice = page.getByTestId('scan-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('kept private');
  await expect(page.getByRole('switch', { name: 'Public' })).not.toBeChecked();
  const secrets = page.getByTestId('findings-secrets');
  await expect(secrets).toContainText('Open');
  await expect(secrets).not.toContainText(secret);
  await screenshot(page, '20-prompt-scan-notice');

  // The library says it needs review.
  await navLink(page, 'Library').click();
  await expect(page.getByTestId('scan-badge')).toHaveText('Needs review');
  await screenshot(page, '21-library-scan-badge');

  await page.getByRole('link', { name: 'Deploy helper' }).click();
  await page.getByRole('button', { name: 'Acknowledge secrets findings' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge anyway' }).click();
  await expect(page.getByTestId('findings-secrets')).toContainText('Acknowledged');
  await expect(page.getByRole('button', { name: 'Acknowledge secrets findings' })).toHaveCount(0);

  await page.getByRole('switch', { name: 'Public' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Public' })).toBeChecked();
  await expect(page.getByTestId('scan-notice')).toHaveCount(0);

  await navLink(page, 'Library').click();
  await expect(page.getByTestId('scan-badge')).toHaveText('Reviewed');
  await expect(page.getByText('Public', { exact: true })).toBeVisible();
});

test('a save with findings says what was found, marks it in the text, and asks before a live secret is acknowledged', async ({ page }) => {
  await signUp(page);
  await page.goto('/prompts/new');
  await page.getByLabel('Title').fill('Support macro');
  await typeContent(page, `Use ${secret} to file the ticket, then mail ada.lovelace@gmail.com. The docs use AKIAIOSFODNN7EXAMPLE and jane@example.com.`);
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);

  const banner = page.getByTestId('scan-notice');
  await expect(banner).toContainText('The content scan found something to check');
  await expect(banner).toContainText('Secrets: 1 (github-token) in Content');
  await expect(banner).toContainText('Personal data: 1 (email) in Content');
  await expect(page.locator('.cm-pm-mark')).toHaveText([secret, 'ada.lovelace@gmail.com']);
  await expect(page.getByText('Example values are not reported')).toBeVisible();
  await screenshot(page, '22-prompt-scan-banner');

  await page.getByRole('button', { name: 'Acknowledge secrets findings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge the secrets in this prompt?' });
  await expect(dialog).toContainText('anyone who reads it can use them');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('findings-secrets')).toContainText('Open');

  await page.getByRole('button', { name: 'Acknowledge secrets findings' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge anyway' }).click();
  await expect(page.getByTestId('findings-secrets')).toContainText('Acknowledged');
  await expect(banner).not.toContainText('Secrets:');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  // Personal data is not a credential: acknowledged at once.
  await page.getByRole('button', { name: 'Acknowledge personal data findings' }).click();
  await expect(page.getByTestId('findings-pii')).toContainText('Acknowledged');
});
