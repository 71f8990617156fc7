import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

test('incident lists: a category added in Settings is offered by the incident form; a duplicate is refused before saving', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Settings');
  const panel = page.getByRole('region', { name: 'Incident lists (taxonomy)' });
  await expect(panel.getByText(/In use: the shipped presets/)).toBeVisible();
  await panel.getByLabel('List', { exact: true }).selectOption('category');

  await panel.getByRole('button', { name: 'Add a term' }).click();
  // The new term's value box has the focus: typing goes straight in.
  await page.keyboard.type('Carjacking');
  await panel.getByLabel('Français label of Carjacking').fill('Car-jacking');
  await panel.getByRole('button', { name: 'Add a term' }).click();
  await page.keyboard.type('carjacking');
  await expect(panel.getByText('Already in this list.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save lists' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Delete carjacking', exact: true }).click();
  await panel.getByRole('button', { name: 'Save lists' }).click();
  await expect(page.getByText('Incident lists saved.')).toBeVisible();
  await expect(panel.getByText('In use: this delegation\'s own lists.')).toBeVisible();

  const stored = await call(page, 'incidents.taxonomy', {});
  expect(stored.taxonomy.category.at(-1)).toEqual({ value: 'Carjacking', labels: { fr: 'Car-jacking' } });

  await openPage(page, 'Incidents');
  await page.getByRole('button', { name: 'Record an incident' }).first().click();
  const form = page.getByRole('dialog', { name: 'Record an incident' });
  await expect(form.locator('#incident-category-list option[value="Carjacking"]')).toHaveCount(1);
  await form.getByLabel('Category', { exact: true }).fill('Carjacking');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Back to the presets, after a confirmation.
  await openPage(page, 'Settings');
  await panel.getByRole('button', { name: 'Reset to presets…' }).click();
  await page.getByRole('dialog', { name: 'Reset the incident lists?' }).getByRole('button', { name: 'Reset to presets' }).click();
  await expect(panel.getByText(/In use: the shipped presets/)).toBeVisible();
  expect((await call(page, 'incidents.taxonomy', {})).customised).toBe(false);
});
