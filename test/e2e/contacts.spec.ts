import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createVault, openPage } from './helpers';

const dialog = (page: Page) => page.getByRole('dialog');
/** "3 contacts" / "1 of 3 contacts" above the grid. */
const rowCount = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ (of \d+ )?contacts?$/ });
const gridRow = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

/** Today as the page writes it (medium date, English), the date the meeting is logged on by default. */
const todayInPage = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  });

test('quick add a contact, log a meeting, find them with the quick filter', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  await call(page, 'organisations.create', { name: 'UNDSS Kenya', type: 'undss' });
  await call(page, 'contacts.create', { name: 'Joseph Kamau', role: 'Duty officer' });
  await openPage(page, 'Contacts');
  await expect(rowCount(page)).toHaveText('1 contact');

  // Quick add: name, organisation, phone, Enter.
  await page.getByLabel("New contact's name").fill('Grace Wanjiru');
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'UNDSS Kenya' });
  await page.getByLabel('Phone', { exact: true }).fill('+254 700 123 456');
  await page.getByLabel('Phone', { exact: true }).press('Enter');
  await expect(rowCount(page)).toHaveText('2 contacts');
  const row = gridRow(page, 'Grace Wanjiru');
  await expect(row).toContainText('UNDSS Kenya');
  await expect(row).toContainText('+254 700 123 456');
  await expect(row).toContainText('Never contacted');

  // Open the contact and log a meeting.
  await row.locator('[col-id="name"]').dblclick();
  await expect(dialog(page).getByLabel('Name', { exact: true })).toHaveValue('Grace Wanjiru');
  await dialog(page).getByRole('button', { name: 'Log an interaction' }).click();
  await dialog(page).getByLabel('Subject').fill('Security coordination meeting');
  await dialog(page).getByLabel('Notes', { exact: true }).last().fill('Road to Garissa reopened.');
  await dialog(page).getByRole('button', { name: 'Log it' }).click();
  const log = dialog(page).getByRole('region', { name: 'Interactions' });
  await expect(log).toContainText('Security coordination meeting');
  await expect(log).toContainText('Meeting');
  const today = await todayInPage(page);
  await expect(dialog(page).getByTestId('contact-last-contact')).toHaveText(`Last contact: ${today}`);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);

  // Quick filter finds her; the grid shows the last-contact date.
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('wanjiru');
  await expect(rowCount(page)).toHaveText('1 of 2 contacts');
  await expect(gridRow(page, 'Grace Wanjiru').locator('[col-id="lastContactDate"]')).toHaveText(today);
  await expect(gridRow(page, 'Grace Wanjiru').locator('[col-id="daysSinceContact"]')).toHaveText('0 days');
  await expect(gridRow(page, 'Joseph Kamau')).toHaveCount(0);
});

