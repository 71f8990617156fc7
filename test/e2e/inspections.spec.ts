import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

/** An 8x8 PNG: a real image, checked by its magic bytes in the core. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC', 'base64');

test('run an inspection with a photo, finish it, create actions and read the PDF report', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-insp-'));
  try {
    const photo = path.join(folder, 'gate.png');
    fs.writeFileSync(photo, PNG);
    const notImage = path.join(folder, 'notes.png');
    fs.writeFileSync(notImage, 'not an image at all');

    await createVault(page, vigil.url);
    await call(page, 'premises.create', { name: 'Nairobi office', type: 'office' });
    await openPage(page, 'Inspections');
    await page.getByLabel('Premises').selectOption({ label: 'Nairobi office' });
    await expect(page.getByLabel('Checklist')).toHaveValue(/.+/);
    await page.getByRole('button', { name: 'Start inspection' }).click();

    // Keyboard only: N on the first item, Enter to the next, P on the second.
    const wall = page.getByTestId('item-perimeter.wall');
    await wall.focus();
    await page.keyboard.press('n');
    await expect(wall.getByRole('button', { name: 'No', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    const vegetation = page.getByTestId('item-perimeter.vegetation');
    await expect(vegetation).toBeFocused();
    await page.keyboard.press('p');
    await expect(vegetation.getByRole('button', { name: 'Partial' })).toHaveAttribute('aria-pressed', 'true');

    // A file that is not an image is refused with a clear message; a real one is kept.
    await page.getByTestId('photo-perimeter.wall').setInputFiles(notImage);
    await expect(page.getByText(/is not a PNG, JPEG or WebP image/)).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('photo-perimeter.wall').setInputFiles(photo);
    await expect(wall.locator('img')).toHaveCount(1);

    // A photo of a draft can be deleted, with the keyboard, after a confirmation that Escape cancels.
    await page.getByTestId('photo-perimeter.wall').setInputFiles(photo);
    await expect(wall.locator('img')).toHaveCount(2);
    const deleteSecond = wall.getByRole('button', { name: /^Delete Photo 2 of/ });
    await deleteSecond.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Delete this photo?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(wall.locator('img')).toHaveCount(2);
    await deleteSecond.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete photo' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Photo deleted.')).toBeVisible();
    await page.getByRole('status').getByRole('button', { name: 'Dismiss' }).click();
    await expect(wall.locator('img')).toHaveCount(1);
    await wall.getByRole('textbox', { name: 'Note' }).fill('Gap behind the kitchen');
    await wall.getByRole('textbox', { name: 'Note' }).blur();

    // Finishing too early is refused and the missing items are marked; nothing is lost.
    await page.getByRole('button', { name: 'Finish inspection' }).click();
    await expect(page.getByText(/required item\(s\) are not answered yet/)).toBeVisible();
    await expect(page.getByText('Answer required').first()).toBeVisible();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // The rest through the API, as fast as a user with a tablet would; the screen follows.
    const list = await call(page, 'inspections.list', {});
    const detail = await call(page, 'inspections.get', { id: list.rows[0]!.id });
    expect(detail.items[0]).toMatchObject({ value: 'no', note: 'Gap behind the kitchen' });
    for (const item of detail.items.slice(2)) {
      const value = item.answerType === 'check' ? 'yes' : item.answerType === 'number' ? '20' : item.answerType === 'date' ? '2024-01-15' : null;
      if (value) await call(page, 'inspections.answer', { inspectionId: detail.id, itemId: item.id, value });
    }
    await page.getByTestId('photo-perimeter.photo').setInputFiles(photo);
    await expect(page.getByTestId('item-perimeter.photo').locator('img')).toHaveCount(1);
    await expect(page.getByText('0 required items still to answer.')).toBeVisible();

    await page.getByRole('button', { name: 'Finish inspection' }).click();
    await expect(page.getByText('Inspection finished.')).toBeVisible();
    await expect(page.getByText('Finished', { exact: true })).toBeVisible();
    // A finished inspection keeps its photos: no delete button any more.
    await expect(page.getByTestId('item-perimeter.photo').locator('img')).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Delete Photo/ })).toHaveCount(0);

    await page.getByLabel('Owner').fill('Logistics officer');
    await page.getByLabel('Due date').fill('2020-01-31');
    await page.getByRole('button', { name: 'Create 2 actions from the failed items' }).click();
    await expect(page.getByText('Corrective actions created.')).toBeVisible();

    // The actions grid shows them, the overdue ones in red.
    await page.getByRole('tab', { name: 'Corrective actions' }).click();
    const rows = page.getByRole('region', { name: 'Corrective actions' }).getByRole('row').filter({ hasText: 'Logistics officer' });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveClass(/insp-late/);

    // Closing an action needs a closing note; the draft form keeps what was typed.
    await rows.first().dblclick();
    const form = page.getByRole('dialog', { name: 'Corrective action' });
    await form.getByLabel('Status').selectOption('done');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Say how the action was closed.')).toBeVisible();
    await form.getByLabel('Closing note').fill('Wall rebuilt by the landlord');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(rows).toHaveCount(1);

    // Home shows the one overdue action left.
    await openPage(page, 'Home');
    await expect(page.getByTestId('tile-overdue-actions')).toHaveText('1');
    await openPage(page, 'Inspections');

    // Back to the inspection: the PDF report through the save-location picker.
    await page.getByRole('tab', { name: 'Inspections' }).click();
    await page.getByRole('row').filter({ hasText: 'Nairobi office' }).click();
    await page.getByRole('button', { name: 'Report (PDF)' }).click();
    const picker = page.getByRole('dialog', { name: 'Save the inspection report' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByRole('list', { name: 'Folder contents' })).toBeVisible();
    await picker.getByLabel('File name').fill('report.pdf');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/Report written to .*report\.pdf/)).toBeVisible({ timeout: 30_000 });

    const pdf = path.join(folder, 'report.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    for (const expected of ['Premises inspection report', 'Nairobi office', 'PASS', 'Partial', 'Gap behind the kitchen', 'Logistics officer', 'Perimeter']) {
      expect(text).toContain(expected);
    }
    expect(execFileSync('pdfimages', ['-list', pdf]).toString()).toMatch(/image|smask/);
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toContain('report.pdf');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('equipment: expiry before purchase is refused, and badges show what is due', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const office = await call(page, 'premises.create', { name: 'Nairobi office', type: 'office' });
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await call(page, 'equipment.create', { premisesId: office.id, kind: 'fire_extinguisher', type: 'CO2', expiryDate: day(-3) });
  await call(page, 'equipment.create', { premisesId: office.id, kind: 'first_aid_kit', type: 'Office kit', expiryDate: day(10) });
  await openPage(page, 'Inspections');
  await page.getByRole('tab', { name: 'Equipment' }).click();
  const grid = page.getByRole('region', { name: 'Equipment' });
  await expect(grid.getByRole('row').filter({ hasText: 'CO2' })).toContainText('Overdue');
  await expect(grid.getByRole('row').filter({ hasText: 'Office kit' })).toContainText('Due within 30 days');

  await page.getByLabel('Premises', { exact: true }).selectOption({ label: 'Nairobi office' });
  await page.getByRole('button', { name: 'Add equipment' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Type').fill('Dry powder');
  await form.getByLabel('Purchase date').fill('2024-03-01');
  await form.getByLabel('Expiry').fill('2024-02-29');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('The expiry date cannot be before the purchase date.')).toBeVisible();
  await form.getByLabel('Expiry').fill('2029-02-28');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(grid.getByRole('row').filter({ hasText: 'Dry powder' })).toContainText('OK');
});

test('checklists: edit a preset (label, answer type, order, new item), refused then saved as a new version', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await openPage(page, 'Inspections');
  await page.getByRole('tab', { name: 'Checklists' }).click();
  await page.getByRole('row').filter({ hasText: 'Office inspection' }).click();
  await page.getByRole('button', { name: 'Edit (new version)' }).click();

  const label = (n: number) => page.getByRole('textbox', { name: `Item ${n}: label`, exact: true });
  await label(1).fill('Perimeter wall checked from a ladder');
  await page.getByRole('listitem', { name: 'Item 1', exact: true }).getByLabel('Answer type').selectOption('text');
  // Keyboard: Alt+ArrowDown moves the focused item below the next one of its section.
  await label(1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(label(2)).toHaveValue('Perimeter wall checked from a ladder');
  await expect(label(2)).toBeFocused();
  const wasSecond = await label(1).inputValue();

  // Deleting an item can be undone; deleted again, it stays out of the new version.
  const emblem = await label(3).inputValue();
  await page.getByRole('button', { name: `Delete “${emblem}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'removed.' })).toBeVisible();
  await expect(label(3)).not.toHaveValue(emblem);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(label(3)).toHaveValue(emblem);
  await page.getByRole('button', { name: `Delete “${emblem}”` }).click();

  // A new item with an empty label is refused in the form; nothing typed is lost.
  await page.getByRole('button', { name: 'Add an item to “Communications”' }).click();
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 problem to fix before saving' })).toBeVisible();
  await expect(page.getByText('Write what the inspector checks (the label cannot be empty).')).toBeVisible();
  await expect(label(2)).toHaveValue('Perimeter wall checked from a ladder');
  await page.getByRole('region', { name: /^Communications/ }).getByRole('listitem').last().getByPlaceholder('What the inspector checks').fill('Thuraya credit above 100 units');

  // Leaving with changes asks first.
  await page.getByRole('tab', { name: 'Inspections' }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Keep editing' }).click();
  await openPage(page, 'Home');
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Keep editing' }).click();
  await expect(label(2)).toHaveValue('Perimeter wall checked from a ladder');

  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText('Checklist saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Office inspection v2' })).toBeVisible();
  const perimeter = page.getByRole('region', { name: 'Perimeter' }).getByRole('row');
  await expect(perimeter.nth(0)).toContainText(wasSecond);
  await expect(perimeter.nth(1)).toContainText('Perimeter wall checked from a ladder');
  await expect(perimeter.nth(1)).toContainText('Text');
  await expect(page.getByText('Thuraya credit above 100 units')).toBeVisible();
  await expect(page.getByText(emblem)).toHaveCount(0);
  await page.getByRole('button', { name: 'Version history' }).click();
  const history = page.getByRole('region', { name: 'Version history' }).getByRole('row');
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText('v2');
  await expect(history.nth(2)).toContainText('v1');
});

test('actions and equipment grids: column filters run in the core, and the export writes what the grid shows', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-insp-grid-'));
  try {
    await createVault(page, vigil.url);
    const office = (await call(page, 'inspections.listTemplates', {})).find((t) => t.presetKey === 'office')!;
    // Two premises, three failed items each: one action per failed item.
    for (const [name, owner] of [
      ['Nairobi office', 'Logistics officer'],
      ['Mombasa warehouse', 'Warehouse keeper'],
    ] as const) {
      const premises = await call(page, 'premises.create', { name, type: 'office' });
      const run = await call(page, 'inspections.start', { premisesId: premises.id, templateId: office.id });
      const checks = run.items.filter((i) => i.answerType === 'check').slice(0, 3);
      for (const item of checks) await call(page, 'inspections.answer', { inspectionId: run.id, itemId: item.id, value: 'no' });
      await call(page, 'inspections.createActions', {
        inspectionId: run.id,
        actions: checks.map((item, i) => ({ itemId: item.id, owner, title: `${name} fix ${i + 1}`, dueDate: i === 0 ? '2020-01-31' : '2099-06-30' })),
      });
    }
    await call(page, 'premises.create', { name: 'Empty guest house', type: 'guest_house' });
    await openPage(page, 'Inspections');
    await page.getByRole('tab', { name: 'Corrective actions' }).click();
    const grid = page.getByRole('region', { name: 'Corrective actions' });
    const dataRows = grid.getByRole('row').filter({ hasText: / fix \d/ });
    await expect(dataRows).toHaveCount(6);
    await expect(page.getByRole('status').filter({ hasText: /actions?$/ })).toHaveText('6 actions');

    // The premises column filter: only that premises' actions.
    await grid.getByRole('combobox', { name: 'Premises' }).selectOption({ label: 'Mombasa warehouse' });
    await expect(dataRows).toHaveCount(3);
    await expect(dataRows.filter({ hasText: 'Nairobi office' })).toHaveCount(0);
    // Then the status filter's "Overdue": open and past due.
    await grid.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Overdue' });
    await expect(dataRows).toHaveCount(1);
    await expect(dataRows.first()).toContainText('Mombasa warehouse fix 1');
    await expect(dataRows.first()).toHaveClass(/insp-late/);

    // The export writes exactly that view.
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const picker = page.getByRole('dialog', { name: 'Export to' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByText('This folder is empty.')).toBeVisible();
    await picker.getByLabel('File name').fill('overdue.csv');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(page.getByText(/1 rows written to .*overdue\.csv/)).toBeVisible();
    const csv = fs.readFileSync(path.join(folder, 'overdue.csv'), 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('Mombasa warehouse fix 1');

    // Back to every status, then the quick search narrows within the premises filter.
    await grid.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any' });
    await expect(dataRows).toHaveCount(3);
    await page.getByRole('searchbox', { name: 'Search actions' }).fill('fix 3');
    await expect(dataRows).toHaveCount(1);
    await expect(dataRows.first()).toContainText('Mombasa warehouse fix 3');
    // Enter on a row opens it, as a double-click does.
    await dataRows.first().getByRole('gridcell').nth(2).click();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Corrective action' });
    await expect(form.getByLabel('Action')).toHaveValue('Mombasa warehouse fix 3');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toHaveCount(0);

    // Equipment: the kind filter is run by the core too.
    const premises = (await call(page, 'premises.list', {})).rows.find((p) => p.name === 'Nairobi office')!;
    await call(page, 'equipment.create', { premisesId: premises.id, kind: 'fire_extinguisher', type: 'CO2', expiryDate: '2099-01-31' });
    await call(page, 'equipment.create', { premisesId: premises.id, kind: 'radio', type: 'VHF handset' });
    await page.getByRole('tab', { name: 'Equipment' }).click();
    const equipment = page.getByRole('region', { name: 'Equipment' });
    await expect(equipment.getByRole('row').filter({ hasText: /CO2|VHF handset/ })).toHaveCount(2);
    await equipment.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Radio' });
    await expect(equipment.getByRole('row').filter({ hasText: 'VHF handset' })).toHaveCount(1);
    await expect(equipment.getByRole('row').filter({ hasText: 'CO2' })).toHaveCount(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
