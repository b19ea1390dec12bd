import { expect, test } from '@playwright/test';
import { navLink, signUp } from './helpers';

// The OAuth-protected MCP server here is Promptmark's own /mcp: the connection discovers its authorization server,
// registers, sends the browser to the consent page and comes back with a token, all on 127.0.0.1.
test('a connection to an OAuth-protected server is signed in through the browser and then lists its tools', async ({ page, baseURL }) => {
  await signUp(page);
  await navLink(page, 'Connections').click();
  await page.getByRole('link', { name: 'Add your first connection' }).click();
  await page.getByLabel('Name').fill('Myself');
  await page.getByLabel('Server URL').fill(`${baseURL}/mcp`);
  await page.getByRole('button', { name: 'Add connection' }).click();
  await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}$/);
  const connectionUrl = new URL(page.url()).pathname;

  // Without credentials the server refuses: the page says so and offers the sign-in.
  await expect(page.getByTestId('status-dot')).toHaveAttribute('data-status', 'error');
  await page.getByRole('button', { name: 'Sign in with OAuth' }).click();

  await expect(page.getByRole('heading', { name: 'Authorize an app' })).toBeVisible();
  await expect(page.getByText('/connections/oauth/callback', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Approve' }).click();

  await expect(page).toHaveURL(connectionUrl);
  await expect(page.getByTestId('status-dot')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByText('Signed in with OAuth')).toBeVisible();
  await expect(page.getByTestId('tool-count')).toHaveText('74 tools');
  // Signing in again (another account, a revoked grant) stays at hand.
  await expect(page.getByRole('button', { name: 'Sign in with OAuth again' })).toBeVisible();

  // Promptmark, as the authorization server, lists the connection among the apps it authorized.
  await navLink(page, 'Settings').click();
  await expect(page.getByTestId('authorized-apps').getByText('Promptmark', { exact: false }).first()).toBeVisible();
});
