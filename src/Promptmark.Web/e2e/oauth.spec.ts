import { expect, test } from '@playwright/test';
import { navLink, password, signUp } from './helpers';
import { OAuthTestClient } from './oauthClient';

test('a hosted MCP client is authorized on the consent page, uses /mcp, and is refused once revoked in Settings', async ({ page, context, baseURL }) => {
  const client = new OAuthTestClient(baseURL!, 'E2E Assistant');
  try {
    await client.register();
    const email = await signUp(page);
    await context.clearCookies();

    await page.goto(client.authorizeUrl());
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fauthorize/);
    await page.getByLabel('Email').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('heading', { name: 'Authorize an app' })).toBeVisible();
    await expect(page.getByText('E2E Assistant', { exact: true })).toBeVisible();
    await expect(page.getByText(client.clientId)).toBeVisible();
    await expect(page.getByText('127.0.0.1:', { exact: false }).first()).toBeVisible();
    for (const scope of ['read', 'write', 'execute']) await expect(page.getByText(scope, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();

    const callback = await client.callback();
    expect(callback.get('state')).toBe(client.state);
    await expect(page.getByText('You can close this window.')).toBeVisible();
    const token = await client.redeem(callback.get('code')!);
    expect(await client.listTools(token)).toContain('get_prompt');

    await page.goto('/');
    await navLink(page, 'Settings').click();
    const apps = page.getByTestId('authorized-apps');
    await expect(apps.getByText('E2E Assistant')).toBeVisible();
    await apps.getByRole('button', { name: 'Revoke E2E Assistant' }).click();
    await page.getByRole('button', { name: 'Revoke app' }).click();
    await expect(page.getByText('No authorized apps.')).toBeVisible();
    expect(await client.listTools(token)).toBe(401);
  } finally {
    client.close();
  }
});

test('denying on the consent page sends the client access_denied', async ({ page, baseURL }) => {
  const client = new OAuthTestClient(baseURL!, 'Denied Assistant');
  try {
    await client.register();
    await signUp(page);
    await page.goto(client.authorizeUrl());
    await page.getByRole('button', { name: 'Deny' }).click();
    const callback = await client.callback();
    expect(callback.get('error')).toBe('access_denied');
    expect(callback.get('code')).toBeNull();
  } finally {
    client.close();
  }
});
