import { expect, test, type Page } from '@playwright/test';
import { navLink, screenshot, signUp, typeContent } from './helpers';
import { startOpenAiServer } from './openAiServer';
import { startEverythingServer } from './everythingServer';
import { expectNoSeriousViolations } from './axe';

let model: Awaited<ReturnType<typeof startOpenAiServer>>;
let everything: Awaited<ReturnType<typeof startEverythingServer>>;
test.beforeAll(async () => { [model, everything] = await Promise.all([startOpenAiServer(['e2e-chat', 'e2e-other']), startEverythingServer()]); });
test.afterAll(async () => { everything?.stop(); await model?.stop(); });

/** Adds the scripted model server as the provider "local", from Settings (the page must show it). */
async function addLocalProvider(page: Page, { key, budget }: { key?: string; budget?: string } = {}) {
  const providers = page.getByRole('region', { name: 'Model providers' });
  await providers.getByRole('button', { name: 'Add provider' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a model provider' });
  await dialog.getByRole('combobox', { name: 'Provider' }).click();
  await page.getByRole('option', { name: /OpenAI-compatible server/ }).click();
  await dialog.getByLabel('Name').fill('local');
  await dialog.getByLabel('Base URL').fill(model.baseUrl);
  if (key) await dialog.getByLabel('API key').fill(key);
  if (budget) await dialog.getByLabel('Monthly budget (US dollars)').fill(budget);
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await expect(providers.getByTestId('provider-row')).toContainText('local');
}

/** A new user with the local provider starts a conversation with its default model (e2e-chat) and no tools. */
async function startConversation(page: Page, title: string) {
  await signUp(page);
  await navLink(page, 'Settings').click();
  await addLocalProvider(page);
  await navLink(page, 'Conversations').click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  const start = page.getByRole('dialog', { name: 'New conversation' });
  await start.getByLabel('Title').fill(title);
  await expect(start.getByRole('combobox', { name: 'Model' })).toHaveValue('e2e-chat');
  await start.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** A promise the test settles when it chooses: what a scripted reply waits for. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((ok) => { open = ok; });
  return { opened, open };
}

/** Types a message in the send box and sends it; the box is returned. */
async function sendMessage(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  return box;
}

test('a custom provider is added, a conversation started from a prompt, a provider failure shown, answers with usage and cost, the model switched', async ({ page }) => {
  await signUp(page);

  // No provider yet: the conversations page says so and leads to Settings.
  await navLink(page, 'Conversations').click();
  await expect(page.getByText('Add a model provider first')).toBeVisible();
  await page.getByRole('link', { name: 'Open Settings' }).click();
  await expect(page).toHaveURL(/\/settings#model-providers$/);

  // Add the local OpenAI-compatible server, with a key: the key is never shown back, only that one is set.
  await addLocalProvider(page, { key: 'sk-e2e-never-shown', budget: '5' });
  const row = page.getByRole('region', { name: 'Model providers' }).getByTestId('provider-row');
  await expect(row).toContainText('local');
  await expect(row).toContainText('Key set');
  await expect(row).toContainText('$0.00 of $5.00 this month');
  await expect(page.locator('body')).not.toContainText('sk-e2e-never-shown');
  await screenshot(page, '40-model-providers');

  // A prompt to run: its text becomes the conversation's system prompt.
  await navLink(page, 'New prompt').click();
  await page.getByLabel('Title').fill('Pirate voice');
  await typeContent(page, 'Answer like a pirate.');
  await page.getByRole('button', { name: 'Create prompt' }).click();
  await expect(page).toHaveURL(/\/prompts\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Run in a conversation' }).click();
  const start = page.getByRole('dialog', { name: 'New conversation' });
  await expect(start.getByLabel('Title')).toHaveValue('Pirate voice');
  await start.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('option', { name: 'e2e-chat' }).click();
  await expect(start.getByRole('combobox', { name: 'Linked prompt' })).toHaveValue('Pirate voice');
  await start.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pirate voice');

  // The provider fails: said plainly, nothing stored, the message back in the send box.
  model.script({ status: 503, message: 'the model is overloaded' });
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Where is the treasure?');
  await box.press('Enter');
  await expect(page.getByTestId('send-error')).toContainText('The model provider failed');
  await expect(page.getByTestId('send-error')).toContainText('Local answered 503: the model is overloaded');
  await expect(box).toHaveValue('Where is the treasure?');
  await expect(page.getByTestId('chat-message')).toHaveCount(0);

  // Shift+Enter adds a line; Enter sends. The answer is markdown, with a code block to copy, and its usage and cost.
  let answer = () => {};
  const answered = new Promise<void>((ok) => { answer = ok; });
  model.script({ text: 'Arr! It be **buried**:\n\n```python\nprint("X marks the spot")\n```', inputTokens: 1200, outputTokens: 80, after: answered });
  await box.press('Shift+Enter');
  await box.pressSequentially('Tell me now.');
  await expect(box).toHaveValue('Where is the treasure?\nTell me now.');
  await box.press('Enter');
  // While the model thinks: the question is shown, the answer is awaited, nothing else can be sent.
  await expect(page.getByTestId('pending-message')).toContainText('Tell me now.');
  await expect(page.getByText('Waiting for the model…')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  answer();
  const messages = page.getByTestId('chat-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0)).toHaveAttribute('data-role', 'user');
  await expect(messages.nth(1)).toHaveAttribute('data-role', 'assistant');
  await expect(messages.nth(1).locator('strong')).toHaveText('buried');
  await expect(messages.nth(1).locator('pre')).toContainText('print("X marks the spot")');
  await expect(messages.nth(1).getByRole('button', { name: 'Copy python code' })).toBeVisible();
  await expect(messages.nth(1).getByTestId('message-usage')).toContainText('1,200 in · 80 out tokens · $0.0048');
  await expect(page.getByTestId('send-error')).toHaveCount(0);
  await expect(box).toHaveValue('');

  // What the model was sent: the linked prompt as the system prompt, then the question.
  const sent = model.received.at(-1)!;
  expect(sent.model).toBe('e2e-chat');
  expect(sent.messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
  expect(sent.messages.at(-1)).toEqual({ role: 'user', content: 'Where is the treasure?\nTell me now.' });
  await screenshot(page, '41-chat');

  // Another model, with no price set: its answer says so instead of claiming it was free.
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('option', { name: 'e2e-other' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('e2e-other');
  model.script({ text: 'Aye.', inputTokens: 30, outputTokens: 2 });
  await box.fill('Again?');
  await box.press('Enter');
  await expect(messages).toHaveCount(4);
  expect(model.received.at(-1)!.model).toBe('e2e-other');
  await expect(messages.nth(3).getByTestId('message-usage')).toContainText('30 in · 2 out tokens · no price set for this model');

  // Rename; the list finds it by its new title and shows its model.
  await page.getByRole('button', { name: 'Rename the conversation' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Treasure hunt');
  await page.getByRole('textbox', { name: 'Title' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Treasure hunt');
  await navLink(page, 'Conversations').click();
  await page.getByLabel('Search conversations').fill('treasure');
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await expect(page.getByTestId('conversation-row')).toContainText('local/e2e-other');
  await expect(page.getByTestId('conversation-row')).toContainText('4 messages');

  // The month's spend is counted against the provider's budget.
  await navLink(page, 'Settings').click();
  await expect(page.getByTestId('provider-row')).toContainText('$0.0048 of $5.00 this month');
});

test('conversations are imported from JSON files, read back in windows, found by source and title, and deleted', async ({ page }) => {
  await signUp(page);
  await navLink(page, 'Conversations').click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'Recipe chat.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify([
      { role: 'user', content: 'A soup, <script>alert(1)</script> please' },
      { role: 'assistant', content: '| Step | What |\n| --- | --- |\n| 1 | Boil |' },
    ])),
  });
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Recipe chat');
  const messages = page.getByTestId('chat-message');
  await expect(messages).toHaveCount(2);
  // Raw HTML is shown as text, never run; a table is drawn as one.
  await expect(messages.nth(0)).toContainText('<script>alert(1)</script>');
  await expect(messages.nth(0).locator('script')).toHaveCount(0);
  await expect(messages.nth(1).getByRole('table')).toContainText('Boil');
  await expect(messages.nth(1).getByTestId('message-usage')).toHaveCount(0);

  await navLink(page, 'Conversations').click();
  await page.getByRole('combobox', { name: 'Filter by source' }).click();
  await page.getByRole('option', { name: 'Made here' }).click();
  await expect(page.getByText('No conversations match')).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by source' }).click();
  await page.getByRole('option', { name: 'JSON import' }).click();
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);

  // A long import opens on its newest 200 messages; the older ones come on request.
  await page.locator('input[type=file]').setInputFiles({
    name: 'Long chat.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(Array.from({ length: 205 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `Message ${i + 1}` })))),
  });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Long chat');
  await expect(messages).toHaveCount(200);
  await expect(messages.first()).toContainText(/Message 6$/);
  await page.getByRole('button', { name: 'Load earlier messages' }).click();
  await expect(messages).toHaveCount(205);
  await expect(messages.first()).toContainText(/Message 1$/);
  await expect(page.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0);
  await navLink(page, 'Conversations').click();
  await page.getByRole('textbox', { name: 'Search conversations' }).fill('recipe');
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete Recipe chat' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete conversation' }).click();
  await expect(page.getByText('No conversations match')).toBeVisible();
});

test('a connection tool is attached with Ask me: the model calls it, the call waits for approval, runs, and the model answers from its result', async ({ page }) => {
  await signUp(page);
  await page.goto('/connections/new');
  await page.getByLabel('Name').fill('Everything');
  await page.getByLabel('Server URL').fill(everything.url);
  await page.getByRole('button', { name: 'Add connection' }).click();
  await expect(page.getByTestId('tool-count')).toHaveText('14 tools');
  await page.getByRole('button', { name: 'Favourite echo' }).click();
  await expect(page.getByRole('button', { name: 'Unfavourite echo' })).toBeVisible();
  await navLink(page, 'Settings').click();
  await addLocalProvider(page);

  await navLink(page, 'Conversations').click();
  await page.getByRole('button', { name: 'New conversation' }).click();
  const start = page.getByRole('dialog', { name: 'New conversation' });
  await start.getByLabel('Title').fill('Echo chat');
  await expect(start.getByRole('combobox', { name: 'Model' })).toHaveValue('e2e-chat');
  await start.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Echo chat');

  // The picker lists the connection's tools, the favourite first; echo is attached with Ask me.
  await page.getByRole('button', { name: 'Choose tools' }).click();
  const picker = page.getByRole('dialog', { name: 'Tools the model may call' });
  const everythingTools = picker.getByRole('region', { name: 'Tools of Everything' });
  await expect(everythingTools.getByTestId('picker-tool')).toHaveCount(14);
  await expect(everythingTools.getByTestId('picker-tool').first()).toContainText('echo');
  await expect(picker.getByRole('combobox', { name: 'When echo runs' })).toBeDisabled();
  await picker.getByRole('checkbox', { name: 'echo', exact: true }).check();
  await picker.getByRole('combobox', { name: 'When echo runs' }).click();
  await page.getByRole('option', { name: 'Ask me' }).click();
  await expectNoSeriousViolations(page, 'tool picker');
  await picker.getByRole('button', { name: 'Save tools' }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByTestId('attached-tool')).toHaveText('echo · Ask me');

  // The model calls echo: the turn pauses on an approval card, and the send box says why it cannot send.
  model.script(
    { text: '', toolCalls: [{ id: 'call_echo_1', name: 'echo', arguments: { message: 'hello from the model' } }] },
    { text: 'The server answered: **Echo: hello from the model**.' },
  );
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Ask the echo tool to say hello.');
  await box.press('Enter');
  const card = page.getByTestId('approval-card');
  await expect(card).toContainText('The model wants to run echo');
  await expect(card.getByLabel('Arguments of echo')).toContainText('"message": "hello from the model"');
  expect(model.received.at(-1)!.tools).toEqual(['echo']);
  await expect(page.getByTestId('composer-hint')).toHaveText('Approve or deny the tool call above before sending');
  await box.fill('Another question');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(page.getByTestId('tool-call')).toContainText('Waiting for your approval');
  await screenshot(page, '42-chat-approval');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `chat awaiting approval (${scheme})`);
  }

  // Approved: echo runs, its result is shown, and the model answers from it.
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toBeHidden();
  const messages = page.getByTestId('chat-message');
  await expect(messages).toHaveCount(4);
  await expect(messages.nth(1)).toHaveAttribute('data-role', 'assistant');
  await expect(messages.nth(1).getByTestId('tool-call')).toContainText('Approved');
  await messages.nth(1).getByTestId('tool-call').locator('summary').click();
  await expect(messages.nth(1).getByLabel('Arguments of echo')).toContainText('"message": "hello from the model"');
  await expect(messages.nth(2)).toHaveAttribute('data-role', 'tool');
  await expect(messages.nth(2).getByTestId('tool-outcome')).toHaveText('Ran');
  await messages.nth(2).getByTestId('tool-result').locator('summary').click();
  await expect(messages.nth(2).getByTestId('tool-result')).toContainText('Echo: hello from the model');
  await expect(messages.nth(2).getByRole('link', { name: 'See the execution log' })).toHaveAttribute('href', /\/connections\/executions\?connection=[0-9a-f-]{36}$/);
  await expect(messages.nth(3).locator('strong')).toHaveText('Echo: hello from the model');
  await expect(page.getByTestId('composer-hint')).toHaveText('Enter sends, Shift+Enter starts a new line.');
  await expect(box).toHaveValue('Another question');
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();

  // What the model was sent after the approval: its call, then echo's result under the same id.
  const resumed = model.received.at(-1)!;
  expect(resumed.messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_echo_1' });
  expect(JSON.stringify(resumed.messages.at(-1))).toContain('Echo: hello from the model');
  await screenshot(page, '43-chat-tool-result');
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousViolations(page, `chat with a tool call and its result (${scheme})`);
  }

  // Removing the chip detaches the tool.
  await page.getByRole('button', { name: 'Remove echo' }).click();
  await expect(page.getByTestId('attached-tool')).toHaveCount(0);
  await expect(page.getByText('None: the model answers from its own knowledge.')).toBeVisible();
});

test('the answer shows as the model writes it, then stands as stored', async ({ page }) => {
  await startConversation(page, 'Streaming');

  // The model writes half its answer, then holds the rest back: the half is on the page, nothing stored yet.
  const rest = gate();
  model.script({ text: 'Arr, the treasure lies', rest: { text: ' under the **palm**.', after: rest.opened } });
  await sendMessage(page, 'Where is it?');
  const streaming = page.getByTestId('streaming-message');
  await expect(streaming).toContainText('Arr, the treasure lies');
  await expect(streaming).not.toContainText('palm');
  await expect(page.getByTestId('pending-message')).toContainText('Where is it?');
  await expect(page.getByTestId('chat-message')).toHaveCount(0);
  expect(model.received.at(-1)!.stream).toBe(true);

  // The rest comes: the stored turn replaces the streamed one, with its usage, and a reload shows the same.
  rest.open();
  const messages = page.getByTestId('chat-message');
  await expect(messages).toHaveCount(2);
  await expect(streaming).toHaveCount(0);
  await expect(messages.nth(1)).toContainText('Arr, the treasure lies under the palm.');
  await expect(messages.nth(1).locator('strong')).toHaveText('palm');
  await expect(messages.nth(1).getByTestId('message-usage')).toContainText('10 in · 5 out tokens');
  await page.reload();
  await expect(messages).toHaveCount(2);
});

test('Stop cancels the turn being written: its model call is dropped, nothing is stored, the message goes back to the send box', async ({ page }) => {
  await startConversation(page, 'Stopped');

  const rest = gate();
  model.script({ text: 'Let me think about', rest: { text: ' this for ever.', after: rest.opened } });
  const box = await sendMessage(page, 'Think hard.');
  await expect(page.getByTestId('streaming-message')).toContainText('Let me think about');
  const call = model.received.at(-1)!;
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(page.getByTestId('send-stopped')).toContainText('nothing was stored');
  await expect(page.getByTestId('streaming-message')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await expect(box).toHaveValue('Think hard.');
  await expect(page.getByTestId('chat-message')).toHaveCount(0);
  // Promptmark hung up on the model server: the turn was cancelled, not left running.
  await expect.poll(() => call.abandoned).toBe(true);
  rest.open();
  await page.reload();
  await expect(page.getByText('Say something')).toBeVisible();
  await expect(page.getByTestId('chat-message')).toHaveCount(0);

  // The conversation is not held up by the stopped turn: the next message is answered and stored.
  model.script({ text: 'Done thinking.' });
  await sendMessage(page, 'Think hard.');
  await expect(page.getByTestId('chat-message')).toHaveCount(2);
  await expect(page.getByTestId('chat-message').nth(1)).toContainText('Done thinking.');
});
