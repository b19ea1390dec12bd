import { expect, test } from '@playwright/test';
import { navLink, screenshot, signUp, typeContent } from './helpers';

const broken = [
  '# Brief writer',
  '',
  'Writes a brief.',
  '',
  '## INPUTS',
  '- `topic` (string): What it is about',
  '- `topic` (text): The same name again',
  '',
  '## STEP 1: Research',
  '',
  'List facts about {{topic}}.',
  '',
  '@output(facts)',
].join('\n');

const fixed = broken.replace('- `topic` (text): The same name again\n', '- `audience` (enum: technical, general): Who reads it\n');

const branched = `${fixed}

## STEP 2: Write

\`\`\`if audience == "technical"\`\`\`

### STEP 2a: Technical brief

Write for engineers.

\`\`\`else\`\`\`

### STEP 2b: Plain brief

Write for everyone.

\`\`\`endif\`\`\`
`;

test('a playbook is written with live validation, saved, edited, outlined and restored to an earlier version', async ({ page }) => {
  // Some twenty round trips through the editor, the list and the versions: over a minute on a busy 2-core machine.
  test.setTimeout(180_000);
  await signUp(page);
  await navLink(page, 'Playbooks').click();
  await expect(page).toHaveTitle('Playbooks · Promptmark');
  await expect(page.getByText('No playbooks yet')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeFocused();

  // "New playbook" starts from an example that parses.
  await page.getByRole('main').getByRole('link', { name: 'New playbook' }).last().click();
  await expect(page).toHaveURL(/\/playbooks\/new$/);
  await expect(page.locator('.cm-content')).toContainText('## STEP 1: Research');
  await expect(page.getByTestId('playbook-validity')).toHaveText('Valid');
  await expect(page.getByTestId('playbook-outline')).toContainText('Write the brief');

  // A duplicate input name is an error, marked at its line in the editor and listed beside it.
  await typeContent(page, broken);
  const problems = page.getByTestId('playbook-problems');
  await expect(problems).toContainText('Line 7');
  await expect(problems).toContainText('Duplicate input name "topic"');
  await expect(page.getByTestId('playbook-validity')).toContainText('1 error');
  const errorLine = page.locator('.cm-line[data-diagnostic="error"]');
  await expect(errorLine).toHaveCount(1);
  await expect(errorLine).toHaveText('- `topic` (text): The same name again');
  await expect(page.locator('.cm-pm-diag-gutter .cm-pm-diag-error')).toHaveCount(1);
  await screenshot(page, 'playbook-validation-error');

  // The problem's button takes the cursor to its line.
  await problems.getByRole('button', { name: /Line 7/ }).click();
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toHaveText('- `topic` (text): The same name again');

  // Fixed: the mark goes, and the playbook is created, named after its # title.
  await typeContent(page, fixed);
  await expect(page.getByTestId('playbook-validity')).toHaveText('Valid');
  await expect(page.locator('.cm-line[data-diagnostic]')).toHaveCount(0);
  await page.getByPlaceholder('Add a tag and press Enter').fill('research');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Create playbook' }).click();
  await expect(page).toHaveURL(/\/playbooks\/[0-9a-f-]{36}$/);
  const playbookUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: 'Brief writer' })).toBeVisible();
  await expect(page.getByText('Version 1 · 1 step')).toBeVisible();

  // Edited: a branching second step shows in the outline, each arm at its marker line.
  await typeContent(page, branched);
  const outline = page.getByTestId('playbook-outline');
  await expect(outline.getByRole('button', { name: /Branch\s*if audience == "technical"/ })).toContainText('line 17');
  await expect(outline.getByRole('button', { name: /Step\s*2b\s*Plain brief/ })).toContainText('line 25');
  const elseArm = outline.getByRole('button', { name: /Branch\s*else/ });
  await expect(elseArm).toContainText('line 23');
  await elseArm.click();
  await expect(page.locator('.cm-activeLine')).toHaveText('```else```');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await screenshot(page, 'playbook-editor-outline');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByText('Version 2 · 2 steps')).toBeVisible();

  // Listed, found by its tag.
  await navLink(page, 'Playbooks').click();
  await expect(page.getByTestId('playbook-card')).toContainText('Brief writer');
  await page.getByRole('button', { name: 'Filter by the tag research' }).click();
  await expect(page).toHaveURL(/tags=research/);
  await expect(page.getByTestId('playbook-card')).toHaveCount(1);
  await page.getByLabel('Search playbooks').fill('nothing like it');
  await expect(page.getByText('No playbooks match')).toBeVisible();

  // Restored: version 1 comes back as the current state, and what it replaced is kept.
  await page.goto(`${playbookUrl}/versions`);
  await expect(page.getByTestId('playbook-version')).toHaveCount(1);
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page).toHaveURL(playbookUrl);
  await expect(page.getByText('Version 3 · 1 step')).toBeVisible();
  await expect(page.locator('.cm-content')).not.toContainText('STEP 2');
  await page.getByRole('tab', { name: 'Versions' }).click();
  await expect(page.getByTestId('playbook-version')).toHaveCount(2);

  // Deleted, after confirming.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/playbooks$/);
  await expect(page.getByText('No playbooks yet')).toBeVisible();
});
