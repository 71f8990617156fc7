import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, OFFICER, openPage } from './helpers';

/** Kenya (Orange, declared) > Nairobi (a city straight under it, so it inherits Orange). */
async function seedAreas(page: Page) {
  const kenya = await call(page, 'areas.create', { name: 'Kenya', level: 'country', parentId: null });
  const nairobi = await call(page, 'areas.create', { name: 'Nairobi', level: 'city', parentId: kenya.id });
  await call(page, 'phases.declare', { areaId: kenya.id, level: 3, reason: 'Post-election unrest' });
  return { kenya, nairobi };
}

const dialog = (page: Page) => page.getByRole('dialog');
/** "3 premises" / "1 of 3 premises" above the grid (toasts are status messages too). */
const rowCount = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ (of \d+ )?premises$/ });
const gridRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

test('areas: a country, a city under it, a declared phase, its history and inheritance', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Areas & phases');
  await expect(page.getByText('No areas yet — add the country you work in.')).toBeVisible();

  await page.getByRole('button', { name: 'Add country' }).first().click();
  await dialog(page).getByLabel('Country name').fill('Kenya');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  const kenya = page.getByRole('treeitem', { name: /^Kenya/ });
  await expect(kenya).toHaveAttribute('aria-selected', 'true');

  // The child's level defaults to the next one down; a city can sit straight under a country.
  await page.getByRole('button', { name: 'Add province' }).click();
  await dialog(page).getByLabel('Level').selectOption('city');
  await dialog(page).getByLabel('City name').fill('Nairobi');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  const nairobi = page.getByRole('treeitem', { name: /^Nairobi/ });
  await expect(nairobi).toHaveAttribute('aria-level', '2');
  await expect(kenya).toHaveAttribute('aria-expanded', 'true');
  // A city is the last level: nothing can be added under it.
  await expect(page.getByRole('button', { name: /^Add (province|district|city)$/ })).toHaveCount(0);

  // Keyboard: Up goes back to the country, whose details then show.
  await nairobi.focus();
  await page.keyboard.press('ArrowUp');
  await expect(kenya).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Kenya' })).toBeVisible();

  await page.getByRole('button', { name: 'Declare phase' }).click();
  await dialog(page).getByRole('radio', { name: 'Orange' }).check();
  await dialog(page).getByRole('button', { name: 'Declare phase' }).click();
  // The reason is required: nothing is declared without one.
  await expect(dialog(page).getByText('Required.')).toBeVisible();
  await dialog(page).getByLabel('Reason').fill('Post-election unrest in the capital');
  await dialog(page).getByRole('button', { name: 'Declare phase' }).click();
  await expect(dialog(page)).toHaveCount(0);

  await expect(kenya).toContainText('Orange');
  await expect(nairobi).toContainText('Orange');
  await expect(nairobi).toContainText(/inherited from .*Kenya/);
  const history = page.getByRole('region', { name: 'Phase history' });
  await expect(history).toContainText('Orange');
  await expect(history).toContainText('Post-election unrest in the capital');
  await expect(history).toContainText(OFFICER);

  // A country with a city in it cannot be deleted: the dialog says why.
  await page.getByRole('button', { name: 'Delete area' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('It still contains 1 sub-area.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(kenya).toBeVisible();

  // Home shows the declared phase (only the country's own declaration, not the inherited one).
  await openPage(page, 'Home');
  const tile = page.getByRole('region', { name: 'Security phase by area' });
  await expect(tile).toContainText('Kenya');
  await expect(tile).toContainText('Orange');
  await expect(tile).not.toContainText('Nairobi');
});

test('premises: add with coordinates, inherited phase in the grid, edit, bad latitude, delete', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await seedAreas(page);
  await openPage(page, 'Premises');
  await expect(page.getByText('No premises yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Add premises' }).click();
  await dialog(page).getByLabel('Name').fill('Nairobi delegation office');
  await dialog(page).getByLabel('Type').selectOption('office');
  await dialog(page).getByLabel('Area').selectOption({ label: 'Kenya › Nairobi' });
  // The form shows the phase the premises will have before it is saved.
  await expect(dialog(page)).toContainText(/Orange\s*inherited from .*Kenya/);
  await dialog(page).getByLabel('Latitude').fill('-1.2921');
  await dialog(page).getByLabel('Longitude').fill('36.8219');
  await dialog(page).getByLabel('Has a safe room').check();
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);

  const row = gridRow(page, 'Nairobi delegation office');
  await expect(row).toContainText('Office');
  await expect(row).toContainText('Orange');
  await expect(rowCount(page)).toHaveText('1 premises');

  // Double-click opens the edit form, with what was saved; rename.
  await row.locator('[col-id="name"]').dblclick();
  await expect(dialog(page).getByLabel('Name')).toHaveValue('Nairobi delegation office');
  await expect(dialog(page).getByLabel('Latitude')).toHaveValue('-1.2921');
  await expect(dialog(page).getByLabel('Longitude')).toHaveValue('36.8219');
  await dialog(page).getByLabel('Name').fill('Nairobi main office');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(gridRow(page, 'Nairobi main office')).toBeVisible();

  // A latitude of 95 is refused on the field, and nothing is saved.
  await gridRow(page, 'Nairobi main office').locator('[col-id="name"]').dblclick();
  await dialog(page).getByLabel('Latitude').fill('95');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page).getByText('Latitude must be between −90 and 90.')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await gridRow(page, 'Nairobi main office').locator('[col-id="name"]').dblclick();
  await expect(dialog(page).getByLabel('Latitude')).toHaveValue('-1.2921');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  const stored = await call(page, 'premises.list', {});
  expect(stored.rows[0]?.latitude).toBe(-1.2921);

  // Enter on a focused row opens it too; delete after confirming.
  await gridRow(page, 'Nairobi main office').locator('[col-id="name"]').click();
  await page.keyboard.press('Enter');
  await dialog(page).getByRole('button', { name: 'Delete premises' }).click();
  await page.getByRole('dialog', { name: /Delete .*Nairobi main office/ }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No premises yet.')).toBeVisible();
  expect((await call(page, 'premises.list', {})).total).toBe(0);
});

