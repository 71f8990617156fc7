import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const dialog = (page: Page) => page.getByRole('dialog').last();

test('risks: create a risk, add two measures, lower its residual likelihood, see the history and the heat map move', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  // One risk already in the register so the page shows its grid and heat maps.
  await call(page, 'risks.create', { title: 'Flooding of the warehouse', category: 'hazards', inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 1, residualImpact: 1 });
  await openPage(page, 'Risk register');

  await page.getByRole('button', { name: 'New risk' }).click();
  await dialog(page).getByLabel('Risk').fill('Carjacking on the airport road');
  await dialog(page).getByLabel('Category').selectOption('crime');
  await dialog(page).getByRole('group', { name: /Inherent risk/ }).getByLabel('Likelihood').selectOption('4');
  await dialog(page).getByRole('group', { name: /Inherent risk/ }).getByLabel('Impact').selectOption('4');
  await dialog(page).getByRole('group', { name: /Residual risk/ }).getByLabel('Likelihood').selectOption('3');
  await dialog(page).getByRole('group', { name: /Residual risk/ }).getByLabel('Impact').selectOption('4');
  await dialog(page).getByRole('button', { name: 'Save' }).click();

  // The new risk opens in its detail view.
  await expect(dialog(page)).toContainText('R-002 Carjacking on the airport road');
  await expect(page.getByTestId('heat-residual-3-4')).toHaveText('1');
  for (const title of ['Two-vehicle convoys', 'No movement after dark']) {
    await dialog(page).getByLabel('New measure').fill(title);
    await dialog(page).getByRole('button', { name: 'Add measure' }).click();
    await expect(dialog(page).getByTestId('linked-measure').filter({ hasText: title })).toBeVisible();
  }
  await expect(dialog(page).getByTestId('linked-measure')).toHaveCount(2);

  await dialog(page).getByRole('button', { name: 'Edit' }).click();
  await dialog(page).getByRole('group', { name: /Residual risk/ }).getByLabel('Likelihood').selectOption('1');
  await dialog(page).getByLabel('Comment for the history').fill('Convoys in place');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  // Back in the detail view: the history shows the change with its comment.
  const entry = dialog(page).getByTestId('history-entry').first();
  await expect(entry).toContainText('Changed');
  await expect(entry).toContainText('Residual likelihood: 3 → 1');
  await expect(entry).toContainText('Convoys in place');
  await expect(dialog(page).getByTestId('history-entry')).toHaveCount(4);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The heat map cell moved from 3x4 to 1x4; clicking it filters the grid to that risk.
  await expect(page.getByTestId('heat-residual-3-4')).toHaveText('');
  await expect(page.getByTestId('heat-residual-1-4')).toHaveText('1');
  await page.getByTestId('heat-residual-1-4').click();
  await expect(page.getByRole('status').filter({ hasText: /^Risks shown: 1 of 2$/ })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'Carjacking on the airport road' }).dblclick();
  await dialog(page).getByRole('button', { name: 'Reviewed, no change' }).click();
  await expect(dialog(page).getByTestId('history-entry').first()).toContainText('Reviewed, no change');
});

test('risks: the Export menu writes exactly the grid view (heat-map filter) as CSV', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'risks.create', { title: 'Flooding of the warehouse', category: 'hazards', inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 1, residualImpact: 1 });
  await call(page, 'risks.create', { title: 'Carjacking on the airport road', category: 'crime', inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 3, residualImpact: 4 });
  await openPage(page, 'Risk register');
  await page.getByTestId('heat-residual-3-4').click();
  await expect(page.getByRole('status').filter({ hasText: /^Risks shown: 1 of 2$/ })).toBeVisible();

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risks-export-'));
  try {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const picker = page.getByRole('dialog', { name: 'Export the risk register view' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.')).toBeVisible();
    await picker.getByLabel('File name').fill('cell.csv');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/Exported and verified: .*cell\.csv.*\(1 row\)/)).toBeVisible();
    const lines = fs.readFileSync(path.join(folder, 'cell.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Ref.');
    expect(lines[1]).toContain('Carjacking on the airport road');
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toContain('cell.csv');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('risks: "changes since" lists the risks whose level changed, with levels before and after; grouping filters the grid', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'risks.create', { title: 'Flooding of the warehouse', category: 'hazards', inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 1, residualImpact: 1 });
  const carjacking = { title: 'Carjacking on the airport road', category: 'crime', inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 3, residualImpact: 3 };
  const risk = (await call(page, 'risks.create', carjacking)) as { id: string };
  await call(page, 'risks.update', { ...carjacking, id: risk.id, residualLikelihood: 1, comment: 'Convoys in place' });
  await openPage(page, 'Risk register');

  // Grouping: the group list counts per category; choosing one filters the grid, "All" returns.
  await page.getByLabel('Group by').selectOption('category');
  const groups = page.getByRole('navigation', { name: 'Groups by Category' });
  await expect(groups.getByRole('button', { name: /Crime\s*1/ })).toBeVisible();
  await groups.getByRole('button', { name: /Crime/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Risks shown: 1 of 2$/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Carjacking on the airport road' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Flooding of the warehouse' })).toHaveCount(0);
  await groups.getByRole('button', { name: /All/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Risks shown: 2 of 2$/ })).toBeVisible();
  await page.getByLabel('Group by').selectOption('residualLevel');
  await expect(page.getByRole('navigation', { name: 'Groups by Residual level' }).getByRole('button', { name: /Low\s*2/ })).toBeVisible();

  // Changes since 7 days ago (the default): both risks were recorded in the period.
  await page.getByRole('tab', { name: 'Changes since a date' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^2 risks changed since/ })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Carjacking on the airport road' });
  await expect(row).toContainText('Residual likelihood');
  await expect(row).toContainText('Convoys in place');
  await expect(row).toContainText('Low');
  // The list exports as CSV through the save-location picker.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-risk-changes-'));
  try {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Changes list \(CSV\)/ }).click();
    const picker = page.getByRole('dialog', { name: 'Export the changes list' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.')).toBeVisible();
    await picker.getByLabel('File name').fill('changes.csv');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/Exported and verified: .*changes\.csv/)).toBeVisible();
    const lines = fs.readFileSync(path.join(folder, 'changes.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Residual level before');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toContain('Convoys in place');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  // A later start date: nothing changed since.
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Changes since', { exact: true }).fill(tomorrow);
  await expect(page.getByText(/^No risk level or measure changed since/)).toBeVisible();
  // Opening a risk from the list shows its detail.
  await page.getByLabel('Changes since', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Open R-002 Carjacking on the airport road' }).click();
  await expect(dialog(page)).toContainText('R-002 Carjacking on the airport road');
});