test('import a vCard file after a preview, export vCard without sensitive contacts', async ({ page, vigil }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-contacts-'));
  try {
    const vcf = path.join(folder, 'phone.vcf');
    fs.writeFileSync(
      vcf,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Peter Otieno',
        'N:Otieno;Peter;;;',
        'ORG:Kenya Red Cross',
        'TEL;TYPE=CELL:+254 711 000 111',
        'EMAIL:peter.otieno@example.org',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Halima Abdi',
        'TEL;TYPE=work:+254 722 000 222',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
    await createVault(page, vigil.url);
    await call(page, 'contacts.create', { name: 'Confidential Source', sensitive: true });
    await openPage(page, 'Contacts');
    await expect(rowCount(page)).toHaveText('1 contact');

    await page.getByRole('button', { name: 'Import' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import contacts' });
    await importDialog.getByLabel('Choose a .vcf or .csv file').setInputFiles(vcf);
    const preview = importDialog.getByRole('region', { name: 'Import preview' });
    await expect(preview).toContainText('New: 2');
    await expect(preview).toContainText('Peter Otieno');
    await expect(preview).toContainText('Halima Abdi');
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importDialog).toHaveCount(0);
    await expect(rowCount(page)).toHaveText('3 contacts');
    await expect(gridRow(page, 'Peter Otieno')).toBeVisible();
    await expect(gridRow(page, 'Halima Abdi')).toContainText('+254 722 000 222');

    // Export vCard: the sensitive contact stays out unless the box is ticked, and the page says so.
    await expect(page.getByLabel('Include sensitive contacts')).not.toBeChecked();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /vCard/ }).click();
    const picker = page.getByRole('dialog', { name: 'Export the contacts' });
    await picker.getByLabel('Folder', { exact: true }).fill(folder);
    await picker.getByRole('button', { name: 'Open' }).click();
    await expect(picker.getByRole('list', { name: 'Folder contents' })).toBeVisible();
    await picker.getByLabel('File name').fill('contacts-out.vcf');
    await picker.getByRole('button', { name: 'Save here' }).click();
    await expect(picker).toHaveCount(0);
    await expect(page.getByText(/Exported and verified: .*contacts-out\.vcf.*\(2 contacts\)\. 1 sensitive contact was left out\./)).toBeVisible();

    const written = fs.readFileSync(path.join(folder, 'contacts-out.vcf'), 'utf8');
    expect(written.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(written).toContain('FN:Peter Otieno');
    expect(written).toContain('FN:Halima Abdi');
    expect(written).not.toContain('Confidential Source');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the network view draws organisations and people, and its list opens a contact', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const org = await call(page, 'organisations.create', { name: 'Kenya Red Cross', type: 'national_society' });
  await call(page, 'contacts.create', { name: 'Peter Otieno', organisationId: org.id, role: 'Branch coordinator' });
  await call(page, 'contacts.create', { name: 'Halima Abdi', organisationId: org.id, sensitive: true });
  await openPage(page, 'Contacts');
  await page.getByRole('tab', { name: 'Network' }).click();

  await expect(page.getByTestId('network-count')).toHaveText('3 nodes, 2 links');
  const graph = page.getByRole('img', { name: 'Graph of contacts and their organisations' });
  await expect(graph.locator('canvas').first()).toBeVisible();
  const legend = page.getByRole('list', { name: 'Legend' });
  await expect(legend).toContainText('National Society');
  await expect(legend).toContainText('Sensitive person');

  // The accessible list beside the graph opens the contact form.
  const list = page.getByRole('navigation', { name: 'People and organisations in the graph' });
  await expect(list.getByRole('button', { name: 'Halima Abdi · Sensitive' })).toBeVisible();
  await list.getByRole('button', { name: 'Peter Otieno' }).click();
  await expect(dialog(page).getByLabel('Name', { exact: true })).toHaveValue('Peter Otieno');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);

  // Filtering by another organisation type leaves nothing to draw.
  await page.getByLabel('Organisation type').selectOption({ label: 'Police' });
  await expect(page.getByText('No organisations of this type.')).toBeVisible();
  await page.getByLabel('Organisation type').selectOption({ label: 'National Society' });
  await expect(page.getByTestId('network-count')).toHaveText('3 nodes, 2 links');
});

test('group contacts by organisation: the group list counts them and filters the grid', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const undss = (await call(page, 'organisations.create', { name: 'UNDSS Dunmore', type: 'undss' })) as { id: string };
  const inso = (await call(page, 'organisations.create', { name: 'INSO Dunmore', type: 'inso' })) as { id: string };
  await call(page, 'contacts.create', { name: 'Grace Wanjiru', organisationId: undss.id });
  await call(page, 'contacts.create', { name: 'Omar Haddad', organisationId: undss.id });
  await call(page, 'contacts.create', { name: 'Lena Park', organisationId: inso.id });
  await openPage(page, 'Contacts');
  await expect(rowCount(page)).toHaveText('3 contacts');

  await page.getByLabel('Group by').selectOption('organisationName');
  const groups = page.getByRole('navigation', { name: 'Groups by Organisation' });
  await expect(groups.getByRole('button', { name: /UNDSS Dunmore\s*2/ })).toBeVisible();
  await groups.getByRole('button', { name: /UNDSS Dunmore/ }).click();
  await expect(rowCount(page)).toHaveText('2 of 3 contacts');
  await expect(gridRow(page, 'Lena Park')).toHaveCount(0);
  await groups.getByRole('button', { name: /INSO Dunmore/ }).click();
  await expect(rowCount(page)).toHaveText('1 of 3 contacts');
  await expect(gridRow(page, 'Lena Park')).toBeVisible();
  await groups.getByRole('button', { name: /All/ }).click();
  await expect(rowCount(page)).toHaveText('3 contacts');
});

test('the contact form edits messaging handles and coordinates, refusing coordinates it cannot read', async ({ page, vigil }) => {
  await createVault(page, vigil.url);
  const contact = (await call(page, 'contacts.create', { name: 'Grace Wanjiru' })) as { id: string };
  await openPage(page, 'Contacts');
  await gridRow(page, 'Grace Wanjiru').locator('[col-id="name"]').dblclick();

  await dialog(page).getByRole('button', { name: 'Add a messaging handle' }).click();
  await dialog(page).getByLabel('Service of handle 1').fill('Signal');
  await dialog(page).getByLabel('Handle 1', { exact: true }).fill('+254711000321');
  await dialog(page).getByRole('button', { name: 'Add a messaging handle' }).click();
  await dialog(page).getByLabel('Service of handle 2').fill('Telegram');
  await dialog(page).getByLabel('Handle 2', { exact: true }).fill('@grace_w');

  const coordinates = dialog(page).getByLabel('Coordinates (latitude, longitude)');
  await coordinates.fill('somewhere north');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page).getByText(/Not coordinates Vigil can read/)).toBeVisible();
  let saved = (await call(page, 'contacts.get', { id: contact.id })) as { messaging: unknown[]; latitude: number | null };
  expect(saved.messaging).toEqual([]);

  await coordinates.fill('1°17′00″S 36°49′00″E');
  await expect(dialog(page).getByText(/Read as latitude -1\.28333, longitude 36\.81667/)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  saved = (await call(page, 'contacts.get', { id: contact.id })) as { messaging: unknown[]; latitude: number | null; longitude: number | null };
  expect(saved).toMatchObject({
    messaging: [
      { service: 'Signal', handle: '+254711000321' },
      { service: 'Telegram', handle: '@grace_w' },
    ],
  });
  expect(saved.latitude).toBeCloseTo(-1.28333, 4);

  // Reopened, the form shows them; removing one handle and clearing the coordinates saves that.
  await gridRow(page, 'Grace Wanjiru').locator('[col-id="name"]').dblclick();
  await expect(dialog(page).getByLabel('Handle 2', { exact: true })).toHaveValue('@grace_w');
  await expect(coordinates).toHaveValue('-1.28333, 36.81667');
  await dialog(page).getByRole('button', { name: 'Remove handle 1' }).click();
  await coordinates.fill('');
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(dialog(page)).toHaveCount(0);
  saved = (await call(page, 'contacts.get', { id: contact.id })) as { messaging: unknown[]; latitude: number | null; longitude: number | null };
  expect(saved).toMatchObject({ messaging: [{ service: 'Telegram', handle: '@grace_w' }], latitude: null, longitude: null });
});