test('export the current view to CSV and XLSX through the save-location picker', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-export-'));
  try {
    await createVault(page, vigil.url);
    const { nairobi } = await seedAreas(page);
    await call(page, 'premises.create', { name: 'Nairobi office', type: 'office', areaId: nairobi.id, latitude: -1.2921, longitude: 36.8219 });
    await call(page, 'premises.create', { name: 'Mombasa warehouse', type: 'warehouse', address: 'Port road 12' });
    await call(page, 'premises.create', { name: 'Kisumu guest house', type: 'guest_house' });
    await openPage(page, 'Premises');
    await expect(rowCount(page)).toHaveText('3 premises');

    // Narrow the view: the export must contain exactly what the grid shows.
    await page.getByRole('searchbox', { name: 'Search premises' }).fill('nairobi');
    await expect(rowCount(page)).toHaveText('1 of 3 premises');

    const saveVia = async (format: RegExp, fileName: string) => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: format }).click();
      const picker = page.getByRole('dialog', { name: 'Export the premises view' });
      await picker.getByLabel('Folder', { exact: true }).fill(folder);
      await picker.getByRole('button', { name: 'Open' }).click();
      await expect(picker.getByText('This folder is empty.').or(picker.getByRole('list', { name: 'Folder contents' }))).toBeVisible();
      await picker.getByLabel('File name').fill(fileName);
      await picker.getByRole('button', { name: 'Save here' }).click();
      await expect(picker).toHaveCount(0);
    };

    await saveVia(/CSV/, 'nairobi.csv');
    await expect(page.getByText(/Exported and verified: .*nairobi\.csv.*\(1 row\)/)).toBeVisible();
    const csvPath = path.join(folder, 'nairobi.csv');
    const csv = fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Name');
    expect(lines[0]).toContain('Security phase');
    expect(lines[1]).toContain('Nairobi office');
    expect(lines[1]).toContain('Orange');
    expect(lines[1]).toContain('-1.2921');

    // SHA256SUMS sits beside the export and matches the bytes on disk.
    const sums = fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8');
    const digest = createHash('sha256').update(fs.readFileSync(csvPath)).digest('hex');
    expect(sums).toContain(`${digest}  nairobi.csv`);

    // Clear the quick filter: the XLSX has every row. The extension is added when left out.
    await page.getByRole('searchbox', { name: 'Search premises' }).fill('');
    await expect(rowCount(page)).toHaveText('3 premises');
    await saveVia(/XLSX/, 'all-premises');
    await expect(page.getByText(/Exported and verified: .*all-premises\.xlsx.*\(3 rows\)/)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, 'all-premises.xlsx'));
    const names = workbook.worksheets[0]!.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(names).toEqual(expect.arrayContaining(['Name', 'Nairobi office', 'Mombasa warehouse', 'Kisumu guest house']));
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toContain('all-premises.xlsx');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
