import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callApi, signUp } from '../e2e/helpers';
import { startEverythingServer } from '../e2e/everythingServer';
import { OAuthTestClient } from '../e2e/oauthClient';

const shots = fileURLToPath(new URL('../../../artifacts/screenshots/tour/', import.meta.url));

const sizes = {
  wide: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
} satisfies Record<string, BrowserContextOptions>;

const template = 'Write a {{tone:enum:friendly,formal:friendly}} reply to {{customer}} about {{topic:text}}.\nKeep it under 120 words.';

/** One user's library with something on every page: prompts with versions and labels, a collection, tags, a skill, a connection with a tool run, a chat, an authorized app. */
async function fillLibrary(page: Page, mcpUrl: string, oauthApp: OAuthTestClient) {
  await signUp(page);
  const collection = await callApi(page, 'POST', '/api/collections', { name: 'Support desk', description: 'Replies to customers', color: 'cyan' });
  const reply = await callApi(page, 'POST', '/api/prompts', { title: 'Customer reply', prompt: template, tags: ['support', 'email'], collection_id: collection.id });
  await callApi(page, 'PATCH', `/api/prompts/${reply.id}`, { prompt: template.replace('120', '80'), version_note: 'Shorter answers' });
  await callApi(page, 'PATCH', `/api/prompts/${reply.id}`, { prompt: template.replace('120', '80').replace('reply', 'short reply'), version_note: 'Say short' });
  await callApi(page, 'PUT', `/api/prompts/${reply.id}/labels/production`, { version: 2 });
  await callApi(page, 'POST', '/api/prompts', {
    title: 'Summarise a support ticket with a very long title that has to wrap somewhere on a phone',
    prompt: 'You are a helpful assistant. Summarise the ticket below in three bullet points, then suggest a next step.', tags: ['support'],
  });
  await callApi(page, 'POST', '/api/prompts', { title: 'Code review', prompt: 'Review this diff for bugs and naming.', tags: ['engineering'] });
  await callApi(page, 'POST', '/api/skills', {
    content: '---\nname: tone-guide\ndescription: How we write to customers.\n---\n\n# Tone guide\n\nFriendly, short, no jargon.', title: null, icon_emoji: null, tags: ['support'], is_draft: false,
  });

  await page.goto('/connections/new');
  await page.getByLabel('Name').fill('Everything');
  await page.getByLabel('Server URL').fill(mcpUrl);
  await page.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByTestId('tool-row').first()).toBeVisible();
  const connection = new URL(page.url()).pathname;
  await page.goto(`${connection}/tools/echo`);
  await page.getByRole('form', { name: 'Arguments of echo' }).getByRole('textbox').first().fill('Hello from the tour');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tool-output')).toContainText('Echo: Hello from the tour');

  await page.goto('/conversations');
  await page.locator('input[type=file]').setInputFiles({
    name: 'Launch plan.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([
      { role: 'user', content: 'Draft a launch checklist for the support team.' },
      { role: 'assistant', content: 'Here is a checklist:\n\n1. Update the macros\n2. Brief the team\n\n```js\nconsole.log("ready")\n```' },
    ])),
  });
  await expect(page.getByTestId('chat-message')).toHaveCount(2);
  const chat = new URL(page.url()).pathname;

  await page.goto(oauthApp.authorizeUrl());
  await page.getByRole('button', { name: 'Approve' }).click();
  await oauthApp.callback();
  return { prompt: `/prompts/${reply.id}`, collection: collection.id, connection, chat };
}

async function shoot(page: Page, name: string) {
  // Every page has one h1 once its lazy code has loaded and rendered.
  await expect(page.locator('h1').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
}

async function tour(browser: Browser, options: BrowserContextOptions, prefix: string, pages: [string, string][]) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const [name, url] of pages) {
    await page.goto(url);
    await shoot(page, `${prefix}-${name}`);
  }
  return { context, page };
}

test('every page in light and dark, wide and on a phone', async ({ browser, baseURL }) => {
  test.setTimeout(1_200_000);
  mkdirSync(shots, { recursive: true });
  const everything = await startEverythingServer();
  const approved = new OAuthTestClient(baseURL!, 'Claude Desktop');
  const asking = new OAuthTestClient(baseURL!, 'Screenshot Assistant');
  try {
    await approved.register();
    await asking.register();
    const setup = await browser.newContext();
    const made = await fillLibrary(await setup.newPage(), everything.url, approved);
    const storageState = await setup.storageState();
    await setup.close();

    const signedIn: [string, string][] = [
      ['library', '/'],
      ['library-collection', `/?collection=${made.collection}`],
      ['library-no-match', '/?q=nothing-like-this'],
      ['new-prompt', '/prompts/new'],
      ['editor', made.prompt],
      ['use', `${made.prompt}/use`],
      ['versions', `${made.prompt}/versions/3`],
      ['compare', `${made.prompt}/versions/1`],
      ['responses', `${made.prompt}/responses`],
      ['collections', '/collections'],
      ['tags', '/tags'],
      ['skills', '/skills'],
      ['new-skill', '/skills/new'],
      ['connections', '/connections'],
      ['new-connection', '/connections/new'],
      ['connection', made.connection],
      ['tool-runner', `${made.connection}/tools/echo`],
      ['executions', '/connections/executions'],
      ['conversations', '/conversations'],
      ['chat', made.chat],
      ['settings', '/settings'],
      ['consent', asking.authorizeUrl()],
      ['not-found', '/no-such-page'],
    ];
    for (const [size, options] of Object.entries(sizes)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const prefix = `${size}-${colorScheme}`;
        const visit = await tour(browser, { ...options, colorScheme, storageState }, prefix, signedIn);
        if (size === 'phone') {
          await visit.page.goto('/');
          await visit.page.getByRole('button', { name: 'Open navigation' }).click();
          await shoot(visit.page, `${prefix}-navigation`);
          await visit.page.goto('/');
          await visit.page.getByRole('button', { name: /^Filters/ }).click();
          await shoot(visit.page, `${prefix}-library-filters`);
        }
        await visit.context.close();
        const signedOut = await tour(browser, { ...options, colorScheme }, prefix, [['sign-in', '/sign-in'], ['sign-up', '/sign-up']]);
        await signedOut.context.close();
      }
    }
  } finally {
    approved.close();
    asking.close();
    everything.stop();
  }
});
