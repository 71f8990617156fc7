import { expect, test } from './fixtures';
import { createVault, openPage } from './helpers';

test('daily log: three entries written with the keyboard only, one promoted to an incident', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Daily log');
  await expect(page.getByText('No entries for this day.')).toBeVisible();
  const form = page.getByRole('form', { name: 'New log entry' });
  const source = form.getByLabel('Source', { exact: true });
  await expect(source).toBeFocused();

  // 1: Enter from a one-line field saves; the grade is picked by typing in the selects.
  await page.keyboard.type('INSO flash');
  await page.keyboard.press('Tab');
  await page.keyboard.type('INSO');
  await page.keyboard.press('Tab');
  await page.keyboard.type('B');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Roadblock on the airport road, traffic diverted');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Airport road');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Entries: 1$/ })).toBeVisible();
  await expect(source).toBeFocused();
  await expect(source).toHaveValue('');

  // 2: Ctrl+Enter from the summary saves; a plain Enter there is a new line.
  await page.keyboard.type('Night guard');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('Shots heard east of the office');
  await page.keyboard.press('Enter');
  await page.keyboard.type('around midnight');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Entries: 2$/ })).toBeVisible();
  await expect(source).toBeFocused();

  // 3: the summary alone is enough.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('Curfew announced from 22:00 in the old town');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Entries: 3$/ })).toBeVisible();

  const table = page.getByRole('table');
  const roadblock = table.getByRole('row').filter({ hasText: 'Roadblock on the airport road' });
  await expect(roadblock).toContainText('INSO flash · INSO / UNDSS');
  await expect(roadblock).toContainText('B2');
  await expect(table.getByRole('row').filter({ hasText: 'Shots heard east of the office\naround midnight' })).toContainText('Night guard · Other');

  await roadblock.getByRole('button', { name: 'Make incident' }).click();
  await expect(roadblock.getByRole('link', { name: 'Incident created' })).toBeVisible();
  await roadblock.getByRole('link', { name: 'Incident created' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^1 of 1 incidents$/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Airport road' })).toBeVisible();

  // The Home tile counts today's entries.
  await openPage(page, 'Home');
  await expect(page.getByRole('region', { name: 'Daily log' })).toContainText('Entries today: 3');
});
