import { expect, test } from '@playwright/test';
import { callApi, screenshot, signUp } from './helpers';
import { startOpenAiServer } from './openAiServer';

let model: Awaited<ReturnType<typeof startOpenAiServer>>;
test.beforeAll(async () => { model = await startOpenAiServer(['e2e-chat']); });
test.afterAll(async () => { await model?.stop(); });

const report = [
  '# Report writer',
  '',
  'Writes a report.',
  '',
  '## INPUTS',
  '',
  '- `topic` (string): What the report is about',
  '- `length` (enum: short, long): How long it is',
  '',
  '## STEP 1: Research',
  '',
  'List facts about {{topic}}.',
  '',
  '@output(facts)',
  '',
  '## STEP 2: Outline',
  '',
  'Outline a {{length}} report from {{facts}}.',
  '',
  '## STEP 3: Tone',
  '',
  '@elicit(select, "Which tone?", "Formal", "Casual")',
  '',
  '## STEP 4: Write',
  '',
  'Write the report on {{topic}}.',
  '',
  '## ARTIFACTS',
  '',
  'type: markdown',
].join('\n');

test('a playbook runs from its form, pauses at a breakpoint, resumes with a changed value, asks a question and shows its artifact', async ({ page }) => {
  await signUp(page);
  await callApi(page, 'PUT', '/api/providers/local', { base_url: model.baseUrl });
  const playbook = await callApi(page, 'POST', '/api/playbooks', { title: 'Report writer', content: report, default_model_id: 'local/e2e-chat' });
  model.script(
    { text: 'Tides rise twice a day.', inputTokens: 12, outputTokens: 6 },
    { text: '1. Causes\n2. Effects', inputTokens: 20, outputTokens: 8 },
    { text: '# Tides report\n\nThe moon pulls the sea. <b>raw</b>', inputTokens: 30, outputTokens: 10 },
  );

  // The run form: one field per input (the enum as a select), the default model, a breakpoint after step 2.
  await page.goto(`/playbooks/${playbook.id}`);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page).toHaveURL(/\/runs$/);
  const form = page.getByRole('form', { name: 'Run the playbook' });
  await expect(form.getByRole('combobox', { name: 'Model' })).toHaveValue('e2e-chat');
  await form.getByRole('button', { name: 'Run playbook' }).click();
  await expect(form.getByText('Required')).toHaveCount(2);
  await form.getByLabel('topic').fill('tides');
  await form.getByRole('combobox', { name: 'length' }).click();
  await page.getByRole('option', { name: 'short' }).click();
  await form.getByRole('checkbox', { name: 'Step 2: Outline' }).check();
  await form.getByRole('button', { name: 'Run playbook' }).click();

  // The run view follows the run: two steps with their output and usage, then the pause.
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'Paused after step 2' })).toBeVisible({ timeout: 30_000 });
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('listitem', { name: 'Step 1: Research' })).toContainText('Tides rise twice a day.');
  await expect(steps.getByRole('listitem', { name: 'Step 2: Outline' })).toContainText('20 in · 8 out (28 tokens)');
  await expect(steps.getByRole('listitem', { name: 'Step 2: Outline' })).toContainText('local/e2e-chat');
  await expect(page.getByTestId('run-totals')).toContainText('46 tokens');
  expect(model.received[1]!.messages.at(-1)!.content).toBe('Outline a short report from Tides rise twice a day..');
  await screenshot(page, 'playbook-run-paused');

  // Resume with the topic changed: the next steps read the new value.
  const resume = page.getByRole('form', { name: 'Resume the run' });
  await resume.getByLabel('topic').fill('tides at night');
  await resume.getByRole('button', { name: 'Resume' }).click();

  // Step 3 asks; the answer lets the run go on to the end.
  const question = page.getByTestId('elicitation');
  await expect(question).toContainText('Which tone?', { timeout: 30_000 });
  await question.getByRole('radio', { name: 'Casual' }).check();
  await question.getByRole('button', { name: 'Answer' }).click();

  const artifact = page.getByRole('region', { name: /Artifact/ });
  await expect(artifact.getByRole('heading', { name: 'Tides report' })).toBeVisible({ timeout: 30_000 });
  await expect(artifact).toContainText('<b>raw</b>');
  await expect(artifact.locator('b')).toHaveCount(0);
  await expect(steps.getByRole('listitem', { name: 'Step 3: Tone' })).toContainText('Casual');
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
  expect(model.received.at(-1)!.messages.at(-1)!.content).toBe('Write the report on tides at night.');
  await screenshot(page, 'playbook-run-completed');

  // The history lists the run, completed, with its tokens.
  await page.getByRole('link', { name: 'All runs' }).click();
  const history = page.getByTestId('run-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('completed');
  await expect(history.getByRole('row').nth(1)).toContainText('86');
});

test('a mermaid artifact is drawn as a diagram and an html_css one is shown in a frame with no permissions', async ({ page }) => {
  await signUp(page);
  await callApi(page, 'PUT', '/api/providers/local', { base_url: model.baseUrl });
  const runOf = async (type: string, answer: string) => {
    const playbook = await callApi(page, 'POST', '/api/playbooks', { title: type, content: `# ${type}\n\n## STEP 1: Draw\n\nDraw.\n\n## ARTIFACTS\n\ntype: ${type}\n`, default_model_id: 'local/e2e-chat' });
    model.script({ text: answer });
    const run = await callApi<{ id: string; status: string }>(page, 'POST', `/api/playbooks/${playbook.id}/executions`, {});
    expect(run.status).toBe('completed');
    await page.goto(`/playbooks/${playbook.id}/runs/${run.id}`);
    return page.getByRole('region', { name: /Artifact/ });
  };

  const diagram = await runOf('mermaid', 'graph TD\n  Moon --> Tides');
  await expect(diagram.getByRole('img', { name: 'Diagram' })).toBeVisible({ timeout: 30_000 });
  expect(await diagram.getByRole('img', { name: 'Diagram' }).getAttribute('src')).toContain('Tides');

  const html = await runOf('html_css', '<h1>Hello</h1><p style="color: teal">styled</p>');
  const frame = html.locator('iframe[title="Artifact preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe[title="Artifact preview"]').getByRole('heading', { name: 'Hello' })).toBeVisible();
});
