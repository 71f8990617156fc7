import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const dialog = (page: Page) => page.getByRole('dialog');

test('import wizard: upload a French Windows-1252 CSV, check the mapping, dry run, commit; the grid and full text find the rows', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Incidents');
  await expect(page.getByText('No incidents recorded yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Import file…' }).first().click();
  await dialog(page).getByLabel('Choose a file').setInputFiles(path.join(FIXTURES, 'fr-semicolon-cp1252.csv'));
  await expect(dialog(page).getByText(/5 data rows \(CSV\)/)).toBeVisible();
  await expect(dialog(page).getByLabel("Vigil field for Date de l'incident")).toHaveValue('date');
  await expect(dialog(page).getByLabel('Vigil field for Tués')).toHaveValue('killed');

  await dialog(page).getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog(page).getByText('Dry run: 5 to create, 0 to update, 0 to skip, 0 problems.')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Import 5 incidents' }).click();
  await expect(dialog(page).getByText('Imported: 5 created, 0 updated.')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Close' }).last().click();

  await expect(page.getByRole('status').filter({ hasText: /^5 of 5 incidents$/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Mékélé' })).toHaveCount(2);
  await page.getByLabel('Search incidents').fill('evacuation');
  await expect(page.getByRole('status').filter({ hasText: /^1 of 5 incidents$/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Jijiga' })).toBeVisible();

  // Grouping by area: the core counts each area, choosing one filters the grid to it, "All" clears it.
  await page.getByLabel('Search incidents').fill('');
  await page.getByLabel('Group by').selectOption({ label: 'Area' });
  const areas = page.getByRole('navigation', { name: 'Groups by Area' });
  await expect(areas.getByRole('button', { name: /^Nord\s*2$/ })).toBeVisible();
  await areas.getByRole('button', { name: /^Nord\s*2$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^2 of 5 incidents$/ })).toBeVisible();
  await areas.getByRole('button', { name: /^All\s*5$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /^5 of 5 incidents$/ })).toBeVisible();

  // Statistics of the same rows: charts drawn, each exportable as PNG and CSV.
  await openPage(page, 'Statistics');
  await expect(page.getByRole('heading', { name: 'Incident statistics' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2024-01-01');
  await page.getByLabel('To', { exact: true }).fill('2024-12-31');
  await expect(page.getByRole('status').filter({ hasText: '5 incidents in the period' })).toBeVisible();
  const perMonth = page.getByRole('region', { name: 'Incidents per month, by category' });
  await expect(perMonth.locator('canvas')).toHaveCount(1);
  const [png] = await Promise.all([page.waitForEvent('download'), perMonth.getByRole('button', { name: 'PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('incidents-per-month.png');
  const [csv] = await Promise.all([page.waitForEvent('download'), perMonth.getByRole('button', { name: 'CSV' }).click()]);
  const text = fs.readFileSync((await csv.path())!, 'utf8');
  expect(text).toContain('2024-02,');
});

test('import wizard: map a category value, save the mapping with it as a preset, import', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Incidents');
  await page.getByRole('button', { name: 'Import file…' }).first().click();
  await dialog(page).getByLabel('Choose a file').setInputFiles(path.join(FIXTURES, 'fr-semicolon-cp1252.csv'));
  await dialog(page).getByRole('button', { name: 'Next: values' }).click();
  const crossfire = dialog(page).getByRole('row').filter({ hasText: 'Tirs croisés' });
  await expect(crossfire).toContainText('Not in the taxonomy');
  await dialog(page).getByLabel('Category: store “Tirs croisés” as').selectOption('Shooting');
  await expect(crossfire).not.toContainText('Not in the taxonomy');

  await dialog(page).getByRole('button', { name: 'Back to mapping' }).click();
  await dialog(page).getByLabel('Save mapping as…').fill('Field office CSV');
  await dialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Mapping saved.')).toBeVisible();

  await dialog(page).getByRole('button', { name: 'Next: values' }).click();
  await expect(dialog(page).getByLabel('Category: store “Tirs croisés” as')).toHaveValue('Shooting');
  await dialog(page).getByRole('button', { name: 'Dry run' }).click();
  await dialog(page).getByRole('button', { name: 'Import 5 incidents' }).click();
  await expect(dialog(page).getByText('Imported: 5 created, 0 updated.')).toBeVisible();

  const rows = (await call(page, 'incidents.list', { filterModel: { externalId: { filterType: 'text', type: 'equals', filter: 'FR-005' } } })).rows;
  expect(rows[0]!.category).toBe('Shooting');
  const presets = await call(page, 'incidents.importPresets', {});
  expect(presets).toHaveLength(1);
  expect(presets[0]).toMatchObject({ name: 'Field office CSV', values: { category: { 'Tirs croisés': 'Shooting' } }, mapping: { Catégorie: 'category' } });
});

test('import wizard: a long import shows its progress, and Escape cancels it without changing anything', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-import-long-'));
  const file = path.join(folder, 'long.csv');
  const lines = ['Ref,Date,Category'];
  for (let i = 1; i <= 100_000; i++) lines.push(`L${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},Shooting`);
  fs.writeFileSync(file, lines.join('\n'));
  try {
    await createVault(page, vigil.url);
    await openPage(page, 'Incidents');
    await page.getByRole('button', { name: 'Import file…' }).first().click();
    await dialog(page).getByLabel('Choose a file').setInputFiles(file);
    await dialog(page).getByRole('button', { name: 'Dry run' }).click();
    await expect(dialog(page).getByRole('progressbar')).toBeVisible();
    await expect(dialog(page).getByText('Dry run: 100000 to create, 0 to update, 0 to skip, 0 problems.')).toBeVisible({ timeout: 60_000 });
    await dialog(page).getByRole('button', { name: 'Import 100000 incidents' }).click();
    await expect(dialog(page).getByRole('button', { name: 'Cancel import' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog(page).getByText('Import cancelled; nothing was changed.')).toBeVisible({ timeout: 60_000 });
    expect((await call(page, 'incidents.list', {})).total).toBe(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('import wizard lists every bad row with its row number and commits nothing unless bad rows are skipped', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Incidents');
  await page.getByRole('button', { name: 'Import file…' }).first().click();
  await dialog(page).getByLabel('Choose a file').setInputFiles(path.join(FIXTURES, 'bad-values.csv'));
  await dialog(page).getByRole('button', { name: 'Dry run' }).click();
  const problems = dialog(page).getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row')).toHaveCount(5);
  await expect(problems.getByRole('row').filter({ hasText: '31/02/2024' })).toContainText('3');
  await expect(dialog(page).getByRole('button', { name: 'Import 4 incidents' })).toBeDisabled();
  await dialog(page).getByText(/Skip bad rows/).click();
  await dialog(page).getByRole('button', { name: 'Import 4 incidents' }).click();
  await expect(dialog(page).getByText('Imported: 4 created, 0 updated.')).toBeVisible();
});

test('export menu: the grid view as anonymised KML; the flash report of an incident', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Incidents');
  await page.getByRole('button', { name: 'Import file…' }).first().click();
  await dialog(page).getByLabel('Choose a file').setInputFiles(path.join(FIXTURES, 'fr-semicolon-cp1252.csv'));
  await dialog(page).getByRole('button', { name: 'Dry run' }).click();
  await dialog(page).getByRole('button', { name: 'Import 5 incidents' }).click();
  await expect(dialog(page).getByText('Imported: 5 created, 0 updated.')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: /^5 of 5 incidents$/ })).toBeVisible();

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-incidents-export-'));
  try {
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menuitem')).toHaveCount(5);
    await expect(page.getByLabel('Include restricted incidents')).not.toBeChecked();
    await page.getByLabel('Anonymise for partners').check();
    await page.getByLabel('Grid of').fill('25');
    await page.getByRole('menuitem', { name: /KML/ }).click();
    const picker = page.getByRole('dialog', { name: 'Export the incidents view' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.')).toBeVisible();
    await picker.getByLabel('File name').fill('partners.kml');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/Exported and verified: .*partners\.kml.*\(4 incidents\)/)).toBeVisible();
    const kml = fs.readFileSync(path.join(folder, 'partners.kml'), 'utf8');
    expect(kml.match(/<Placemark/g)).toHaveLength(4);
    expect(kml).not.toContain('Mékélé');
    expect(kml).not.toContain('faux barrage');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  await page.getByRole('row').filter({ hasText: 'Gode' }).first().dblclick();
  await dialog(page).getByRole('button', { name: 'Copy as message' }).click();
  const flash = page.getByRole('dialog', { name: 'Flash report' });
  await expect(flash.getByText(/What: Enlèvement/)).toBeVisible();
  await expect(flash.getByText(/Where: Gode/)).toBeVisible();
});

test('reporting deadlines: an overdue report is marked in the grid and on Home until its time is recorded; attachments kept in the vault', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  // No grace for the manager report, so it is overdue at once; the regional one is due in 48 h.
  await call(page, 'incidents.updateReportingSettings', { manager: 0, regional: 48, written: 24 });
  await call(page, 'incidents.create', { date: '2026-03', category: 'Armed robbery', placeName: 'Dunmore', severity: 'critical' });

  await openPage(page, 'Home');
  await expect(page.getByTestId('tile-overdue-reports')).toContainText('1 incident with a report overdue');

  await openPage(page, 'Incidents');
  const row = page.getByRole('row').filter({ hasText: 'Dunmore' }).first();
  await expect(row).toContainText('manager');
  await row.dblclick();
  const form = page.getByRole('dialog', { name: 'Incident', exact: true });
  await expect(form.getByTestId('deadline-manager')).toContainText('OVERDUE');
  await expect(form.getByTestId('deadline-written')).toContainText('Due');
  await form.getByTestId('deadline-manager').getByRole('button', { name: 'Done now' }).click();
  await expect(page.getByText('Report time recorded.')).toBeVisible();
  await expect(form.getByTestId('deadline-manager')).toContainText('Done late');

  // An attachment: uploaded, listed, saved back byte for byte through the save-location picker, deleted.
  const content = Buffer.from('witness statement (test)\n');
  await form.getByLabel('Attach a file').setInputFiles({ name: 'statement.txt', mimeType: 'text/plain', buffer: content });
  await expect(page.getByText('File attached.')).toBeVisible();
  const attachment = form.getByTestId('attachment');
  await expect(attachment).toContainText('statement.txt');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-attachment-'));
  try {
    await attachment.getByRole('button', { name: 'Save as…' }).click();
    const picker = page.getByRole('dialog', { name: 'Save attachment' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.')).toBeVisible();
    await picker.getByLabel('File name').fill('copy.txt');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(picker).toHaveCount(0);
    expect(fs.readFileSync(path.join(folder, 'copy.txt')).equals(content)).toBe(true);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await attachment.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete statement.txt?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(form.getByText('No attachment.')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  await expect(row).not.toContainText('manager');
  await openPage(page, 'Home');
  await expect(page.getByTestId('tile-overdue-reports')).toHaveCount(0);
});
