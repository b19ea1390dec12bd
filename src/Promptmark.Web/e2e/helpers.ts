import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';

const shots = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });

/** A full-page screenshot under artifacts/screenshots, once the page has settled. */
export async function screenshot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
}

export function uniqueEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export const password = 'a long enough password';

export async function signUp(page: Page, email = uniqueEmail()) {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Registration hashes the password on purpose slowly: on a busy machine it takes more than the default 10 s.
  await expect(page.getByRole('heading', { name: 'Library', exact: true })).toBeVisible({ timeout: 30_000 });
  return email;
}

/** Replaces the text of the CodeMirror content editor. */
export async function typeContent(page: Page, text: string) {
  const editor = page.locator('.cm-content');
  // Right after a navigation the page may still be swapping its editor for the saved prompt's: type again until the
  // text is in the editor on screen.
  await expect(async () => {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    await expect(editor).toHaveText(text.replace(/\n/g, ''), { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** A link of the main navigation (sidebar). */
export const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** A REST call from inside the signed-in page (the browser sends its cookie and Sec-Fetch-Site); fails on an error status. */
export async function callApi<T = { id: string }>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(async ({ method, path, body }) => {
    const response = await fetch(path, {
      method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }, { method, path, body }) as Promise<T>;
}
