import { expect, test } from '@playwright/test';
import { navLink, screenshot, signUp, typeContent } from './helpers';

test('a skill is created from the starter, listed, edited, rejected with a bad name, and deleted', async ({ page }) => {
  await signUp(page);
  await navLink(page, 'Skills').click();
  await expect(page).toHaveURL(/\/skills$/);
  await expect(page.getByText('No skills yet')).toBeVisible();
  await screenshot(page, '22-skills-empty');

  await page.getByRole('link', { name: 'Create your first skill' }).click();
  await expect(page).toHaveURL(/\/skills\/new$/);
  await expect(page.locator('.cm-content')).toContainText('name: my-new-skill');
  await page.getByLabel('Title').fill('My new skill');
  await page.getByPlaceholder('Add a tag and press Enter').fill('review');
  await page.keyboard.press('Enter');
  await screenshot(page, '23-skill-new');
  await page.getByRole('button', { name: 'Create skill' }).click();

  await expect(page).toHaveURL(/\/skills\/[0-9a-f-]{36}$/);
  const skillUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'My new skill' })).toBeVisible();
  await expect(page.getByText('Version 1', { exact: true })).toBeVisible();

  // Listed, and found by search.
  await navLink(page, 'Skills').click();
  await expect(page.getByRole('link', { name: 'My new skill' })).toBeVisible();
  await page.getByLabel('Search skills').fill('nothing-like-this');
  await expect(page.getByText('No skills match')).toBeVisible();
  await page.getByLabel('Search skills').fill('my-new');
  await expect(page.getByRole('link', { name: 'My new skill' })).toBeVisible();
  await screenshot(page, '24-skills-list');

  // Edit: a new description is a new version.
  await page.getByRole('link', { name: 'My new skill' }).click();
  await expect(page).toHaveURL(skillUrl);
  await typeContent(page, '---\nname: my-new-skill\ndescription: Reviews pull requests for missing tests.\n---\n\n# Reviewer\n\nRead the diff and list untested changes.\n');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByText('Version 2', { exact: true })).toBeVisible();
  await expect(page.getByText('Reviews pull requests for missing tests.').first()).toBeVisible();

  // A bad name is named next to the editor.
  await typeContent(page, '---\nname: Bad Name\ndescription: Reviews pull requests.\n---\n\nBody.\n');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const problems = page.getByTestId('skill-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('name:');
  await screenshot(page, '25-skill-validation');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('All changes saved')).toBeVisible();

  // Delete, confirmed.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/skills$/);
  await expect(page.getByText('No skills yet')).toBeVisible();
});

test('a skill with a secret shows its scan findings, masked, in the list and on its page', async ({ page }) => {
  await signUp(page);
  await page.goto('/skills/new');
  await typeContent(page, '---\nname: github-helper\ndescription: Lists open pull requests.\n---\n\n# GitHub helper\n\nUse the token ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8 to call the API.\n');
  await page.getByRole('button', { name: 'Create skill' }).click();
  await expect(page).toHaveURL(/\/skills\/[0-9a-f-]{36}$/);
  const secrets = page.getByTestId('findings-secrets');
  await expect(secrets).toContainText('github-token');
  await expect(secrets).toContainText('masked');
  await screenshot(page, '26-skill-findings');
  await page.goto('/skills');
  await expect(page.getByText('1 finding')).toBeVisible();
});
