import { expect, test, type Locator, type Page } from '@playwright/test';
import { callApi, signUp } from './helpers';

const createPrompt = async (page: Page, title: string, prompt: string, tags: string[] = []) =>
  (await callApi(page, 'POST', '/api/prompts', { title, prompt, tags })).id;

/** How many of the elements lie wholly inside the viewport. */
async function fullyVisible(elements: Locator) {
  return elements.evaluateAll((all) => all.filter((e) => {
    const box = e.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  }).length);
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the library shows more than two and a half cards on the first screen, its filters in a sheet', async ({ page }) => {
    await signUp(page);
    for (const n of [1, 2, 3, 4, 5]) {
      await createPrompt(page, `Support answer ${n}`, `Answer the customer about {{topic}} in a friendly tone.\nKeep it short (${n}).`, ['support']);
    }
    await page.reload();
    const cards = page.getByTestId('prompt-card');
    await expect(cards).toHaveCount(5);
    expect(await fullyVisible(cards)).toBeGreaterThanOrEqual(3);

    // The filters wait in a sheet; the button counts the active ones.
    await expect(page.getByRole('combobox', { name: 'Filter by tag' })).toBeHidden();
    const filters = page.getByRole('button', { name: /^Filters/ });
    await filters.click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await sheet.getByRole('combobox', { name: 'Filter by tag' }).click();
    await page.getByRole('option', { name: 'support (5)' }).click();
    await expect(page).toHaveURL(/tag=support/);
    await sheet.getByText('Templates', { exact: true }).click();
    await expect(page).toHaveURL(/kind=templates/);
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.y, 'the sheet rises from the bottom, over part of the page').toBeGreaterThan(300);
    expect(sheetBox.width, 'the sheet spans the screen').toBeCloseTo(390, 0);
    await sheet.getByRole('button', { name: 'Show 5 prompts' }).click();
    await expect(sheet).toBeHidden();
    await expect(filters).toHaveAccessibleName('Filters, 2 active');
  });

  test('the prompt editor keeps its tabs on one row and its Save button on screen; no keyboard hints on touch', async ({ page }) => {
    await signUp(page);
    const content = Array.from({ length: 40 }, (_, i) => `Step ${i + 1}: answer {{question}} plainly.`).join('\n');
    const id = await createPrompt(page, 'A long checklist', content);
    await page.goto(`/prompts/${id}`);

    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(4);
    const tops = await tabs.evaluateAll((all) => all.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
    const tabList = page.getByRole('tablist');
    const listBox = (await tabList.boundingBox())!;
    expect(listBox.x + listBox.width).toBeLessThanOrEqual(390);

    // Far down the form, after an edit, Save is still on screen.
    await page.getByLabel('Notes').fill('Checked with the support team.');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await expect(save).toBeInViewport({ ratio: 1 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(save).toBeInViewport({ ratio: 1 });
    const bar = (await page.getByTestId('save-bar').boundingBox())!;
    expect(bar.y + bar.height, 'the save bar sits on the bottom edge, within reach of a thumb').toBeCloseTo(844, 0);

    // A phone has no Ctrl key to press.
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
    await expect(page.getByText('All changes saved').or(page.getByText('Unsaved changes'))).toBeVisible();
    await expect(page.locator('kbd').filter({ visible: true })).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByRole('textbox', { name: 'Search prompts' })).not.toHaveAttribute('placeholder', /\( \/ \)/);
  });
});

test('with a mouse and keyboard the filters stay in the page and the keyboard hints show', async ({ page }) => {
  await signUp(page);
  await expect(page.getByRole('combobox', { name: 'Filter by tag' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Search prompts' })).toHaveAttribute('placeholder', /\( \/ \)/);
  await page.goto('/prompts/new');
  await expect(page.locator('kbd').filter({ visible: true })).toHaveCount(2);
});
