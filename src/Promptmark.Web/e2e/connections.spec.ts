import { expect, test } from '@playwright/test';
import { navLink, screenshot, signUp } from './helpers';
import { startEverythingServer } from './everythingServer';

let everything: Awaited<ReturnType<typeof startEverythingServer>>;
test.beforeAll(async () => { everything = await startEverythingServer(); });
test.afterAll(() => everything?.stop());

test('a connection is added, tested, browsed, its tools run with streamed output and logged, then edited', async ({ page }) => {
  await signUp(page);
  await navLink(page, 'Connections').click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByText('No connections yet')).toBeVisible();
  await expect(page.getByTestId('civic-card')).toBeVisible();
  await screenshot(page, '30-connections-empty');

  // Add a connection to the local server-everything, without authentication.
  await page.getByRole('link', { name: 'Add your first connection' }).click();
  await page.getByLabel('Name').fill('Everything');
  await page.getByLabel('Server URL').fill(everything.url);
  await page.getByRole('button', { name: 'Add connection' }).click();
  await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}$/);
  const connectionUrl = new URL(page.url()).pathname;

  // Added means tested: the page opens with a green dot and the 14 tools, without pressing Test.
  await expect(page.getByTestId('status-dot')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('tool-count')).toHaveText('14 tools');
  await expect(page.getByTestId('tool-row')).toHaveCount(14);
  await expect(page.getByText('No tools cached yet')).toHaveCount(0);

  // Test again: still connected (the toast from adding may not have closed yet on a fast run).
  await page.getByRole('button', { name: 'Test Everything' }).click();
  await expect(page.getByText('Connected: 14 tools available').last()).toBeVisible();

  // Search, then favourite get-sum and echo: favourites come first.
  await page.getByLabel('Search tools').fill('long running');
  await expect(page.getByTestId('tool-row')).toHaveCount(1);
  await page.getByLabel('Search tools').fill('');
  const rows = page.getByTestId('tool-row');
  await expect(rows.nth(1)).toContainText('get-annotated-message');
  await page.getByRole('button', { name: 'Favourite get-sum' }).click();
  await expect(rows.first()).toContainText('get-sum');
  await page.getByRole('button', { name: 'Favourite echo' }).click();
  await expect(page.getByRole('button', { name: 'Unfavourite echo' })).toBeVisible();
  await expect(rows.first()).toContainText('echo');
  await expect(rows.nth(1)).toContainText('get-sum');
  await page.mouse.move(0, 0);
  await screenshot(page, '31-connection-tools');

  // echo through the generated form: the result streams back.
  await page.getByRole('link', { name: 'echo', exact: true }).click();
  await expect(page).toHaveURL(`${connectionUrl}/tools/echo`);
  await expect(page.getByTestId('input-schema')).toContainText('message');
  await page.getByRole('form', { name: 'Arguments of echo' }).getByRole('textbox').first().fill('hello');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tool-output')).toContainText('Echo: hello');
  await expect(page.getByTestId('run-latency')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Runs of this tool' }).getByTestId('execution')).toHaveCount(1);
  await screenshot(page, '32-tool-result');

  // A long-running tool through raw JSON: progress, then the result.
  await page.goto(`${connectionUrl}/tools/trigger-long-running-operation`);
  await page.getByText('Raw JSON', { exact: true }).click();
  const json = page.getByTestId('arguments-json').locator('.cm-content');
  await json.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"duration": 4, "steps": 4}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Steps come every second: look often enough to see one go by, even on a loaded machine.
  const progress = page.getByTestId('run-progress');
  await expect.poll(() => progress.textContent().catch(() => ''), { intervals: [50], timeout: 10_000 }).toMatch(/Step \d of 4/);
  await expect(page.getByTestId('tool-output')).toContainText('Long running operation completed');
  await expect(page.getByTestId('execution-status').first()).toHaveText('Success');

  // Arguments that do not fit the schema are named next to the form.
  await json.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"duration": "soon"}');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('run-problem')).toContainText('duration');

  // Both runs in the execution log, newest first.
  await page.goto('/connections/executions');
  const log = page.getByTestId('execution');
  await expect(log).toHaveCount(2);
  await expect(log.first()).toContainText('trigger-long-running-operation');
  await expect(log.nth(1)).toContainText('echo');
  await log.nth(1).getByRole('button').click();
  await expect(log.nth(1)).toContainText('Echo: hello');
  await screenshot(page, '33-execution-log');

  // Edit: switch to a bearer token; the stored secret is never shown again.
  await page.goto(`${connectionUrl}/edit`);
  await page.getByRole('combobox', { name: 'Authentication' }).click();
  await page.getByRole('option', { name: 'Bearer token' }).click();
  await page.getByLabel('Bearer token').fill('a-secret-token');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(connectionUrl);
  await page.getByRole('link', { name: 'Edit' }).click();
  const secret = page.getByLabel('Bearer token');
  await expect(secret).toHaveValue('');
  await expect(secret).toHaveAttribute('placeholder', /^Stored/);
  await screenshot(page, '34-connection-edit');

  // The list shows the card; Connect Civic is offered while there is no Civic connection.
  await navLink(page, 'Connections').click();
  await expect(page.getByTestId('connection-card')).toHaveCount(1);
  await expect(page.getByTestId('connection-card').getByTestId('status-dot')).toHaveAttribute('data-status', 'connected');
  await screenshot(page, '35-connections');
  await page.getByRole('link', { name: 'Connect Civic' }).click();
  await expect(page.getByLabel('Server URL')).toHaveValue('https://app.civic.com/hub/mcp');
  await expect(page.getByLabel('Bearer token')).toHaveValue('');
  await screenshot(page, '36-connect-civic');

  // The same pages in the dark theme.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.goto('/connections');
  await screenshot(page, '37-connections-dark');
  await page.goto(`${connectionUrl}/tools/echo`);
  await page.getByRole('form', { name: 'Arguments of echo' }).getByRole('textbox').first().fill('dark');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('tool-output')).toContainText('Echo: dark');
  await screenshot(page, '38-tool-result-dark');
});
